import { alias } from "drizzle-orm/pg-core";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { checkinConflicts, checkinScans, checkpoints, registrations, users } from "@/db/schema";
import { requireAnyPermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { currentEvent, fullName, honorificLabel } from "@/lib/registration/common";

const conflictScan = z.object({ id: z.number().int(), at: z.string(), recordedAt: z.string(), device: z.string().nullable(), by: z.string().nullable(), offline: z.boolean() });
export const conflictView = z.object({
  id: z.number().int(), createdAt: z.string(), checkpoint: z.string(), registrationId: z.number().int(), name: z.string(),
  kept: conflictScan, other: conflictScan,
});
export type ConflictView = z.infer<typeof conflictView>;

/** Double admissions made offline by two devices, newest first, with both scans. */
export async function recentConflicts(db: DbOrTx, eventId: number, locale: "vi" | "en", limit = 50): Promise<ConflictView[]> {
  const k = alias(checkinScans, "kept");
  const o = alias(checkinScans, "other");
  const ku = alias(users, "kept_user");
  const ou = alias(users, "other_user");
  const rows = await db.select({ c: checkinConflicts, cp: checkpoints.code, r: { honorific: registrations.honorific, familyName: registrations.familyName, givenName: registrations.givenName }, k, o, kBy: ku.name, oBy: ou.name })
    .from(checkinConflicts)
    .innerJoin(checkpoints, eq(checkpoints.id, checkinConflicts.checkpointId))
    .innerJoin(registrations, eq(registrations.id, checkinConflicts.registrationId))
    .innerJoin(k, eq(k.id, checkinConflicts.keptScanId)).innerJoin(o, eq(o.id, checkinConflicts.otherScanId))
    .leftJoin(ku, eq(ku.id, k.staffUserId)).leftJoin(ou, eq(ou.id, o.staffUserId))
    .where(eq(checkinConflicts.eventId, eventId)).orderBy(desc(checkinConflicts.id)).limit(limit);
  const scan = (s: typeof checkinScans.$inferSelect, by: string | null) => ({
    id: s.id, at: s.scannedAt.toISOString(), recordedAt: s.recordedAt.toISOString(), device: s.device, by, offline: s.offline,
  });
  return rows.map((x) => ({
    id: x.c.id, createdAt: x.c.createdAt.toISOString(), checkpoint: x.cp, registrationId: x.c.registrationId,
    name: `${honorificLabel(x.r.honorific, locale)} ${fullName(x.r)}`, kept: scan(x.k, x.kBy), other: scan(x.o, x.oBy),
  }));
}

export async function listConflicts(ctx: Ctx): Promise<{ items: ConflictView[] }> {
  requireAnyPermission(ctx, ["checkin.supervise", "checkin.dashboard"]);
  const event = await currentEvent(ctx.db);
  return { items: await recentConflicts(ctx.db, event.id, ctx.locale) };
}
