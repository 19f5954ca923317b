"use server";

import { redirect } from "next/navigation";
import { errorCode, errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { approveRegistration, cancelRegistration, reissueBadge, rejectRegistration } from "@/lib/registration/manage";

const BACK = /^\/admin\/registrations(\/\d+)?(\?[^#\\]*)?$/;

/** Where to come back to: the list (with its filters) or a detail page; anything else → the list. Old outcome parameters are dropped. */
function backTo(raw: unknown, outcome: Record<string, string>): string {
  const path = typeof raw === "string" && BACK.test(raw) ? raw : "/admin/registrations";
  const url = new URL(path, "http://local");
  for (const k of ["act", "id", "done", "rid", "error"]) url.searchParams.delete(k);
  for (const [k, v] of Object.entries(outcome)) url.searchParams.set(k, v);
  return `${url.pathname}?${url.searchParams.toString()}`;
}

function idOf(data: FormData): number {
  const n = Number(data.get("id"));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function reasonOf(data: FormData): string {
  const v = data.get("reason");
  return typeof v === "string" ? v : "";
}

export async function approveAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const id = idOf(data);
  let error: string | null = null;
  try {
    await approveRegistration(ctx, id);
  } catch (e) {
    error = errorCode(e);
  }
  redirect(backTo(data.get("back"), error ? { error } : { done: "approved", rid: String(id) }));
}

export async function reissueAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const id = idOf(data);
  let error: string | null = null;
  try {
    await reissueBadge(ctx, id);
  } catch (e) {
    error = errorCode(e);
  }
  redirect(backTo(data.get("back"), error ? { error } : { done: "reissued", rid: String(id) }));
}

export async function rejectAction(id: number, back: string, _prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  try {
    await rejectRegistration(ctx, id, { reason: reasonOf(data) });
  } catch (e) {
    return errorState(e, ctx.locale, ["reason"]);
  }
  redirect(backTo(back, { done: "rejected", rid: String(id) }));
}

export async function cancelAction(id: number, back: string, _prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  try {
    const reason = reasonOf(data).trim();
    await cancelRegistration(ctx, id, reason ? { reason } : {});
  } catch (e) {
    return errorState(e, ctx.locale, ["reason"]);
  }
  redirect(backTo(back, { done: "cancelled", rid: String(id) }));
}
