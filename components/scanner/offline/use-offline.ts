"use client";

import { useEffect, useSyncExternalStore } from "react";
import { OfflineEngine, wipeOfflineData, type OfflineSnapshot } from "./engine";

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
