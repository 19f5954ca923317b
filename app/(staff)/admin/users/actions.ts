"use server";

import { redirect } from "next/navigation";
import { errorCode, errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import type { Role } from "@/lib/auth/permissions";
import { issuePasswordReset } from "@/lib/users/password-reset";
import { createUser, updateUser } from "@/lib/users/users";

const USER_FIELDS = ["email", "name", "role", "provinceCode", "ministryCode", "password"] as const;
const CODE_FIELDS = { "users.email_taken": "email" };

function field(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}

/** The unit goes with the role: a province for province officers, a ministry for ministry officers, none otherwise. */
function scope(data: FormData) {
  const role = field(data, "role");
  return {
    role: role as Role, // checked by the domain's schema (unknown roles → "fields.choice")
    provinceCode: role === "province_officer" ? field(data, "provinceCode") || null : null,
    ministryCode: role === "ministry_officer" ? field(data, "ministryCode") || null : null,
  };
}

function userId(data: FormData): number {
  const id = Number(field(data, "id"));
  return Number.isInteger(id) && id > 0 ? id : 0;
}

export async function createUserAction(_prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  let created: Awaited<ReturnType<typeof createUser>>;
  try {
    const password = field(data, "password");
    created = await createUser(ctx, { email: field(data, "email"), name: field(data, "name"), ...scope(data), ...(password ? { password } : {}) });
  } catch (e) {
    return errorState(e, ctx.locale, USER_FIELDS, CODE_FIELDS);
  }
  redirect(`/admin/users?created=${created.user.id}${created.resetLinkSent ? "&link=1" : ""}`);
}

export async function updateUserAction(id: number, _prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  try {
    await updateUser(ctx, id, { name: field(data, "name"), email: field(data, "email"), ...scope(data) });
  } catch (e) {
    return errorState(e, ctx.locale, USER_FIELDS, CODE_FIELDS);
  }
  redirect(`/admin/users/${id}?notice=saved`);
}

/** Disable or re-enable, after the confirmation step of the user's page. */
export async function setDisabledAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const id = userId(data);
  const disabled = field(data, "disabled") === "true";
  let error: string | null = null;
  try {
    await updateUser(ctx, id, { disabled });
  } catch (e) {
    error = errorCode(e);
  }
  redirect(error ? `/admin/users/${id}?error=${encodeURIComponent(error)}` : `/admin/users/${id}?notice=${disabled ? "disabled" : "enabled"}`);
}

export async function sendResetLinkAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const id = userId(data);
  let error: string | null = null;
  try {
    await issuePasswordReset(ctx, id);
  } catch (e) {
    error = errorCode(e);
  }
  redirect(error ? `/admin/users/${id}?error=${encodeURIComponent(error)}` : `/admin/users/${id}?notice=resetSent`);
}
