import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError, type FieldError } from "@/lib/errors";
import { hasControlCharacters } from "@/lib/text/normalize";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Reads the body up to `limit` bytes without buffering more than that. */
async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError("request.too_large", { limit: `${Math.round(limit / 1024)} KB` });
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError("request.too_large", { limit: `${Math.round(limit / 1024)} KB` });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** NFC-normalises every string in a JSON value and reports strings with control characters. */
export function normaliseJson(value: unknown, path: string[] = [], errors: FieldError[] = []): unknown {
  if (typeof value === "string") {
    if (hasControlCharacters(value)) errors.push({ path: path.join(".") || "(body)", message: "fields.controlChars", code: "control_characters" });
    return value.normalize("NFC");
  }
  if (Array.isArray(value)) return value.map((v, i) => normaliseJson(v, [...path, String(i)], errors));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize("NFC"), normaliseJson(v, [...path, k], errors)]));
  }
  return value;
}

/** application/json only, ≤ limit, valid JSON object, text in NFC without control characters. */
export async function readJsonBody(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<Record<string, unknown>> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) throw new UnsupportedMediaTypeError("request.unsupported_media_type");
  const bytes = await readLimited(req, limit);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new BadRequestError("request.malformed_json");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new BadRequestError("request.not_object");
  const errors: FieldError[] = [];
  const normalised = normaliseJson(parsed, [], errors) as Record<string, unknown>;
  if (errors.length > 0) throw new ValidationError(errors);
  return normalised;
}
