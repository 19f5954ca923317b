"use server";

import { redirect } from "next/navigation";
import { delegateErrorState, delegateInput, resendIfAsked } from "@/components/registration/form-data";
import type { DelegateFormState } from "@/components/registration/types";
import { errorCode } from "@/components/staff/form-errors";
import { getPageCtx } from "@/lib/auth/page";
import { registerWalkIn } from "@/lib/checkin/walk-in";
import { reissueBadge } from "@/lib/registration/manage";
import type { RegistrationInput } from "@/lib/registration/schemas";

/** Desk mode: registers the person at the desk (checkin.supervise; the category's rules apply), then shows the outcome. */
export async function walkInAction(_prev: DelegateFormState, data: FormData): Promise<DelegateFormState> {
  const ctx = await getPageCtx();
  const resent = await resendIfAsked(ctx, data);
  if (resent) return resent;
  let id: number;
  try {
    // The domain parses the whole input with zod; the cast only names the shape it will check.
    const result = await registerWalkIn(ctx, delegateInput(data, "register", ctx.locale) as RegistrationInput);
    id = result.registration.id;
  } catch (e) {
    return delegateErrorState(e, ctx.locale, String(data.get("email") ?? ""));
  }
  redirect(`/checkin/desk/walk-in/${id}`);
}

function text(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}

/** Lost badge: a new serial (the old code is refused everywhere from now on), then the print page. */
export async function reissueDeskAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const id = Number(text(data, "id"));
  const q = text(data, "q").slice(0, 100);
  let error: string | null = Number.isInteger(id) && id > 0 ? null : "registrations.not_found";
  if (!error) {
    try {
      await reissueBadge(ctx, id);
    } catch (e) {
      error = errorCode(e);
    }
  }
  if (error) redirect(`/checkin/desk/lost?${new URLSearchParams({ q, error }).toString()}`);
  redirect(`/checkin/desk/badge/${id}?reissued=1`);
}
