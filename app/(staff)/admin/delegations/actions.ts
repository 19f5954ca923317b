"use server";

import { redirect } from "next/navigation";
import { errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { messages } from "@/lib/i18n";
import { setDelegationQuota } from "@/lib/registration/delegation";

/** Sets (a whole number 0–10000) or, with the "clear" button, removes a province's or ministry's quota; back to the list with a notice. */
export async function quotaAction(kind: "province" | "ministry", code: string, _prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  const clear = data.get("clear") === "1";
  const raw = data.get("quota");
  const text = typeof raw === "string" ? raw.trim() : "";
  const quota = clear ? null : /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!clear && !(Number.isInteger(quota) && quota !== null && quota <= 10_000)) {
    const t = messages(ctx.locale);
    return { status: "error", message: t.staff.formErrors, errors: { quota: t.adminDelegations.quotaInvalid } };
  }
  try {
    await setDelegationQuota(ctx, { kind, code }, { quota });
  } catch (e) {
    return errorState(e, ctx.locale, ["quota"]);
  }
  redirect(`/admin/delegations?${new URLSearchParams({ [clear ? "cleared" : "saved"]: `${kind}:${code}` }).toString()}#d-${kind}-${code}`);
}
