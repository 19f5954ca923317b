import { z } from "zod";
import { ValidationError, type FieldError } from "@/lib/errors";
import { hasControlCharacters } from "@/lib/text/normalize";

/**
 * Field rules shared by the API and the forms. Custom messages are catalogue keys ("fields.x");
 * the HTTP layer and the forms translate them into the reader's language.
 */
export const text = (opts: { min?: number; max: number }) =>
  z.string()
    .transform((s) => s.normalize("NFC").trim().replace(/[ \t]+/g, " "))
    .refine((s) => !hasControlCharacters(s), { message: "fields.controlChars" })
    .pipe(z.string().min(opts.min ?? 1, { message: opts.min && opts.min > 1 ? `fields.tooShort|min=${opts.min}` : "fields.required" }).max(opts.max, { message: `fields.tooLong|max=${opts.max}` }));

export const email = () =>
  z.string()
    .transform((s) => s.normalize("NFC").trim().toLowerCase())
    .pipe(z.email({ message: "fields.email" }).max(254, { message: "fields.tooLong|max=254" }));

/** An email that may be left empty (blank → null). */
export const optionalEmail = () =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), email().nullish()).transform((v) => v ?? null);

export const password = () =>
  z.string().max(200, { message: "fields.tooLong|max=200" }).refine((s) => s.length >= 8 && /\p{L}/u.test(s) && /\d/.test(s), { message: "fields.passwordWeak" });

export const positiveInt = () => z.coerce.number({ message: "fields.integer" }).int({ message: "fields.integer" }).positive({ message: "fields.integer" });

/** Turns a zod error into field errors whose `message` is a catalogue key with params ("fields.tooLong|max=120"). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: path ? `${path}.${key}` : key, message: `fields.unknownField|field=${key}`, code: "unknown_field" });
      continue;
    }
    let message = issue.message;
    if (!message.startsWith("fields.")) {
      if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) message = "fields.required";
      else if (issue.code === "invalid_value") message = "fields.choice";
      else if (issue.code === "too_small") message = `fields.tooShort|min=${String((issue as { minimum: number | bigint }).minimum)}`;
      else if (issue.code === "too_big") message = `fields.tooLong|max=${String((issue as { maximum: number | bigint }).maximum)}`;
      else message = "fields.invalid";
    }
    out.push({ path: path || "(body)", message, code: issue.code });
  }
  return out;
}

/** Objects already parsed by a schema (the API layer parses before the domain function parses again). */
const parsedBy = new WeakMap<object, z.ZodType>();

/** Parses with a zod schema or throws a ValidationError with one entry per bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  if (input && typeof input === "object" && parsedBy.get(input) === schema) return input as z.infer<S>;
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrors(r.error));
  if (r.data && typeof r.data === "object") parsedBy.set(r.data, schema);
  return r.data;
}
