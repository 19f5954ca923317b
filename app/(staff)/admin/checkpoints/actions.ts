"use server";

import { redirect } from "next/navigation";
import { fromLocalInput, MAX_WINDOWS } from "@/components/checkin-admin/windows";
import { errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { updateCheckpoint } from "@/lib/checkin/checkpoints";
import { ValidationError } from "@/lib/errors";
import { translateKey } from "@/lib/http/problem";
import { format, messages } from "@/lib/i18n";

function strings(data: FormData, name: string): string[] {
  return data.getAll(name).map((v) => (typeof v === "string" ? v.trim() : ""));
}

/**
 * Saves a checkpoint's rules (event.manage): categories allowed, opening windows typed as
 * datetime-local in Hà Nội time, re-entry. Each window row gets its own error (missing half,
 * unreadable, end not after start, overlap); rows left entirely empty are dropped. The domain
 * checks everything again; its errors come back on the same rows.
 */
export async function updateCheckpointAction(code: string, _prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const c = t.checkinAdmin.checkpoints;
  const errors: Record<string, string> = {};
  const opens = strings(data, "opensAt");
  const closes = strings(data, "closesAt");
  const windows: { opensAt: string; closesAt: string; row: number; from: number; to: number }[] = [];
  for (let row = 0; row < Math.max(opens.length, closes.length); row++) {
    const o = opens[row] ?? "";
    const cl = closes[row] ?? "";
    if (!o && !cl) continue;
    const from = o ? fromLocalInput(o) : null;
    const to = cl ? fromLocalInput(cl) : null;
    if (!o) errors[`windows.${row}.opensAt`] = c.windowRequired;
    else if (!from) errors[`windows.${row}.opensAt`] = c.windowInvalid;
    if (!cl) errors[`windows.${row}.closesAt`] = c.windowRequired;
    else if (!to) errors[`windows.${row}.closesAt`] = c.windowInvalid;
    if (!from || !to) continue;
    if (to.getTime() <= from.getTime()) {
      errors[`windows.${row}.closesAt`] = c.windowOrder;
      continue;
    }
    const other = windows.find((w) => w.from < to.getTime() && from.getTime() < w.to);
    if (other) errors[`windows.${row}.opensAt`] = format(c.windowOverlap, { n: other.row + 1 });
    windows.push({ opensAt: from.toISOString(), closesAt: to.toISOString(), row, from: from.getTime(), to: to.getTime() });
  }
  if (windows.length > MAX_WINDOWS) errors.windows = format(c.tooManyWindows, { max: MAX_WINDOWS });
  if (Object.keys(errors).length) return { status: "error", message: t.staff.formErrors, errors };

  try {
    await updateCheckpoint(ctx, code, {
      allowReentry: data.get("allowReentry") === "on",
      categories: strings(data, "categories").filter(Boolean),
      windows: windows.map((w) => ({ opensAt: w.opensAt, closesAt: w.closesAt })),
    });
  } catch (e) {
    if (e instanceof ValidationError) {
      // Window errors name the position in the list sent; map it back to the row on screen.
      const mapped: Record<string, string> = {};
      const other: string[] = [];
      for (const fe of e.errors) {
        const text = translateKey(fe.message, ctx.locale);
        const w = /^windows\.(\d+)(?:\.(opensAt|closesAt))?/.exec(fe.path);
        if (w) mapped[`windows.${windows[Number(w[1])]?.row ?? Number(w[1])}.${w[2] ?? "closesAt"}`] ??= text;
        else if (fe.path.startsWith("categories")) mapped.categories ??= text;
        else if (fe.path === "allowReentry") mapped.allowReentry ??= text;
        else other.push(text);
      }
      return { status: "error", message: other.length ? [...new Set(other)].join(" ") : t.staff.formErrors, errors: mapped };
    }
    return errorState(e, ctx.locale, []);
  }
  redirect(`/admin/checkpoints?saved=${encodeURIComponent(code)}`);
}
