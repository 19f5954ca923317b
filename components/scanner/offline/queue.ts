import type { ScanAnswer } from "@/lib/checkin/types";

/** A scan decided on the device, waiting for POST /api/v1/checkins/batch. */
export type QueuedScan = {
  nonce: string;
  /** increasing on this device: the order the scans were made in */
  seq: number;
  code: string;
  checkpoint: string;
  direction: "in" | "out";
  /** the device's clock when scanned (ISO) */
  scannedAt: string;
  localResult: ScanAnswer["result"];
};

export const BATCH_MAX = 500;

export type BatchScan = { code: string; checkpoint: string; direction: "in" | "out"; nonce: string; scannedAt: string; localResult: ScanAnswer["result"] };
export type BatchBody = { device: string; queueLength: number; battery?: number; scans: BatchScan[] };
export type BatchResult = ScanAnswer & { nonce: string; conflict?: boolean };

/** The order scans are uploaded in: as made on the device (scan time, then sequence). */
export function orderQueue(queue: readonly QueuedScan[]): QueuedScan[] {
  return [...queue].sort((a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt) || a.seq - b.seq);
}

/** Requests of at most BATCH_MAX scans, in order; each scan keeps its nonce, so a resent request records nothing twice. */
export function batchBodies(queue: readonly QueuedScan[], device: string, battery?: number): BatchBody[] {
  const ordered = orderQueue(queue);
  const out: BatchBody[] = [];
  for (let i = 0; i < ordered.length; i += BATCH_MAX) {
    out.push({
      device,
      queueLength: ordered.length - i,
      ...(battery !== undefined ? { battery } : {}),
      scans: ordered.slice(i, i + BATCH_MAX).map((q) => ({ code: q.code, checkpoint: q.checkpoint, direction: q.direction, nonce: q.nonce, scannedAt: q.scannedAt, localResult: q.localResult })),
    });
  }
  return out;
}

/** The nonces the server answered for (only these leave the queue). */
export function answeredNonces(sent: BatchBody, results: readonly BatchResult[]): string[] {
  const sentNonces = new Set(sent.scans.map((s) => s.nonce));
  return results.filter((r) => sentNonces.has(r.nonce)).map((r) => r.nonce);
}
