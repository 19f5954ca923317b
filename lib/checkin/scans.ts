import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { checkinScans, checkpoints, delegateCategories, registrations, SCAN_RESULTS, users } from "@/db/schema";
import { requireAnyPermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { currentEvent } from "@/lib/registration/common";
import { parseInput, positiveInt } from "@/lib/validation";
import { scanRegistrationView, scanTargetColumns } from "./redeem-badge";
import { SCAN_REASONS, scanRegistration } from "./types";

export const listScansQuery = z.object({
  checkpoint: z.string().max(40).optional(),
  limit: z.coerce.number({ message: "fields.integer" }).int({ message: "fields.integer" }).min(1).max(200).default(50),
  before: positiveInt().optional(),
}).strict();

export const scanListItem = z.object({
  id: z.number().int(), at: z.string(), checkpoint: z.string(), direction: z.enum(["in", "out"]), result: z.enum(SCAN_RESULTS),
  reason: z.enum(SCAN_REASONS).nullable(), method: z.enum(["scan", "manual"]), device: z.string().nullable(), by: z.string().nullable(),
  undone: z.boolean(), registration: scanRegistration.nullable(),
});
export type ScanListItem = z.infer<typeof scanListItem>;

/** The newest scans of the event, refusals included; `before` pages back by scan id. */
export async function recentScans(db: DbOrTx, eventId: number, locale: "vi" | "en", opts: { checkpointId?: number; limit: number; before?: number }): Promise<ScanListItem[]> {
  const staff = alias(users, "staff");
  const where: SQL[] = [eq(checkinScans.eventId, eventId)];
  if (opts.checkpointId) where.push(eq(checkinScans.checkpointId, opts.checkpointId));
  if (opts.before) where.push(lt(checkinScans.id, opts.before));
  const rows = await db.select({ s: checkinScans, checkpoint: checkpoints.code, by: staff.name }).from(checkinScans)
    .innerJoin(checkpoints, eq(checkpoints.id, checkinScans.checkpointId)).leftJoin(staff, eq(staff.id, checkinScans.staffUserId))
    .where(and(...where)).orderBy(desc(checkinScans.id)).limit(opts.limit);
  const ids = [...new Set(rows.map((r) => r.s.registrationId).filter((x): x is number => x !== null))];
  const targets = ids.length ? await db.select(scanTargetColumns).from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId)).where(inArray(registrations.id, ids)) : [];
  const views = new Map(await Promise.all(targets.map(async (t) => [t.id, await scanRegistrationView(db, t, locale)] as const)));
  return rows.map(({ s, checkpoint, by }) => ({
    id: s.id, at: s.scannedAt.toISOString(), checkpoint, direction: s.direction, result: s.result, reason: (s.reason as ScanListItem["reason"]) ?? null,
    method: s.method, device: s.device, by, undone: s.undoneAt !== null, registration: (s.registrationId && views.get(s.registrationId)) || null,
  }));
}

/** Recent scans for supervisors (to undo one) and the dashboard. */
export async function listScans(ctx: Ctx, input: z.input<typeof listScansQuery> = {}): Promise<{ items: ScanListItem[] }> {
  requireAnyPermission(ctx, ["checkin.supervise", "checkin.dashboard"]);
  const q = parseInput(listScansQuery, input);
  const event = await currentEvent(ctx.db);
  let checkpointId: number | undefined;
  if (q.checkpoint) {
    const [cp] = await ctx.db.select({ id: checkpoints.id }).from(checkpoints).where(and(eq(checkpoints.eventId, event.id), eq(checkpoints.code, q.checkpoint)));
    checkpointId = cp?.id ?? -1;
  }
  return { items: await recentScans(ctx.db, event.id, ctx.locale, { checkpointId, limit: q.limit, before: q.before }) };
}
