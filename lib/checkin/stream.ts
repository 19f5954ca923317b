import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { currentEvent } from "@/lib/registration/common";
import { log } from "@/lib/server/log";
import { checkinVersion, statsFor } from "./stats";

export type StreamOptions = { pollMs?: number; pingMs?: number; maxMs?: number; lastEventId?: string | null; signal?: AbortSignal };

/**
 * The dashboard's Server-Sent Events: the stats document as `event: stats` (id = its version)
 * whenever the version in Postgres changes, checked every second, so several app instances agree
 * and a reconnecting display resumes at the current state. The stream ends after `maxMs` so that
 * the browser reconnects and the reader's permission is checked again.
 */
export async function checkinStream(ctx: Ctx, opts: StreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  requirePermission(ctx, "checkin.dashboard");
  const event = await currentEvent(ctx.db);
  const pollMs = opts.pollMs ?? 1000;
  const pingMs = opts.pingMs ?? 15_000;
  const maxMs = opts.maxMs ?? 10 * 60_000;
  const enc = new TextEncoder();
  let sent = opts.lastEventId ?? "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const started = Date.now();
  let lastWrite = Date.now();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        controller.enqueue(enc.encode(text));
        lastWrite = Date.now();
      };
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      opts.signal?.addEventListener("abort", close);
      write("retry: 2000\n\n");
      const tick = async () => {
        if (closed) return;
        try {
          const version = await checkinVersion(ctx.db, event.id);
          if (version !== sent) {
            const stats = await statsFor(ctx.db, event.id, ctx.locale);
            sent = stats.version;
            write(`id: ${stats.version}\nevent: stats\ndata: ${JSON.stringify(stats)}\n\n`);
          } else if (Date.now() - lastWrite >= pingMs) {
            write(": ping\n\n");
          }
        } catch (e) {
          log.warn("checkin.stream_error", { error: e instanceof Error ? e.message : String(e) });
        }
        if (Date.now() - started >= maxMs) return close();
        if (!closed) timer = setTimeout(() => void tick(), pollMs);
      };
      void tick();
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
    },
  });
}
