import { useMemo, useSyncExternalStore } from "react";
import type { Direction, ScannerSettings } from "./types";

const KEY = "ocop.scanner.settings.v1";

function parse(raw: string | null): Partial<ScannerSettings> | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const out: Partial<ScannerSettings> = {};
    if (typeof v.checkpoint === "string") out.checkpoint = v.checkpoint;
    if (v.direction === "in" || v.direction === "out") out.direction = v.direction as Direction;
    if (typeof v.device === "string") out.device = v.device.slice(0, 80);
    return out;
  } catch {
    return {};
  }
}

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/**
 * The checkpoint, direction and device name this phone was last used with: null while rendering
 * on the server and hydrating (nothing is known yet), then what localStorage holds.
 */
export function useStoredSettings(): Partial<ScannerSettings> | null {
  const raw = useSyncExternalStore(subscribe, read, () => null);
  return useMemo(() => parse(raw), [raw]);
}

export function saveSettings(s: ScannerSettings): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // private mode or full storage: the choice just is not remembered
  }
}
