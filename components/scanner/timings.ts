/**
 * Latency instrumentation, harmless in production: a bounded list on window.__scanTimings and
 * performance marks. All times are performance.now() milliseconds.
 *   frameAt    capture time of the video frame that was decoded (requestVideoFrameCallback
 *              metadata.captureTime, else its presentation time)
 *   grabbedAt  when that frame was copied for the decoder
 *   decodedAt  when the worker's answer arrived on the main thread
 *   sentAt     when the request left; answeredAt when its answer was parsed
 *   paintedAt  first task after the animation frame that painted the result screen
 */
export type ScanTiming = {
  seq: number;
  source: "camera" | "wedge" | "manual";
  /** version + badge id + serial (the first 15 digits): enough to tell badges apart, not the signature */
  badge: string;
  frameAt?: number;
  grabbedAt?: number;
  decodedAt?: number;
  decodeMs?: number;
  sentAt: number;
  answeredAt?: number;
  paintedAt?: number;
  result?: string;
};

/** Decoder counters: frames presented by the camera, frames handed to the decoder, decode times. */
export type DecoderStats = { presented: number; grabbed: number; decoded: number; decodeMs: number[]; engine?: string };

type ScanWindow = Window & { __scanTimings?: ScanTiming[]; __scanDecoder?: DecoderStats };

const LIMIT = 100;

export function timingList(): ScanTiming[] {
  const w = window as ScanWindow;
  w.__scanTimings ??= [];
  return w.__scanTimings;
}

export function recordTiming(t: ScanTiming): ScanTiming {
  const list = timingList();
  list.push(t);
  if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
  return t;
}

export function decoderStats(): DecoderStats {
  const w = window as ScanWindow;
  w.__scanDecoder ??= { presented: 0, grabbed: 0, decoded: 0, decodeMs: [] };
  return w.__scanDecoder;
}

export function pushDecodeMs(ms: number): void {
  const s = decoderStats();
  s.decodeMs.push(Math.round(ms * 10) / 10);
  if (s.decodeMs.length > LIMIT) s.decodeMs.splice(0, s.decodeMs.length - LIMIT);
}

/** Calls back right after the next frame has been painted (a task queued from requestAnimationFrame). */
export function afterNextPaint(cb: (at: number) => void): void {
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      cb(performance.now());
    };
    ch.port2.postMessage(null);
  });
}

export function markPainted(t: ScanTiming): void {
  afterNextPaint((at) => {
    t.paintedAt = at;
    try {
      performance.mark("scan:painted", { detail: { seq: t.seq, source: t.source, result: t.result } });
    } catch {
      // performance.mark with detail is missing in old browsers; the list above still has the time
    }
  });
}
