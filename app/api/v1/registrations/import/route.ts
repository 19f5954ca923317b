import { ENDPOINTS } from "@/lib/api/endpoints";
import { BadRequestError } from "@/lib/errors";
import { route } from "@/lib/http/api";
import { ndjsonProgress } from "@/lib/http/ndjson-progress";
import { importRegistrations, type ImportProgress } from "@/lib/registration/import";

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
  return ndjsonProgress<ImportProgress, object>((onProgress) => importRegistrations(ctx, input, { dryRun }, onProgress), { resultType: "report", locale: ctx.locale, requestId: ctx.requestId });
});
