import { ENDPOINTS } from "@/lib/api/endpoints";
import { BadRequestError } from "@/lib/errors";
import { route } from "@/lib/http/api";
import { toProblemResponse } from "@/lib/http/problem";
import { importRegistrations, type ImportProgress, type ImportReport } from "@/lib/registration/import";

/**
 * The import. With `Accept: application/x-ndjson` the answer streams one JSON line per step —
 * `{"type":"progress","phase":"check"|"import","done","total"}` — then `{"type":"report",…}` (or
 * `{"type":"problem",…}` if it fails once under way), so the page can show how far it has got.
 * An error before the first step is an ordinary problem+json answer.
 */
export const POST = route(ENDPOINTS.importRegistrations, async ({ ctx, req }) => {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new BadRequestError("imports.multipart");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new BadRequestError("imports.multipart");
  const dryRun = String(form.get("dryRun") ?? "true") !== "false";
  const input = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) return { body: await importRegistrations(ctx, input, { dryRun }) };

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
  const work = importRegistrations(ctx, input, { dryRun }, (p: ImportProgress) => push({ type: "progress", ...p }))
    .then((report: ImportReport) => push({ type: "report", ...report }))
    .finally(() => {
      finished = true;
      wake?.();
    });
  // Fails before any step (permission, unit): an ordinary problem+json answer.
  const early = await Promise.race([firstStep.then(() => null), work.then(() => null, (e: unknown) => e)]);
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
        const res = toProblemResponse(e, ctx.locale, ctx.requestId);
        controller.enqueue(encoder.encode(`${JSON.stringify({ type: "problem", ...(await res.json()) })}\n`));
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
});
