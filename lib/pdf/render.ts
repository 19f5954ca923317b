import path from "node:path";
import { Worker } from "node:worker_threads";
import { renderBadgesPdf, type RenderBadgesInput } from "./badges";

type Pending = { resolve: (pdf: Buffer) => void; reject: (e: Error) => void; onProgress?: (done: number) => void };
type Reply = { id: number; progress?: number; pdf?: Uint8Array; error?: string };
let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, Pending>();

function pdfThread(): Worker {
  if (worker) return worker;
  const w = new Worker(path.resolve(/*turbopackIgnore: true*/ process.cwd(), "lib/pdf/render-worker.cjs"));
  w.on("message", (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.progress !== undefined) return p.onProgress?.(m.progress);
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(Buffer.from(m.pdf!.buffer, m.pdf!.byteOffset, m.pdf!.byteLength));
  });
  w.on("error", (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  });
  w.unref();
  worker = w;
  return w;
}

/**
 * The badge PDF, drawn in a worker thread when OCOP_RENDER_THREAD=1 (the server sets it: drawing is
 * synchronous and would stall requests), else here (tests, benchmarks, the CLI).
 */
export function renderBadges(input: RenderBadgesInput, onProgress?: (done: number) => void): Promise<Buffer> {
  if (process.env.OCOP_RENDER_THREAD !== "1") return renderBadgesPdf(input, onProgress);
  const id = ++seq;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    pdfThread().postMessage({ id, input });
  });
}

export async function stopPdfThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
