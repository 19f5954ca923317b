import { ENDPOINTS } from "@/lib/api/endpoints";
import { BadRequestError } from "@/lib/errors";
import { route } from "@/lib/http/api";
import { importRegistrations } from "@/lib/registration/import";

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
  return { body: await importRegistrations(ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { dryRun }) };
});
