"use client";

import { useCallback, useMemo, useState } from "react";
import { searchKey } from "@/lib/text/normalize";
import type { CheckinAdminMessages } from "@/messages/sections/checkin-admin.vi";
import { dateTime, fill, num, percent, type UiLocale } from "./format";
import type { AttendanceDelegation } from "./types";

type Show = "all" | "arrived" | "absent";
type Labels = CheckinAdminMessages["attendance"];
type AttendancePerson = AttendanceDelegation["people"][number];

/**
 * Attendance per delegation: one collapsible block per province, ministry (and "no delegation"),
 * who came and who did not. Filtering happens here, on the list the server rendered (a few
 * thousand people at most), by delegation or delegate name with or without diacritics.
 */
export function AttendanceList({ items, labels, checkpointNames, locale }: {
  items: AttendanceDelegation[]; labels: Labels; checkpointNames: Record<string, string>; locale: UiLocale;
}) {
  const [query, setQuery] = useState("");
  const [show, setShow] = useState<Show>("all");
  // Open blocks by key; a closed block renders no rows, so thousands of delegates stay light.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const indexed = useMemo(
    () => items.map((d) => ({ d, id: keyOf(d), key: searchKey(d.delegation), people: d.people.map((p) => ({ p, key: searchKey(p.name) })) })),
    [items],
  );
  const select = useCallback((q: string, s: Show) => {
    const k = searchKey(q);
    return indexed.flatMap(({ d, id, key, people }) => {
      const byDelegation = !k || key.includes(k);
      const shown = people
        .filter(({ p }) => s === "all" || (s === "arrived" ? p.arrivedAt !== null : p.arrivedAt === null))
        .filter(({ key: pk }) => byDelegation || pk.includes(k))
        .map(({ p }) => p);
      if (shown.length === 0 && (k || s !== "all")) return [];
      return [{ d, id, people: shown, personMatch: Boolean(k) && !byDelegation }];
    });
  }, [indexed]);
  const filtered = useMemo(() => select(query, show), [select, query, show]);

  function onQuery(value: string) {
    setQuery(value);
    // A delegate found by name: open the block that holds them.
    setOpen(new Set(select(value, show).filter((x) => x.personMatch).map((x) => x.id)));
  }
  function toggle(id: string, isOpen: boolean) {
    setOpen((prev) => {
      if (prev.has(id) === isOpen) return prev;
      const next = new Set(prev);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  if (items.length === 0) return <p className="mt-4 text-muted">{labels.empty}</p>;

  return (
    <div className="mt-4 space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="attendance-q" className="block text-sm font-semibold">{labels.search}</label>
          <p id="attendance-q-hint" className="mt-1 text-sm text-muted">{labels.searchHint}</p>
          <input
            id="attendance-q" type="search" value={query} onChange={(e) => onQuery(e.target.value)} aria-describedby="attendance-q-hint" autoComplete="off"
            className="mt-1 block min-h-11 w-full rounded border border-stone-400 bg-white px-3 py-2 text-base focus:border-blue-700 focus:outline-none focus-visible:outline-3 focus-visible:outline-blue-700"
          />
        </div>
        <fieldset>
          <legend className="text-sm font-semibold">{labels.show}</legend>
          <div className="mt-1 flex flex-wrap gap-x-1">
            {([["all", labels.showAll], ["arrived", labels.showArrived], ["absent", labels.showAbsent]] as const).map(([value, label]) => (
              <label key={value} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded px-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-700">
                <input type="radio" name="attendance-show" value={value} checked={show === value} onChange={() => setShow(value)} className="size-5 accent-brand" />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex gap-2">
          <button type="button" onClick={() => setOpen(new Set(filtered.map((x) => x.id)))} className="inline-flex min-h-11 items-center rounded border border-stone-400 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-100">{labels.expandAll}</button>
          <button type="button" onClick={() => setOpen(new Set())} className="inline-flex min-h-11 items-center rounded border border-stone-400 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-100">{labels.collapseAll}</button>
        </div>
      </div>
      <p role="status" className="text-sm text-muted">{fill(labels.count, { shown: filtered.length, total: items.length })}</p>
      {filtered.length === 0 ? (
        <p className="text-muted">{labels.noMatch}</p>
      ) : (
        <div className="space-y-2" data-testid="attendance-list">
          {filtered.map(({ d, id, people }) => {
            const isOpen = open.has(id);
            return (
              <details key={id} open={isOpen} onToggle={(e) => toggle(id, e.currentTarget.open)} className="rounded-lg border border-stone-200 bg-white shadow-sm" data-testid="delegation">
                <summary className="flex min-h-11 cursor-pointer flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
                  <span className="font-semibold">
                    {d.delegation}
                    {d.kind && <span className="ml-2 text-xs font-normal text-muted">{labels.kinds[d.kind]}</span>}
                  </span>
                  <span className="text-sm tabular-nums">{fill(labels.summary, { arrived: num(d.arrived, locale), registered: num(d.registered, locale), rate: percent(d.arrived, d.registered, locale) })}</span>
                </summary>
                {isOpen && <People people={people} caption={d.delegation} labels={labels} checkpointNames={checkpointNames} />}
              </details>
            );
          })}
        </div>
      )}
    </div>
  );
}

function keyOf(d: AttendanceDelegation): string {
  return `${d.kind ?? "none"}-${d.unitCode ?? ""}-${d.delegation}`;
}

function People({ people, caption, labels, checkpointNames }: { people: AttendancePerson[]; caption: string; labels: Labels; checkpointNames: Record<string, string> }) {
  return (
    <div className="relative overflow-x-auto border-t border-stone-200">
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-stone-300 px-3 py-2 font-semibold">{labels.name}</th>
            <th scope="col" className="border-b-2 border-stone-300 px-3 py-2 font-semibold">{labels.position}</th>
            <th scope="col" className="border-b-2 border-stone-300 px-3 py-2 font-semibold">{labels.category}</th>
            <th scope="col" className="border-b-2 border-stone-300 px-3 py-2 font-semibold">{labels.arrivedAt}</th>
            <th scope="col" className="border-b-2 border-stone-300 px-3 py-2 font-semibold">{labels.checkpoints}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className={p.arrivedAt ? undefined : "bg-stone-50"}>
              <th scope="row" className="border-b border-stone-200 px-3 py-1.5 font-medium">{p.name}</th>
              <td className="border-b border-stone-200 px-3 py-1.5">{p.position}</td>
              <td className="border-b border-stone-200 px-3 py-1.5">{p.category}</td>
              <td className="border-b border-stone-200 px-3 py-1.5 whitespace-nowrap">
                {p.arrivedAt ? dateTime(p.arrivedAt) : <span className="font-semibold text-red-800">{labels.notArrived}</span>}
              </td>
              <td className="border-b border-stone-200 px-3 py-1.5">{p.checkpoints.map((c) => checkpointNames[c] ?? c).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
