"use server";

import { errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { messages } from "@/lib/i18n";
import { completePasswordReset } from "@/lib/users/password-reset";

export type ResetState = FormState & { email?: string };

function field(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}

/** Sets a new password through a one-time link (no sign-in needed). */
export async function resetPasswordAction(_prev: ResetState, data: FormData): Promise<ResetState> {
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const password = field(data, "password");
  if (password && password !== field(data, "confirmPassword")) {
    return { status: "error", message: t.staff.formErrors, errors: { confirmPassword: t.resetPassword.mismatch } };
  }
  try {
    const { email } = await completePasswordReset(ctx, { token: field(data, "token"), password });
    return { status: "ok", email };
  } catch (e) {
    return errorState(e, ctx.locale, ["password"]);
  }
}
