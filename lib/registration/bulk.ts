import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { delegateCategories, registrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { ConflictError, isDomainError, NotFoundError, ValidationError } from "@/lib/errors";
import { translateKey } from "@/lib/http/problem";
import { parseInput, text } from "@/lib/validation";
import { currentEvent, lockRegistration, placesTaken, toView } from "./common";
import { approveRegistration, cancelRegistration, rejectRegistration, updateRegistration } from "./manage";
import type { RegistrationView } from "./schemas";

export const BULK_ACTIONS = ["approve", "reject", "cancel", "move", "door_note", "protocol_rank"] as const;

export const bulkInput = z.object({
  ids: z.array(z.number().int().positive(), { message: "fields.invalid" }).min(1, { message: "fields.required" }).max(1000, { message: "fields.tooLong|max=1000" }),
  action: z.enum(BULK_ACTIONS, { message: "fields.choice" }),
  reason: text({ min: 0, max: 500 }).optional(),
  categoryCode: z.string().regex(/^[a-z0-9-]{2,40}$/, { message: "fields.choice" }).optional(),
  doorNote: text({ min: 0, max: 200 }).nullish(),
  protocolRank: z.number().int().min(1).max(9999).nullish(),
}).strict().superRefine((v, c) => {
  if (v.action === "reject" && !v.reason?.trim()) c.addIssue({ code: "custom", path: ["reason"], message: "fields.required" });
  if (v.action === "move" && !v.categoryCode) c.addIssue({ code: "custom", path: ["categoryCode"], message: "fields.required" });
});

export type BulkResult = { id: number; ok: boolean; code?: string; message?: string };

/**
 * Moves a registration to another category (organisers), keeping its status; a confirmed or
 * pending registration needs a place in a category with a capacity (counted under its lock). Audited.
 */
export async function moveRegistration(ctx: Ctx, id: number, categoryCode: string): Promise<RegistrationView> {
  requirePermission(ctx, "registrations.manage");
  const event = await currentEvent(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRegistration(tx, id, event.id);
    const [to] = await tx.select().from(delegateCategories).where(and(eq(delegateCategories.eventId, event.id), eq(delegateCategories.code, categoryCode))).for("update");
    if (!to) throw new ValidationError([{ path: "categoryCode", message: "fields.choice" }]);
    if (to.id === r.categoryId) throw new NotFoundError("registrations.same_category");
    if (to.capacity !== null && (r.status === "confirmed" || r.status === "pending") && (await placesTaken(tx, to.id)) >= to.capacity) {
      throw new ConflictError("registrations.category_full");
    }
    const [row] = await tx.update(registrations).set({ categoryId: to.id, updatedAt: ctx.now }).where(eq(registrations.id, id)).returning();
    await recordAudit(tx, ctx, { eventId: event.id, action: "registration.moved", entityType: "registration", entityId: id, provinceCode: r.provinceCode, ministryCode: r.agencyCode, before: { categoryId: r.categoryId }, after: { category: to.code } });
    return toView(tx, row!, to, ctx.locale);
  });
}

/**
 * One action on many registrations (POST /api/v1/registrations/bulk): each goes through the same
 * function as one by one — rules, locks, emails, audit — and the answer says, per registration,
 * whether it was done or why not (an approval of a registration already confirmed, say).
 */
export async function bulkRegistrations(ctx: Ctx, input: z.input<typeof bulkInput>): Promise<{ done: number; failed: number; results: BulkResult[] }> {
  requirePermission(ctx, "registrations.manage");
  const data = parseInput(bulkInput, input);
  const results: BulkResult[] = [];
  for (const id of [...new Set(data.ids)]) {
    try {
      if (data.action === "approve") await approveRegistration(ctx, id);
      else if (data.action === "reject") await rejectRegistration(ctx, id, { reason: data.reason });
      else if (data.action === "cancel") await cancelRegistration(ctx, id, data.reason ? { reason: data.reason } : {});
      else if (data.action === "move") await moveRegistration(ctx, id, data.categoryCode!);
      else if (data.action === "door_note") await updateRegistration(ctx, id, { doorNote: data.doorNote ?? null });
      else await updateRegistration(ctx, id, { protocolRank: data.protocolRank ?? null });
      results.push({ id, ok: true });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      results.push({ id, ok: false, code: e.code, message: translateKey(`${e.code}${Object.entries(e.params).map(([k, v]) => `|${k}=${v}`).join("")}`, ctx.locale) });
    }
  }
  return { done: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
}
