"use client";

import { useCallback, useEffect, useState } from "react";
import type { DeviceView } from "@/lib/checkin/devices";
import { fill, hhmmss, type UiLocale } from "./format";
import type { DashboardLabels } from "./dashboard-parts";

const REFRESH_MS = 30_000;
const button = "inline-flex min-h-11 items-center rounded border-2 px-3 text-sm font-semibold";

/**
 * The scanners (GET /api/v1/checkins/devices): last sync, queue, battery; supervisors revoke one
 * after confirming (POST /api/v1/checkins/devices/{id}/revoke). Refreshed every 30 s.
 */
export function DevicesPanel({ labels, locale, canRevoke }: { labels: DashboardLabels["dashboard"]; locale: UiLocale; canRevoke: boolean }) {
  const d = labels;
  const [items, setItems] = useState<DeviceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const res = await fetch("/api/v1/checkins/devices", { headers: { Accept: "application/json", "Accept-Language": locale }, cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      setItems(((await res.json()) as { items: DeviceView[] }).items);
      setError(null);
    } catch {
      setError(d.devicesError);
    }
  }, [locale, d.devicesError]);

  useEffect(() => {
    const first = setTimeout(() => void load(), 0);
    const id = setInterval(() => void load(), REFRESH_MS);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [load]);

  async function revoke(device: DeviceView) {
    setConfirming(null);
    try {
      const res = await fetch(`/api/v1/checkins/devices/${device.id}/revoke`, { method: "POST", headers: { Accept: "application/json", "Accept-Language": locale } });
      if (!res.ok) {
        const p = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
        throw new Error(p.detail || p.title || String(res.status));
      }
      await load();
    } catch (e) {
      setError(fill(d.deviceRevokeFailed, { detail: (e as Error).message }));
    }
  }

  return (
    <div data-testid="devices">
      {error && <p role="alert" className="mb-2 font-semibold text-red-800">{error}</p>}
      {items && items.length === 0 && <p className="text-sm">{d.devicesEmpty}</p>}
      {items && items.length > 0 && (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{d.devicesTitle}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">{d.deviceName}</th>
                <th scope="col" className="py-2 pr-3">{d.deviceCheckpoint}</th>
                <th scope="col" className="py-2 pr-3">{d.deviceBy}</th>
                <th scope="col" className="py-2 pr-3">{d.deviceLastSync}</th>
                <th scope="col" className="py-2 pr-3 text-right">{d.deviceQueue}</th>
                <th scope="col" className="py-2 pr-3 text-right">{d.deviceBattery}</th>
                <th scope="col" className="py-2 pr-3">{d.deviceState}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => (
                <tr key={x.id} className="border-b border-stone-100 align-top" data-testid="device-row">
                  <th scope="row" className="py-2 pr-3 font-semibold">{x.name}</th>
                  <td className="py-2 pr-3">{x.checkpoint ?? "—"}</td>
                  <td className="py-2 pr-3">{x.enrolledBy ?? "—"}</td>
                  <td className="py-2 pr-3 tabular-nums">{hhmmss(x.lastSyncAt)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{x.queueLength}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{x.battery === null ? "—" : `${Math.round(x.battery * 100)}%`}</td>
                  <td className="py-2 pr-3">
                    {x.revoked ? (
                      <span className="font-semibold text-red-800">{fill(d.deviceRevoked, { time: hhmmss(x.revokedAt) })}</span>
                    ) : !canRevoke ? (
                      d.deviceActive
                    ) : confirming === x.id ? (
                      <span className="flex flex-wrap items-center gap-2" role="group" aria-label={fill(d.deviceRevokeConfirm, { name: x.name })}>
                        <span className="font-semibold">{fill(d.deviceRevokeConfirm, { name: x.name })}</span>
                        <button type="button" className={`${button} border-red-800 bg-red-800 text-white`} onClick={() => void revoke(x)}>{d.deviceRevokeYes}</button>
                        <button type="button" className={`${button} border-stone-500`} onClick={() => setConfirming(null)}>{d.deviceRevokeNo}</button>
                      </span>
                    ) : (
                      <button type="button" className={`${button} border-red-800 text-red-800`} aria-label={fill(d.deviceRevokeFor, { name: x.name })} onClick={() => setConfirming(x.id)}>
                        {d.deviceRevoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Offline double admissions, with both scans (from the stats' `conflicts`). */
export function ConflictList({ conflicts, checkpointNames, labels }: {
  conflicts: { id: number; checkpoint: string; name: string; kept: ConflictScan; other: ConflictScan }[];
  checkpointNames: Map<string, string>;
  labels: DashboardLabels["dashboard"];
}) {
  const d = labels;
  if (conflicts.length === 0) return <p className="text-sm">{d.conflictsEmpty}</p>;
  const line = (s: ConflictScan) =>
    `${fill(d.conflictScan, { time: hhmmss(s.at), device: s.device ?? "—", by: s.by ?? "—", recorded: hhmmss(s.recordedAt) })}${s.offline ? ` (${d.conflictOffline})` : ""}`;
  return (
    <ul className="divide-y divide-stone-200" data-testid="conflicts">
      {conflicts.map((c) => (
        <li key={c.id} className="py-2">
          <p className="font-semibold">{c.name} · {checkpointNames.get(c.checkpoint) ?? c.checkpoint}</p>
          <p className="text-sm"><span className="font-semibold">{d.conflictKept}:</span> {line(c.kept)}</p>
          <p className="text-sm"><span className="font-semibold">{d.conflictOther}:</span> {line(c.other)}</p>
        </li>
      ))}
    </ul>
  );
}

type ConflictScan = { at: string; recordedAt: string; device: string | null; by: string | null; offline: boolean };
