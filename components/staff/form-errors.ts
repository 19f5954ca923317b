import "server-only";
import { isDomainError, ValidationError } from "@/lib/errors";
import { translateKey } from "@/lib/http/problem";
import { format, messages, type Locale } from "@/lib/i18n";
import type { FormState } from "./form-state";

/**
 * Turns a domain error into form state in the reader's language: validation errors on the form's
 * own fields go next to them, anything else becomes the form-level message. `codeFields` puts a
 * non-validation error on a field (e.g. users.email_taken → email). Unexpected errors are rethrown
 * (the error page shows a polite 500 with a reference).
 */
export function errorState(e: unknown, locale: Locale, fields: readonly string[], codeFields: Record<string, string> = {}): FormState {
  if (!isDomainError(e)) throw e;
  const t = messages(locale);
  if (e instanceof ValidationError) {
    const errors: Record<string, string> = {};
    const other: string[] = [];
    for (const fe of e.errors) {
      const text = translateKey(fe.message, locale);
      if (fields.includes(fe.path)) errors[fe.path] ??= text;
      else other.push(text);
    }
    const message = other.length ? [...new Set(other)].join(" ") : t.staff.formErrors;
    return { status: "error", message, errors };
  }
  const text = e.code in t.problems ? format(t.problems[e.code as keyof typeof t.problems], e.params) : e.code;
  const field = codeFields[e.code];
  if (field) return { status: "error", message: t.staff.formErrors, errors: { [field]: text } };
  return { status: "error", message: text };
}

/** A catalogue text for an error code carried in a URL (?error=…); unknown codes are ignored, so no text is reflected. */
export function problemText(code: string | undefined, locale: Locale): string | null {
  if (!code) return null;
  const problems = messages(locale).problems;
  return code in problems ? problems[code as keyof typeof problems] : null;
}

/** The catalogue key of a domain error, for redirecting with ?error=…; unexpected errors are rethrown. */
export function errorCode(e: unknown): string {
  if (!isDomainError(e)) throw e;
  return e.code;
}
