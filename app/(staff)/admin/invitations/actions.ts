"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorCode, errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { ValidationError } from "@/lib/errors";
import { translateKey } from "@/lib/http/problem";
import { format, messages, type Locale } from "@/lib/i18n";
import { inviteDelegates, parsePastedInvitees, resendInvitation, revokeInvitation } from "@/lib/registration/invitations";

type Invitee = Parameters<typeof inviteDelegates>[1]["invitees"][number];

function field(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}

function outcome(locale: Locale, created: number, skipped: string[]): FormState {
  const t = messages(locale).adminInvitations;
  const parts = [format(t.sent, { count: created })];
  if (skipped.length) parts.push(format(t.skipped, { count: skipped.length, emails: skipped.join(", ") }));
  return { status: "ok", message: parts.join(" ") };
}

/** Invite one person (registrations.manage). */
export async function inviteOneAction(_prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  const honorific = field(data, "honorific");
  const optional = (name: string) => field(data, name).trim() || undefined;
  const invitee: Invitee = {
    email: field(data, "email"),
    ...(honorific === "ong" || honorific === "ba" ? { honorific } : {}),
    familyName: optional("familyName"), givenName: optional("givenName"), position: optional("position"), organisation: optional("organisation"),
    locale: ctx.locale,
  };
  let result: Awaited<ReturnType<typeof inviteDelegates>>;
  try {
    result = await inviteDelegates(ctx, { categoryCode: field(data, "categoryCode"), invitees: [invitee] });
  } catch (e) {
    if (e instanceof ValidationError) {
      // "invitees.0.email" → the email field.
      const renamed = new ValidationError(e.errors.map((fe) => ({ ...fe, path: fe.path.replace(/^invitees\.0\./, "") })));
      return errorState(renamed, ctx.locale, ["categoryCode", "email", "familyName", "givenName", "position", "organisation"]);
    }
    return errorState(e, ctx.locale, ["categoryCode"]);
  }
  revalidatePath("/admin/invitations");
  return outcome(ctx.locale, result.created.length, result.skipped);
}

/** Invite a pasted list: one person per line, "email; họ đệm; tên; chức vụ; đơn vị". Nothing is sent while a line is wrong. */
export async function invitePasteAction(_prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const lines: number[] = [];
  const invitees: Invitee[] = [];
  const problems: string[] = [];
  field(data, "list").split(/\r?\n/).forEach((line, i) => {
    // One line at a time, so every invitee keeps its line number for the messages.
    const parsed = parsePastedInvitees(line);
    for (const fe of parsed.errors) problems.push(format(t.adminInvitations.lineError, { line: i + 1, message: translateKey(fe.message, ctx.locale) }));
    for (const inv of parsed.invitees) {
      lines.push(i + 1);
      invitees.push({ ...inv, locale: ctx.locale });
    }
  });
  if (problems.length) return { status: "error", message: t.staff.formErrors, errors: { list: problems.join("\n") } };
  if (invitees.length === 0) return { status: "error", message: t.staff.formErrors, errors: { list: t.adminInvitations.pasteEmpty } };
  let result: Awaited<ReturnType<typeof inviteDelegates>>;
  try {
    result = await inviteDelegates(ctx, { categoryCode: field(data, "categoryCode"), invitees });
  } catch (e) {
    if (e instanceof ValidationError) {
      const own: string[] = [];
      const rest: typeof e.errors = [];
      for (const fe of e.errors) {
        const m = /^invitees\.(\d+)\.?(.*)$/.exec(fe.path);
        if (m) own.push(format(t.adminInvitations.lineError, { line: lines[Number(m[1])] ?? Number(m[1]) + 1, message: `${m[2] ? `${m[2]}: ` : ""}${translateKey(fe.message, ctx.locale)}` }));
        else rest.push(fe.path === "invitees" ? { ...fe, path: "list" } : fe);
      }
      const state = rest.length ? errorState(new ValidationError(rest), ctx.locale, ["categoryCode", "list"]) : { status: "error" as const, message: t.staff.formErrors, errors: {} };
      if (own.length) state.errors = { ...state.errors, list: [state.errors?.list, ...own].filter(Boolean).join("\n") };
      return state;
    }
    return errorState(e, ctx.locale, ["categoryCode"]);
  }
  revalidatePath("/admin/invitations");
  return outcome(ctx.locale, result.created.length, result.skipped);
}

function idOf(data: FormData): number {
  const n = Number(data.get("id"));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export async function resendInvitationAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const id = idOf(data);
  let error: string | null = null;
  try {
    await resendInvitation(ctx, id);
  } catch (e) {
    error = errorCode(e);
  }
  redirect(error ? `/admin/invitations?error=${encodeURIComponent(error)}` : `/admin/invitations?resent=${id}`);
}

export async function revokeInvitationAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const id = idOf(data);
  let error: string | null = null;
  try {
    await revokeInvitation(ctx, id);
  } catch (e) {
    error = errorCode(e);
  }
  redirect(error ? `/admin/invitations?error=${encodeURIComponent(error)}` : `/admin/invitations?revoked=${id}`);
}
