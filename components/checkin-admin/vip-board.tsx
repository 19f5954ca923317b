"use client";

import { ConnectionBadge, VipList, type DashboardLabels } from "./dashboard-parts";
import { ddmmyyyy, fill, hhmm } from "./format";
import type { CheckinStats } from "./types";
import { useLiveStats } from "./use-live-stats";

// Printing shows the list only (whatever layout surrounds it), black on white, without arrival times.
const PRINT_CSS = `
@page { size: A4; margin: 15mm; }
@media print {
  body * { visibility: hidden !important; }
  .vip-print, .vip-print * { visibility: visible !important; }
  .vip-print { position: absolute; left: 0; top: 0; width: 100%; }
  .vip-print .vip-time, .vip-print .vip-controls { display: none !important; }
  .vip-print li { break-inside: avoid; }
}`;

/** The VIPs present for the MC, live from the hall door, in very large type; prints as a clean list. */
export function VipBoard({ initial, labels, text, locale }: {
  initial: CheckinStats;
  locale: "vi" | "en";
  labels: DashboardLabels;
  text: { title: string; intro: string; print: string; printedAt: string };
}) {
  const { stats, connection } = useLiveStats(initial, locale);
  return (
    <div className="vip-print">
      <style>{PRINT_CSS}</style>
      <h1 className="text-3xl font-bold text-brand-dark">{text.title}</h1>
      <p className="mt-1 text-muted">{text.intro}</p>
      <p className="mt-1 hidden text-sm print:block">{fill(text.printedAt, { time: hhmm(stats.generatedAt), date: ddmmyyyy(stats.generatedAt) })}</p>
      <div className="vip-controls mt-4 flex flex-wrap items-center gap-4">
        <ConnectionBadge connection={connection} generatedAt={stats.generatedAt} labels={labels.dashboard} />
        <button
          type="button" onClick={() => window.print()}
          className="inline-flex min-h-11 items-center justify-center rounded bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark"
        >
          {text.print}
        </button>
      </div>
      <div className="mt-6">
        <VipList vips={stats.vips} labels={labels.dashboard} size="huge" />
      </div>
    </div>
  );
}
