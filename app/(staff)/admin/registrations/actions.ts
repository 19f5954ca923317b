"use server";

import { redirect } from "next/navigation";
import { errorCode, errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { BULK_ACTIONS, bulkRegistrations } from "@/lib/registration/bulk";
import { approveRegistration, cancelRegistration, reissueBadge, rejectRegistration } from "@/lib/registration/manage";

const BACK = /^\/admin\/registrations(\/\d+)?(\?[^#\\]*)?$/;

/** Where to come back to: the list (with its filters) or a detail page; anything else → the list. Old outcome parameters are dropped. */
function backTo(raw: unknown, outcome: Record<string, string>): string {
  const path = typeof raw === "string" && BACK.test(raw) ? raw : "/admin/registrations";
  const url = new URL(path, "http://local");
  for (const k of ["act", "id", "done", "rid", "error", "bdone", "bfail", "bf", "berr", "bact"]) url.searchParams.delete(k);
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

function textOf(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v.trim() : "";
}

/**
 * Bulk action on the ticked rows (registrations.manage; the domain checks): reject and cancel need
 * the confirmation box ticked, reject a reason, move a category. Back to the list with the counts and
 * the failures (id and error code, at most 20) in the URL.
 */
export async function bulkAction(data: FormData): Promise<void> {
  const ctx = await getPageCtx();
  const back = data.get("back");
  const action = BULK_ACTIONS.find((a) => a === data.get("action"));
  const ids = [...new Set(data.getAll("ids").map(Number).filter((n) => Number.isInteger(n) && n > 0))].slice(0, 1000);
  const reason = textOf(data, "reason");
  const categoryCode = textOf(data, "categoryCode");
  const rankText = textOf(data, "protocolRank");
  const rank = rankText ? Number(rankText) : null;
  let berr: string | null = null;
  if (!action) berr = "action";
  else if (ids.length === 0) berr = "none";
  else if ((action === "reject" || action === "cancel") && data.get("confirm") !== "yes") berr = "confirm";
  else if (action === "reject" && !reason) berr = "reason";
  else if (action === "move" && !categoryCode) berr = "category";
  else if (action === "protocol_rank" && rank !== null && !(Number.isInteger(rank) && rank >= 1 && rank <= 9999)) berr = "rank";
  if (berr || !action) redirect(backTo(back, { berr: berr ?? "action" }));
  let outcome: Record<string, string>;
  try {
    const res = await bulkRegistrations(ctx, {
      ids, action,
      ...(action === "reject" || action === "cancel" ? (reason ? { reason } : {}) : {}),
      ...(action === "move" ? { categoryCode } : {}),
      ...(action === "door_note" ? { doorNote: textOf(data, "doorNote") || null } : {}),
      ...(action === "protocol_rank" ? { protocolRank: rank } : {}),
    });
    const failures = res.results.filter((r) => !r.ok).slice(0, 20).map((r) => `${r.id}:${r.code ?? ""}`);
    outcome = { bact: action, bdone: String(res.done), bfail: String(res.failed), ...(failures.length ? { bf: failures.join(",") } : {}) };
  } catch (e) {
    outcome = { error: errorCode(e) };
  }
  redirect(backTo(back, outcome));
}
