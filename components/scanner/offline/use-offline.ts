"use client";

import { useEffect, useSyncExternalStore } from "react";
import { OfflineEngine, wipeOfflineData, type OfflineSnapshot } from "./engine";
import { badgeVerifier } from "./verify";

const engines = new Map<string, OfflineEngine>();

/** One engine per page and language (created on the client only). */
function engineFor(locale: string): OfflineEngine | null {
  if (typeof window === "undefined" || typeof indexedDB === "undefined") return null;
  let e = engines.get(locale);
  if (!e) {
    e = new OfflineEngine(locale);
    engines.set(locale, e);
    void e.start();
  }
  return e;
}

const SERVER_SNAPSHOT: OfflineSnapshot = { ready: false, device: null, checkpoint: null, offline: false, queueLength: 0, lastSyncAt: null, rosterSize: 0, revoked: false, uploadError: null };
const noop = () => () => undefined;

/** The offline engine and its state, for the scanner's screens. */
export function useOffline(locale: string): { engine: OfflineEngine | null; snap: OfflineSnapshot } {
  const engine = engineFor(locale);
  const snap = useSyncExternalStore(engine ? engine.subscribe : noop, engine ? engine.getSnapshot : () => SERVER_SNAPSHOT, () => SERVER_SNAPSHOT);
  return { engine, snap };
}

/**
 * Registers the scanner's service worker (public/sw.js, scope /checkin) and hands it the URLs this
 * page has loaded so far (its chunks, styles, the QR decoder), so the next visit opens offline.
 */
export function useScannerServiceWorker(): void {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    let cancelled = false;
    const send = (reg: ServiceWorkerRegistration) => {
      const urls = performance.getEntriesByType("resource").map((e) => e.name).filter((u) => {
        try {
          const url = new URL(u);
          return url.origin === location.origin && url.pathname.startsWith("/_next/static/");
        } catch {
          return false;
        }
      });
      const target = reg.active ?? reg.waiting ?? reg.installing;
      target?.postMessage({ type: "cache", urls: [location.pathname, ...new Set(urls)] });
    };
    navigator.serviceWorker.register("/sw.js", { scope: "/checkin" }).then(async (reg) => {
      const ready = await navigator.serviceWorker.ready;
      if (!cancelled) send(ready ?? reg);
    }).catch(() => undefined);
    // the QR decoder (wasm, worker) loads when the camera starts: hand those over later too
    const id = setTimeout(() => navigator.serviceWorker.ready.then((reg) => !cancelled && send(reg)).catch(() => undefined), 8000);
    return () => {
      cancelled = true;
      clearTimeout(id);
    };
  }, []);
}

/** Sign-out: the waiting scans are uploaded if the network allows (5 s at most), then everything is wiped. */
export async function flushAndWipe(): Promise<void> {
  const pending = [...engines.values()].map((e) => e.syncNow());
  await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, 5000))]);
  for (const e of engines.values()) e.stop();
  engines.clear();
  await wipeOfflineData();
}

type VerifyBench = { engine: string; median: number; mean: number; valid: number };

/**
 * Instrumentation for the browser test (like window.__scanTimings): verifies `n` codes (the given
 * ones in turn) with this device's key as a scan does, and answers the median time per code.
 */
export function useVerifyBench(engine: OfflineEngine | null): void {
  useEffect(() => {
    if (!engine) return;
    const w = window as unknown as { __ocopVerifyBench?: (codes: string[], n: number) => Promise<VerifyBench> };
    w.__ocopVerifyBench = async (codes, n) => {
      const roster = engine.localRoster();
      if (!roster) throw new Error("no roster on this device");
      const v = await badgeVerifier(roster.eventId, roster.publicKey);
      const times: number[] = [];
      let valid = 0;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const a = performance.now();
        if ((await v.verify(codes[i % codes.length]!)).ok) valid++;
        times.push(performance.now() - a);
      }
      const mean = (performance.now() - t0) / n;
      times.sort((a, b) => a - b);
      const m = Math.floor(n / 2);
      return { engine: v.engine, median: n % 2 ? times[m]! : (times[m - 1]! + times[m]!) / 2, mean, valid };
    };
    return () => {
      delete w.__ocopVerifyBench;
    };
  }, [engine]);
}
