import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { checkinDevices, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { requireAnyPermission, requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { GoneError, NotFoundError } from "@/lib/errors";
import { currentEvent } from "@/lib/registration/common";
import { parseInput, text } from "@/lib/validation";

export const enrolDeviceInput = z.object({
  name: text({ max: 80 }),
  checkpoint: z.string().max(40).optional(),
  userAgent: z.string().max(300).optional(),
}).strict();

export const deviceIdParams = z.object({ id: z.uuid({ message: "fields.invalid" }) }).strict();

export const deviceView = z.object({
  id: z.string(), name: z.string(), checkpoint: z.string().nullable(), enrolledBy: z.string().nullable(), enrolledAt: z.string(),
  lastSyncAt: z.string().nullable(), queueLength: z.number().int(), battery: z.number().nullable(), revoked: z.boolean(), revokedAt: z.string().nullable(),
});
export type DeviceView = z.infer<typeof deviceView>;

type DeviceRow = typeof checkinDevices.$inferSelect;
const toView = (d: DeviceRow, by: string | null): DeviceView => ({
  id: d.id, name: d.name, checkpoint: d.checkpointCode, enrolledBy: by, enrolledAt: d.enrolledAt.toISOString(), lastSyncAt: d.lastSyncAt?.toISOString() ?? null,
  queueLength: d.queueLength, battery: d.battery, revoked: d.revokedAt !== null, revokedAt: d.revokedAt?.toISOString() ?? null,
});

/** A scanner is enrolled when staff sign in on it: named ("Cửa hội trường 2"), audited. */
export async function enrolDevice(ctx: Ctx, input: z.input<typeof enrolDeviceInput>): Promise<DeviceView> {
  const me = requirePermission(ctx, "checkin.scan");
  const data = parseInput(enrolDeviceInput, input);
  const event = await currentEvent(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx.insert(checkinDevices).values({
      eventId: event.id, userId: me.userId, name: data.name, checkpointCode: data.checkpoint ?? null, userAgent: data.userAgent ?? null, enrolledAt: ctx.now,
    }).returning();
    await recordAudit(tx, ctx, { eventId: event.id, action: "device.enrolled", entityType: "checkin_device", entityId: d!.id, after: { name: d!.name } });
    return toView(d!, me.name);
  });
}

/** Every device of the event, newest first, with its last sync, queue and battery. */
export async function listDevices(ctx: Ctx): Promise<{ items: DeviceView[] }> {
  requireAnyPermission(ctx, ["checkin.supervise", "checkin.dashboard"]);
  const event = await currentEvent(ctx.db);
  const rows = await ctx.db.select({ d: checkinDevices, by: users.name }).from(checkinDevices).leftJoin(users, eq(users.id, checkinDevices.userId))
    .where(eq(checkinDevices.eventId, event.id)).orderBy(desc(checkinDevices.enrolledAt)).limit(500);
  return { items: rows.map((r) => toView(r.d, r.by)) };
}

/** A supervisor revokes a device: its next sync wipes its roster and queue-less state and stops it. Audited. */
export async function revokeDevice(ctx: Ctx, id: string): Promise<DeviceView> {
  const me = requirePermission(ctx, "checkin.supervise");
  const event = await currentEvent(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx.update(checkinDevices).set({ revokedAt: sql`coalesce(${checkinDevices.revokedAt}, ${ctx.now.toISOString()}::timestamptz)`, revokedByUserId: me.userId })
      .where(and(eq(checkinDevices.id, id), eq(checkinDevices.eventId, event.id))).returning();
    if (!d) throw new NotFoundError("checkin.device_not_found");
    await recordAudit(tx, ctx, { eventId: event.id, action: "device.revoked", entityType: "checkin_device", entityId: id, after: { name: d.name } });
    const [by] = d.userId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, d.userId)) : [];
    return toView(d, by?.name ?? null);
  });
}

export type DeviceStatus = { queueLength?: number; battery?: number | null; checkpoint?: string };

/**
 * A device syncing: refused with 410 when revoked or unknown (the scanner then wipes itself);
 * otherwise its last sync, queue length, battery and door are recorded for supervisors.
 */
export async function touchDevice(db: DbOrTx, eventId: number, id: string, status: DeviceStatus, now: Date): Promise<DeviceRow> {
  const [d] = await db.update(checkinDevices).set({
    lastSyncAt: now,
    ...(status.queueLength !== undefined ? { queueLength: status.queueLength } : {}),
    ...(status.battery !== undefined ? { battery: status.battery } : {}),
    ...(status.checkpoint ? { checkpointCode: status.checkpoint } : {}),
  }).where(and(eq(checkinDevices.id, id), eq(checkinDevices.eventId, eventId), sql`${checkinDevices.revokedAt} is null`)).returning();
  if (!d) throw new GoneError("checkin.device_revoked");
  return d;
}
