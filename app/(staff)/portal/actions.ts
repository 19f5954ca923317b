"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { delegateErrorState, delegateInput } from "@/components/registration/form-data";
import type { DelegateFormState } from "@/components/registration/types";
import { errorCode, errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { ConflictError } from "@/lib/errors";
import { messages, type Locale } from "@/lib/i18n";
import { sendContactBadges, setDelegationContact } from "@/lib/registration/contact";
import { addDelegationMember, type memberInput } from "@/lib/registration/delegation";
import { cancelRegistration, updateRegistration } from "@/lib/registration/manage";
import type { RegistrationPatch } from "@/lib/registration/schemas";
import { substituteDelegate, type substituteInput } from "@/lib/registration/substitute";
import type { z } from "zod";
import { askedUnit, portalHref } from "./unit";

/** A duplicate email belongs next to the email field here (the public form's "send it again" makes no sense for an officer). */
function memberErrorState(e: unknown, locale: Locale): DelegateFormState {
  if (e instanceof ConflictError && e.code === "registrations.duplicate_email") {
    const t = messages(locale);
    return { status: "error", message: t.staff.formErrors, errors: { email: t.portal.duplicateEmail } };
  }
  return delegateErrorState(e, locale, "");
}

async function actor() {
  const ctx = await getPageCtx();
  return { ctx, me: ctx.actor.kind === "user" ? ctx.actor : null };
}

/** "Thêm đại biểu": a member of the officer's delegation (organisers: of the unit they opened), within the quota. */
export async function addMemberAction(unitRaw: string | undefined, _prev: DelegateFormState, data: FormData): Promise<DelegateFormState> {
  const { ctx, me } = await actor();
  const unit = askedUnit(me, unitRaw);
  let id: number;
  try {
    // The domain parses the whole input with zod; the cast only names the shape it will check.
    const input = { ...delegateInput(data, "portal", ctx.locale), ...(unit ? { unit } : {}) } as z.input<typeof memberInput>;
    id = (await addDelegationMember(ctx, input)).id;
  } catch (e) {
    return memberErrorState(e, ctx.locale);
  }
  redirect(portalHref("/portal", unit, { done: "added", rid: id }));
}

/** The fields a unit officer may change (the domain refuses another unit's delegate). */
export async function editMemberAction(id: number, unitRaw: string | undefined, _prev: DelegateFormState, data: FormData): Promise<DelegateFormState> {
  const { ctx, me } = await actor();
  const unit = askedUnit(me, unitRaw);
  try {
    await updateRegistration(ctx, id, delegateInput(data, "edit", ctx.locale) as RegistrationPatch);
  } catch (e) {
    return memberErrorState(e, ctx.locale);
  }
  redirect(portalHref("/portal", unit, { done: "updated", rid: id }));
}

/** A new person takes the place; the old registration is cancelled and its badge refused. */
export async function substituteAction(id: number, unitRaw: string | undefined, _prev: DelegateFormState, data: FormData): Promise<DelegateFormState> {
  const { ctx, me } = await actor();
  const unit = askedUnit(me, unitRaw);
  let newId: number;
  try {
    newId = (await substituteDelegate(ctx, id, delegateInput(data, "substitute", ctx.locale) as z.input<typeof substituteInput>)).substitute.id;
  } catch (e) {
    return memberErrorState(e, ctx.locale);
  }
  redirect(portalHref("/portal", unit, { done: "substituted", rid: newId }));
}

export async function cancelMemberAction(id: number, unitRaw: string | undefined, _prev: FormState, data: FormData): Promise<FormState> {
  const { ctx, me } = await actor();
  const unit = askedUnit(me, unitRaw);
  try {
    const raw = data.get("reason");
    const reason = typeof raw === "string" ? raw.trim() : "";
    await cancelRegistration(ctx, id, reason ? { reason } : {});
  } catch (e) {
    return errorState(e, ctx.locale, ["reason"]);
  }
  redirect(portalHref("/portal", unit, { done: "cancelled", rid: id }));
}

const CONTACT_FIELDS = ["name", "position", "email", "phone"] as const;

/** "Lưu người liên hệ": the delegation's contact person (officers: their own unit). */
export async function saveContactAction(unitRaw: string | undefined, _prev: FormState, data: FormData): Promise<FormState> {
  const { ctx, me } = await actor();
  const unit = askedUnit(me, unitRaw);
  const field = (k: string) => {
    const v = data.get(k);
    return typeof v === "string" ? v : "";
  };
  try {
    await setDelegationContact(ctx, { name: field("name"), position: field("position") || null, email: field("email"), phone: field("phone") }, unit);
  } catch (e) {
    return errorState(e, ctx.locale, CONTACT_FIELDS);
  }
  revalidatePath("/portal");
  return { status: "ok", message: messages(ctx.locale).contact.saved };
}

/** "Gửi thẻ cho người liên hệ" (after the confirmation step): one email with one PDF and each QR code. */
export async function sendContactBadgesAction(unitRaw: string | undefined): Promise<void> {
  const { ctx, me } = await actor();
  const unit = askedUnit(me, unitRaw);
  let sent: { count: number };
  try {
    sent = await sendContactBadges(ctx, unit);
  } catch (e) {
    redirect(portalHref("/portal", unit, { error: errorCode(e) }));
  }
  redirect(portalHref("/portal", unit, { sent: sent.count }));
}
