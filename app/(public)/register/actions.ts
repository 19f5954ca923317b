"use server";

import { redirect } from "next/navigation";
import { delegateErrorState, delegateInput, resendIfAsked } from "@/components/registration/form-data";
import type { DelegateFormState } from "@/components/registration/types";
import { getPageCtx } from "@/lib/auth/page";
import { currentEvent, personalLinks } from "@/lib/registration/common";
import { registerDelegate } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schemas";

/** Public self-registration; on success the confirmation page of the new registration (its personal manage token). */
export async function registerAction(_prev: DelegateFormState, data: FormData): Promise<DelegateFormState> {
  const ctx = await getPageCtx();
  const resent = await resendIfAsked(ctx, data);
  if (resent) return resent;
  let token: string;
  try {
    // The domain parses the whole input with zod; the cast only names the shape it will check.
    const view = await registerDelegate(ctx, delegateInput(data, "register", ctx.locale) as RegistrationInput);
    const event = await currentEvent(ctx.db);
    token = personalLinks({ id: view.id, eventId: event.id }, event).manageToken;
  } catch (e) {
    return delegateErrorState(e, ctx.locale, String(data.get("email") ?? ""));
  }
  redirect(`/register/done/${token}`);
}
