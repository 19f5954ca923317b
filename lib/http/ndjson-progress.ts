import { toProblemResponse } from "./problem";
import type { Locale } from "@/lib/i18n";

/**
 * A long task's answer as NDJSON: one line per step the task reports (`{"type":"progress",…}`),
 * then `{"type":"result",…}` — named by `resultType` — or, if it fails once under way,
 * `{"type":"problem", title, status, detail, code}` (RFC 9457 members). A failure before the first
 * step is thrown to the caller, so it becomes an ordinary problem+json answer with its status.
 */
export async function ndjsonProgress<P extends object, R extends object>(
  run: (onProgress: (p: P) => void) => Promise<R>, opts: { resultType: string; locale: Locale; requestId?: string },
): Promise<Response> {
  const lines: string[] = [];
  let wake: (() => void) | null = null;
  let started!: () => void;
  const firstStep = new Promise<void>((r) => (started = r));
  const push = (line: object) => {
    lines.push(`${JSON.stringify(line)}\n`);
    started();
    wake?.();
  };
  let finished = false;
  const work = run((p) => push({ ...p, type: "progress" }))
    .then((result) => push({ ...result, type: opts.resultType }))
    .finally(() => {
      finished = true;
      wake?.();
    });
  const early = await Promise.race([firstStep.then(() => null), work.then(() => null, (e: unknown) => e ?? new Error("failed"))]);
  if (early) throw early;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (lines.length === 0 && !finished) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (lines.length > 0) return controller.enqueue(encoder.encode(lines.splice(0).join("")));
      try {
        await work;
      } catch (e) {
        const problem = (await toProblemResponse(e, opts.locale, opts.requestId).json()) as Record<string, unknown>;
        controller.enqueue(encoder.encode(`${JSON.stringify({ ...problem, problemType: problem.type, type: "problem" })}\n`));
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
}
