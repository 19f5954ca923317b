"use server";

import { redirect } from "next/navigation";
import { delegateErrorState, delegateInput } from "@/components/registration/form-data";
import type { DelegateFormState } from "@/components/registration/types";
import { errorCode } from "@/components/staff/form-errors";
import { getPageCtx } from "@/lib/auth/page";
import { cancelByManageToken, updateByManageToken } from "@/lib/registration/manage";
import type { RegistrationPatch } from "@/lib/registration/schemas";

function back(token: string, query: string): string {
  return `/registration/${encodeURIComponent(token)}?${query}`;
}

/** The delegate edits their own details through the personal link (no account). */
export async function updateByTokenAction(token: string, _prev: DelegateFormState, data: FormData): Promise<DelegateFormState> {
  const ctx = await getPageCtx();
  try {
    // The domain parses the patch with zod; the cast only names the shape it will check.
    await updateByManageToken(ctx, token, delegateInput(data, "edit", ctx.locale) as RegistrationPatch);
  } catch (e) {
    return delegateErrorState(e, ctx.locale, "");
  }
  redirect(back(token, "notice=saved"));
}

/** Cancels after the confirmation step of the manage page. */
export async function cancelByTokenAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const raw = data.get("token");
  const token = typeof raw === "string" ? raw : "";
  let error: string | null = null;
  try {
    await cancelByManageToken(ctx, token);
  } catch (e) {
    error = errorCode(e);
  }
  redirect(back(token, error ? `error=${encodeURIComponent(error)}` : "notice=cancelled"));
}
