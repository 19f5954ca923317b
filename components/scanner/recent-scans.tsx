"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import { cx, ui } from "@/components/ui/styles";
import { api } from "./api";
import { fill, formatWhen } from "./format";
import { IconAlert, IconCheck, IconCross } from "./icons";
import type { RecentScan } from "./types";

type State = { kind: "loading" } | { kind: "done"; items: RecentScan[] } | { kind: "error"; message: string };

/** Supervisors: the 20 latest scans at this checkpoint, newest first, each admitted one with an undo. */
export function RecentScans({
  t, locale, checkpoint, refreshKey, onUndo,
}: {
  t: ScannerMessages;
  locale: string;
  checkpoint: string;
  refreshKey: number;
  onUndo: (scan: { id: number; name: string; at: string }) => void;
}) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [manualRefresh, setManualRefresh] = useState(0);
  const abortRef = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    abortRef.current?.abort();
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    api<{ items: RecentScan[] }>(locale, `/api/v1/checkins?${new URLSearchParams({ checkpoint, limit: "20" })}`, { signal: ctrl.signal })
      .then((res) => {
        if (ctrl.signal.aborted) return;
        if (res.ok) setState({ kind: "done", items: res.data.items });
        else setState({ kind: "error", message: "problem" in res ? res.problem.detail || res.problem.title : t.errors.network });
      })
      .catch(() => undefined);
  }, [checkpoint, locale, t.errors.network]);

  useEffect(() => {
    // a short delay groups the refreshes of scans answered in quick succession
    const id = setTimeout(load, 150);
    return () => {
      clearTimeout(id);
      abortRef.current?.abort();
    };
  }, [load, refreshKey, manualRefresh]);

  return (
    <section aria-labelledby="recent-title" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="recent-title" className={ui.h2}>{t.recent.title}</h2>
        <button type="button" className={cx(ui.button, ui.secondary, "shrink-0 whitespace-nowrap")} onClick={() => setManualRefresh((n) => n + 1)}>{t.recent.refresh}</button>
      </div>
      <div aria-busy={state.kind === "loading"} className="min-h-6">
        {state.kind === "loading" && <p className="text-sm text-muted">{t.recent.loading}</p>}
        {state.kind === "error" && <p role="alert" className={ui.error}>{state.message}</p>}
        {state.kind === "done" && state.items.length === 0 && <p className="text-sm">{t.recent.empty}</p>}
        {state.kind === "done" && state.items.length > 0 && (
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="recent-scans">
            {state.items.map((s) => {
              const name = s.registration?.name ?? t.recent.unknownPerson;
              const Icon = s.result === "admitted" ? IconCheck : s.result === "already_admitted" ? IconAlert : IconCross;
              const word = s.result === "admitted" ? (s.direction === "out" ? t.result.admittedOut : t.result.admitted)
                : s.result === "already_admitted" ? t.result.alreadyAdmitted
                : s.result === "refused" ? t.result.refused : t.result.invalid;
              const colour = s.result === "admitted" ? "text-green-800" : s.result === "already_admitted" ? "text-amber-800" : "text-red-800";
              return (
                <li key={s.id} className={cx("flex items-start gap-3 px-3 py-2", s.undone && "bg-stone-100")} data-scan-id={s.id}>
                  <Icon className={cx("mt-1 h-5 w-5 shrink-0", colour)} />
                  <div className="min-w-0 flex-1 text-sm">
                    <p className={cx("font-semibold", s.undone && "line-through")}>{name}</p>
                    <p>
                      <span className={cx("font-semibold", colour)}>{word}</span>
                      {" · "}
                      <time dateTime={s.at}>{formatWhen(s.at)}</time>
                      {" · "}
                      {s.direction === "in" ? t.recent.in : t.recent.out}
                      {s.method === "manual" && ` · ${t.recent.manual}`}
                    </p>
                    <p className="text-muted">{[s.device, s.by ? fill(t.recent.by, { name: s.by }) : null].filter(Boolean).join(" · ")}</p>
                    {s.undone && <p className="font-semibold text-stone-700">{t.recent.undone}</p>}
                  </div>
                  {!s.undone && s.result === "admitted" && (
                    <button
                      type="button"
                      className={cx(ui.button, ui.secondary, "shrink-0")}
                      aria-label={fill(t.recent.undoFor, { name })}
                      onClick={() => onUndo({ id: s.id, name, at: s.at })}
                    >
                      {t.recent.undo}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
