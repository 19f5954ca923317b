"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { errorCode, errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { messages } from "@/lib/i18n";
import { createToken, revokeToken } from "@/lib/tokens/tokens";
import { changePassword } from "@/lib/users/password-reset";

function field(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}

/**
 * Changing the password ends every session issued before it, this one included, so the cookie is
 * cleared and the reader signs in again with the new password.
 */
export async function changePasswordAction(_prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const newPassword = field(data, "newPassword");
  if (newPassword && newPassword !== field(data, "confirmPassword")) {
    return { status: "error", message: t.staff.formErrors, errors: { confirmPassword: t.account.password.mismatch } };
  }
  try {
    await changePassword(ctx, { currentPassword: field(data, "currentPassword"), newPassword });
  } catch (e) {
    return errorState(e, ctx.locale, ["currentPassword", "newPassword"]);
  }
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) if (jar.has(name)) jar.delete(name);
  redirect(`/signin?notice=passwordChanged&callbackUrl=${encodeURIComponent("/account")}`);
}

export type TokenFormState = FormState & { created?: { name: string; token: string } };

/** Creates an API token; the secret travels back once, in this answer only. */
export async function createTokenAction(_prev: TokenFormState, data: FormData): Promise<TokenFormState> {
  const ctx = await getPageCtx();
  try {
    const token = await createToken(ctx, { name: field(data, "name") });
    revalidatePath("/account");
    return { status: "ok", created: { name: token.name, token: token.token } };
  } catch (e) {
    return errorState(e, ctx.locale, ["name"]);
  }
}

export async function revokeTokenAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const id = Number(field(data, "id"));
  let error: string | null = null;
  try {
    await revokeToken(ctx, Number.isInteger(id) && id > 0 ? id : 0);
  } catch (e) {
    error = errorCode(e);
  }
  redirect(error ? `/account?error=${encodeURIComponent(error)}` : `/account?revoked=${id}`);
}
