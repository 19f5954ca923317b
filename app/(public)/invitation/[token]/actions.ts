"use server";

import { redirect } from "next/navigation";
import { delegateErrorState, delegateInput, resendIfAsked } from "@/components/registration/form-data";
import type { DelegateFormState } from "@/components/registration/types";
import { getPageCtx } from "@/lib/auth/page";
import { currentEvent, personalLinks } from "@/lib/registration/common";
import { invitationByToken } from "@/lib/registration/invitations";
import { acceptInvitation } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schemas";

/** The invited person confirms through the signed invitation link; the email is the invitation's. */
export async function acceptInvitationAction(token: string, _prev: DelegateFormState, data: FormData): Promise<DelegateFormState> {
  const ctx = await getPageCtx();
  const resent = await resendIfAsked(ctx, data);
  if (resent) return resent;
  let email = "";
  let manageToken: string;
  try {
    const { invitation } = await invitationByToken(ctx, token);
    email = invitation.email;
    // The domain parses the whole input with zod; the cast only names the shape it will check.
    const input = { ...delegateInput(data, "invitation", ctx.locale), email } as Omit<RegistrationInput, "categoryCode">;
    const view = await acceptInvitation(ctx, token, input);
    const event = await currentEvent(ctx.db);
    manageToken = personalLinks({ id: view.id, eventId: event.id }, event).manageToken;
  } catch (e) {
    return delegateErrorState(e, ctx.locale, email);
  }
  redirect(`/register/done/${manageToken}`);
}
