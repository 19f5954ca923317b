import "server-only";
import { errorState } from "@/components/staff/form-errors";
import type { Ctx } from "@/lib/context";
import { ConflictError, ValidationError } from "@/lib/errors";
import { messages, type Locale } from "@/lib/i18n";
import { resendConfirmation } from "@/lib/registration/resend";
import type { DelegateFormMode, DelegateFormState } from "./types";

const PERSON_FIELDS = ["categoryCode", "honorific", "familyName", "givenName", "position", "organisation", "provinceCode", "ministryCode", "email", "phone", "notes", "consent"] as const;

function field(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}

/** The answers of the category's questions: text and choices as `answers.<key>`, yes/no radios as `yesno.<key>` → booleans. */
function answersFrom(data: FormData): Record<string, string | boolean> {
  const answers: Record<string, string | boolean> = {};
  for (const [name, value] of data.entries()) {
    if (typeof value !== "string") continue;
    if (name.startsWith("answers.")) answers[name.slice(8)] = value;
    else if (name.startsWith("yesno.")) answers[name.slice(6)] = value === "yes" ? true : value === "no" ? false : value;
  }
  return answers;
}

/**
 * The domain's input from the delegate form. Only what the mode shows is sent; the domain validates
 * everything (zod), so unchecked values are passed as they are and refused there with field errors.
 */
export function delegateInput(data: FormData, mode: DelegateFormMode, locale: Locale): Record<string, unknown> {
  const common = {
    honorific: field(data, "honorific") || undefined,
    familyName: field(data, "familyName"),
    givenName: field(data, "givenName"),
    position: field(data, "position"),
    organisation: field(data, "organisation"),
    phone: field(data, "phone"),
    notes: field(data, "notes"),
    answers: answersFrom(data),
  };
  if (mode === "edit") return common;
  // The officer's unit (and, for a substitute, the category) are the place's: the domain sets them.
  if (mode === "portal" || mode === "substitute") {
    return { ...common, ...(mode === "portal" ? { categoryCode: field(data, "categoryCode") } : {}), email: field(data, "email"), consent: data.get("consent") === "on", locale };
  }
  const kind = field(data, "delegationKind");
  return {
    ...common,
    provinceCode: kind === "province" ? field(data, "provinceCode") || null : null,
    ministryCode: kind === "ministry" ? field(data, "ministryCode") || null : null,
    ...(mode === "register" ? { categoryCode: field(data, "categoryCode"), email: field(data, "email"), website: field(data, "website") } : {}),
    consent: data.get("consent") === "on",
    locale,
  };
}

/** Domain errors as form state: field errors next to their fields (answers too), a duplicate email as its own notice. */
export function delegateErrorState(e: unknown, locale: Locale, email: string): DelegateFormState {
  if (e instanceof ConflictError && e.code === "registrations.duplicate_email") {
    return { status: "error", errors: { email: messages(locale).register.duplicateField }, duplicate: email.trim().toLowerCase() };
  }
  const answerPaths = e instanceof ValidationError ? e.errors.map((fe) => fe.path).filter((p) => p.startsWith("answers.")) : [];
  return errorState(e, locale, [...PERSON_FIELDS, ...answerPaths]);
}

/**
 * The duplicate-email notice's "send it again" (intent=resend): the domain answers the same whether
 * or not the address is registered, and limits how often. Null when the form asked for something else.
 */
export async function resendIfAsked(ctx: Ctx, data: FormData): Promise<DelegateFormState | null> {
  if (data.get("intent") !== "resend") return null;
  const email = field(data, "resendEmail");
  try {
    await resendConfirmation(ctx, { email });
  } catch (e) {
    return errorState(e, ctx.locale, []);
  }
  return { status: "ok", resent: email.trim().toLowerCase() };
}
