import { z } from "zod";
import { REGISTRATION_STATUSES } from "@/db/schema/registration";
import { email, optionalEmail, positiveInt, text } from "@/lib/validation";

/** DOMAIN.md: +84 / 84 → 0, then ^0(3|5|7|8|9)\d{8}$ for mobiles. */
export function normalisePhone(raw: string): string | null {
  let p = raw.normalize("NFC").replace(/[\s.\-()]/g, "");
  if (p.startsWith("+84")) p = `0${p.slice(3)}`;
  else if (p.startsWith("84") && p.length === 11) p = `0${p.slice(2)}`;
  return /^0(3|5|7|8|9)\d{8}$/.test(p) ? p : null;
}

export const phone = () =>
  z.string().max(30, { message: "fields.tooLong|max=30" }).transform((s, ctx) => {
    const p = normalisePhone(s);
    if (!p) {
      ctx.addIssue({ code: "custom", message: s.trim() ? "fields.phone" : "fields.required" });
      return z.NEVER;
    }
    return p;
  });

/** Personal names: letters (any script, with marks), spaces, apostrophes, hyphens and dots. */
const personName = (max: number) =>
  text({ max }).refine((s) => s === "" || /^[\p{L}\p{M}][\p{L}\p{M}\s'’.-]*$/u.test(s), { message: "fields.personName" });

const HONORIFICS: Record<string, "ong" | "ba"> = { ong: "ong", "ông": "ong", mr: "ong", ba: "ba", "bà": "ba", ms: "ba", mrs: "ba" };
/** "ong" | "ba"; the labels Ông / Bà (and Mr / Ms) are accepted too. */
export const honorific = z.preprocess(
  (v) => (typeof v === "string" ? (HONORIFICS[v.normalize("NFC").trim().toLowerCase().replace(/\.$/, "")] ?? v) : v),
  z.enum(["ong", "ba"], { message: "fields.choice" }),
);
export const statusSchema = z.enum(REGISTRATION_STATUSES, { message: "fields.choice" });
const provinceCode = z.string().regex(/^\d{2}$/, { message: "fields.invalid" });
const ministryCode = z.string().regex(/^[a-z0-9-]{2,40}$/, { message: "fields.invalid" });
const answerValue = z.union([z.string().max(500, { message: "fields.tooLong|max=500" }), z.boolean()]);

export const registrationInput = z.object({
  categoryCode: z.string().regex(/^[a-z0-9-]{2,40}$/, { message: "fields.choice" }),
  honorific,
  familyName: personName(80),
  givenName: personName(40),
  position: text({ max: 160 }),
  organisation: text({ max: 200 }),
  provinceCode: provinceCode.nullish(),
  ministryCode: ministryCode.nullish(),
  email: email(),
  phone: phone(),
  notes: text({ min: 0, max: 1000 }).nullish(),
  answers: z.record(z.string().max(40), answerValue).optional(),
  consent: z.literal(true, { message: "fields.consent" }),
  locale: z.enum(["vi", "en"]).optional(),
  /** Honeypot: people never see it; bots fill it in. */
  website: z.string().max(200).optional(),
}).strict();
export type RegistrationInput = z.input<typeof registrationInput>;

/**
 * A delegation member (portal, import, substitute): the personal email may be left empty — officials
 * often share an office address — and the delegation's contact person then receives the badge.
 */
export const memberRegistrationInput = registrationInput.extend({ email: optionalEmail() });
export type MemberRegistrationInput = z.input<typeof memberRegistrationInput>;

/** Fields a delegate (manage link) or staff may change after registering. */
export const registrationPatch = z.object({
  honorific: honorific.optional(),
  familyName: personName(80).optional(),
  givenName: personName(40).optional(),
  position: text({ max: 160 }).optional(),
  organisation: text({ max: 200 }).optional(),
  phone: phone().optional(),
  notes: text({ min: 0, max: 1000 }).nullish(),
  answers: z.record(z.string().max(40), answerValue).optional(),
  locale: z.enum(["vi", "en"]).optional(),
}).strict();
export type RegistrationPatch = z.input<typeof registrationPatch>;

/** Staff-only fields. */
export const staffRegistrationPatch = registrationPatch.extend({
  doorNote: text({ min: 0, max: 200 }).nullish(),
  protocolRank: z.number().int().min(1).max(9999).nullish(),
  provinceCode: provinceCode.nullish(),
  ministryCode: ministryCode.nullish(),
}).strict();

export const listRegistrationsQuery = z.object({
  status: statusSchema.optional(),
  category: z.string().max(40).optional(),
  province: provinceCode.optional(),
  ministry: ministryCode.optional(),
  q: z.string().max(100).optional(),
  /** Registrations whose category may enter this checkpoint. */
  checkpoint: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: "fields.choice" }).optional(),
  /** Arrived (scanned in at any door) or not yet. */
  arrived: z.enum(["yes", "no"], { message: "fields.choice" }).optional(),
  page: positiveInt().default(1),
  pageSize: positiveInt().max(200, { message: "fields.tooLong|max=200" }).default(50),
}).strict();

export const registrationView = z.object({
  id: z.number().int(),
  status: statusSchema,
  categoryCode: z.string(),
  categoryName: z.string(),
  badgeColour: z.string(),
  honorific: honorific,
  familyName: z.string(),
  givenName: z.string(),
  fullName: z.string(),
  position: z.string(),
  organisation: z.string(),
  provinceCode: z.string().nullable(),
  ministryCode: z.string().nullable(),
  delegation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string(),
  notes: z.string().nullable(),
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  locale: z.enum(["vi", "en"]),
  doorNote: z.string().nullable(),
  protocolRank: z.number().nullable(),
  badgeSerial: z.number().int(),
  rejectionReason: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RegistrationView = z.infer<typeof registrationView>;

export const rejectInput = z.object({ reason: text({ max: 500 }) }).strict();
export const cancelInput = z.object({ reason: text({ min: 0, max: 500 }).optional() }).strict();
export const registrationIdParams = z.object({ id: positiveInt() }).strict();
