"use client";

import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import { cx } from "@/components/ui/styles";
import { fill, formatWhen } from "./format";
import type { OfflineSnapshot } from "./offline/engine";

/**
 * The scanner's offline state under its top bar: "Ngoại tuyến — N lượt quét chờ gửi" and the time
 * of the last sync while offline; the upload in progress when back online; nothing when all is well.
 */
export function OfflineBanner({ t, snap, onSync }: { t: ScannerMessages; snap: OfflineSnapshot; onSync: () => void }) {
  if (!snap.ready || !snap.device) return null;
  const last = snap.lastSyncAt ? fill(t.offline.lastSync, { time: formatWhen(snap.lastSyncAt) }) : t.offline.neverSynced;
  if (!snap.offline && snap.queueLength === 0 && !snap.uploadError) {
    if (!snap.lastSyncAt) return <p className="bg-amber-100 px-4 py-2 text-sm text-stone-950" data-testid="offline-status" data-synced="">{t.offline.neverSynced}</p>;
    return (
      <p className="flex items-center gap-2 bg-white px-4 text-xs text-muted" data-testid="offline-status" data-synced={snap.lastSyncAt} data-roster={snap.rosterSize}>
        <span className="flex-1">{fill(t.offline.roster, { count: snap.rosterSize })} · {last}</span>
        <button type="button" className="min-h-11 px-2 font-semibold underline" onClick={onSync}>{t.offline.syncNow}</button>
      </p>
    );
  }
  return (
    <div
      role="status"
      data-testid="offline-banner"
      data-state={snap.offline ? "offline" : "sending"}
      data-queue={snap.queueLength}
      className={cx("flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2", snap.offline ? "bg-slate-800 text-white" : "bg-amber-100 text-stone-950")}
    >
      <p className="font-bold">{snap.offline ? fill(t.offline.banner, { count: snap.queueLength }) : fill(t.offline.sending, { count: snap.queueLength })}</p>
      <p className="text-sm" data-testid="offline-last-sync">{last}</p>
      {snap.uploadError && <p className="w-full text-sm font-semibold">{fill(t.offline.uploadError, { detail: snap.uploadError })}</p>}
      <button type="button" className="ml-auto min-h-11 rounded border-2 border-current px-3 text-sm font-semibold" onClick={onSync}>{t.offline.syncNow}</button>
    </div>
  );
}
