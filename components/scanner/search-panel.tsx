"use client";

import { useEffect, useRef, useState } from "react";
import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import { cx, ui } from "@/components/ui/styles";
import { api } from "./api";
import { fill, formatWhen } from "./format";
import type { OfflineEngine } from "./offline/engine";
import { searchRoster } from "./offline/roster";
import { registrationOf } from "./offline/rules";
import type { SearchItem } from "./types";

type State =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "done"; items: SearchItem[] }
  | { kind: "error"; message: string };

/**
 * Lost badge: find a delegate by name (diacritics optional, the server normalises) or phone.
 * Supervisors check the person in by hand from here. Searches as you type (debounced).
 */
export function SearchPanel({
  t, locale, checkpoint, supervisor, refreshKey, onManual, offline = null,
}: {
  t: ScannerMessages;
  locale: string;
  checkpoint: string;
  supervisor: boolean;
  /** changes after each recorded scan, so "checked in" states stay current */
  refreshKey: number;
  onManual: (item: SearchItem) => void;
  /** while offline: search the roster stored on the device (names without diacritics, phone by hash) */
  offline?: OfflineEngine | null;
}) {
  const [q, setQ] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const query = q.trim();
    abortRef.current?.abort();
    if (query.length < 2) {
      const id = setTimeout(() => setState({ kind: "idle" }), 0);
      return () => clearTimeout(id);
    }
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    const roster = offline?.localRoster() ?? null;
    if (roster) {
      const id = setTimeout(() => {
        void searchRoster(roster, query).then((rows) => {
          if (ctrl.signal.aborted) return;
          setState({
            kind: "done",
            items: rows.map((r) => {
              const p = roster.presence.get(r[0]);
              return { ...registrationOf(roster, r), phoneTail: "", checkedIn: p ? { at: p.firstAt, checkpoint } : null };
            }),
          });
        });
      }, 150);
      return () => {
        clearTimeout(id);
        ctrl.abort();
      };
    }
    const id = setTimeout(() => {
      setState((s) => (s.kind === "done" ? s : { kind: "loading" }));
      api<{ items: SearchItem[] }>(locale, `/api/v1/checkins/search?${new URLSearchParams({ q: query, checkpoint })}`, { signal: ctrl.signal })
        .then((res) => {
          if (ctrl.signal.aborted) return;
          if (res.ok) setState({ kind: "done", items: res.data.items });
          else setState({ kind: "error", message: "problem" in res ? res.problem.detail || res.problem.title : t.errors.network });
        })
        .catch(() => undefined); // aborted by a newer query
    }, 250);
    return () => {
      clearTimeout(id);
      ctrl.abort();
    };
  }, [q, checkpoint, locale, refreshKey, t.errors.network, offline]);

  return (
    <section aria-labelledby="search-title" className="space-y-3">
      <h2 id="search-title" className={ui.h2}>{t.search.title}</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="scanner-search" className={ui.label}>{t.search.label}</label>
        <input
          id="scanner-search"
          type="search"
          className={cx(ui.input, "mt-1")}
          value={q}
          maxLength={100}
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby="scanner-search-hint"
          aria-controls="scanner-search-results"
          onChange={(e) => setQ(e.target.value)}
        />
        <p id="scanner-search-hint" className={ui.hint}>{t.search.hint}</p>
      </form>
      {offline && <p className="text-sm text-muted" data-testid="search-offline">{t.offline.searchLocal}</p>}
      <div id="scanner-search-results" aria-live="polite" aria-busy={state.kind === "loading"} className="min-h-6">
        {state.kind === "loading" && <p className="text-sm text-muted">{t.search.searching}</p>}
        {state.kind === "error" && <p role="alert" className={ui.error}>{state.message}</p>}
        {state.kind === "done" && state.items.length === 0 && <p className="text-sm">{t.search.empty}</p>}
        {state.kind === "done" && state.items.length > 0 && (
          <>
            <p className="sr-only">{fill(t.search.count, { count: state.items.length })}</p>
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="search-results">
              {state.items.map((item) => (
                <li key={item.id} className="flex flex-wrap items-start gap-3 px-3 py-3">
                  <span className="mt-1 inline-block h-5 w-5 shrink-0 rounded-sm border border-stone-400" style={{ backgroundColor: item.colour }} aria-hidden="true" />
                  <div className="min-w-0 flex-1">
                    <p className="font-semibold">{item.name}</p>
                    <p className="text-sm text-muted">{[item.position, item.organisation].filter(Boolean).join(" · ")}</p>
                    <p className="text-sm text-muted">
                      {[item.delegation, item.category, item.phoneTail ? fill(t.search.phone, { tail: item.phoneTail }) : null].filter(Boolean).join(" · ")}
                    </p>
                    <p className={cx("text-sm font-semibold", item.checkedIn ? "text-green-800" : "text-stone-700")}>
                      {item.checkedIn ? fill(t.search.checkedIn, { time: formatWhen(item.checkedIn.at) }) : t.search.notCheckedIn}
                    </p>
                  </div>
                  {supervisor && !offline && (
                    <button
                      type="button"
                      className={cx(ui.button, ui.secondary, "w-full sm:w-auto")}
                      aria-label={fill(t.search.manualFor, { name: item.name })}
                      onClick={() => onManual(item)}
                    >
                      {t.search.manual}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
