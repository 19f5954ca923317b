import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { checkinPresence, checkinPresenceRemoved, checkinScans } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { currentEvent } from "@/lib/registration/common";
import { parseInput, positiveInt, text } from "@/lib/validation";
import { checkpointByCode } from "./checkpoints";
import { decideAndRecord, loadScanTarget, nonceSchema } from "./redeem-badge";
import type { ScanAnswer } from "./types";

export const manualCheckinInput = z.object({
  registrationId: z.number({ message: "fields.integer" }).int({ message: "fields.integer" }).positive({ message: "fields.integer" }),
  checkpoint: z.string({ message: "fields.required" }).min(1, { message: "fields.required" }).max(40),
  direction: z.enum(["in", "out"], { message: "fields.choice" }).default("in"),
  nonce: nonceSchema.optional(),
  device: text({ max: 100 }).optional(),
}).strict();

/**
 * A supervisor checks a delegate in (or out) without the badge, from the search: the same rules as
 * a scan (a cancelled delegate is still refused), recorded as method "manual" and audited.
 */
export async function manualCheckin(ctx: Ctx, input: z.input<typeof manualCheckinInput>): Promise<ScanAnswer> {
  const me = requirePermission(ctx, "checkin.supervise");
  const data = parseInput(manualCheckinInput, input);
  const event = await currentEvent(ctx.db);
  const cp = await checkpointByCode(ctx.db, event.id, data.checkpoint);
  const target = await loadScanTarget(ctx.db, event.id, data.registrationId);
  if (!target) throw new NotFoundError("registrations.not_found");
  const answer = await decideAndRecord(ctx, me, event.id, cp, target.id, null, {
    method: "manual", direction: data.direction, nonce: data.nonce ?? null, serial: null, at: ctx.now, device: data.device ?? null,
  });
  if (!answer.replayed) {
    await recordAudit(ctx.db, ctx, {
      eventId: event.id, action: "checkin.manual", entityType: "registration", entityId: target.id, provinceCode: target.provinceCode, ministryCode: target.agencyCode,
      after: { scanId: answer.scanId, checkpoint: cp.code, direction: data.direction, result: answer.result, reason: answer.reason ?? null },
    });
  }
  return answer;
}

export const scanIdParams = z.object({ id: positiveInt() }).strict();

/**
 * Undoes a recorded entry or exit (a mistaken scan): the presence row goes back to what it was
 * before that scan, under its row lock; the scan stays in the record, marked undone, and the undo is
 * audited. Only the delegate's latest effective scan at that checkpoint can be undone, so the
 * counts stay consistent.
 */
export async function undoScan(ctx: Ctx, id: number): Promise<{ id: number; undoneAt: string }> {
  const me = requirePermission(ctx, "checkin.supervise");
  const event = await currentEvent(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(checkinScans).where(and(eq(checkinScans.id, id), eq(checkinScans.eventId, event.id))).for("update");
    if (!s) throw new NotFoundError("checkin.scan_not_found");
    if (s.undoneAt || s.result !== "admitted" || !s.registrationId) throw new ConflictError("checkin.not_undoable");
    const [p] = await tx.select().from(checkinPresence)
      .where(and(eq(checkinPresence.registrationId, s.registrationId), eq(checkinPresence.checkpointId, s.checkpointId))).for("update");
    const [latest] = await tx.select({ id: checkinScans.id }).from(checkinScans)
      .where(and(eq(checkinScans.registrationId, s.registrationId), eq(checkinScans.checkpointId, s.checkpointId), eq(checkinScans.result, "admitted"), isNull(checkinScans.undoneAt)))
      .orderBy(desc(checkinScans.id)).limit(1);
    if (!p || latest?.id !== s.id) throw new ConflictError("checkin.undo_not_latest");
    if (s.direction === "in") {
      if (p.entries <= 1) {
        await tx.delete(checkinPresence).where(and(eq(checkinPresence.registrationId, s.registrationId), eq(checkinPresence.checkpointId, s.checkpointId)));
        // Offline rosters learn of the removal through a tombstone.
        await tx.insert(checkinPresenceRemoved).values({ eventId: event.id, registrationId: s.registrationId, checkpointId: s.checkpointId })
          .onConflictDoUpdate({ target: [checkinPresenceRemoved.registrationId, checkinPresenceRemoved.checkpointId], set: { changedXid: sql`pg_current_xact_id()` } });
      } else await tx.update(checkinPresence).set({ inside: false, entries: sql`${checkinPresence.entries} - 1`, lastOutcome: "undone", changedXid: sql`pg_current_xact_id()` })
        .where(and(eq(checkinPresence.registrationId, s.registrationId), eq(checkinPresence.checkpointId, s.checkpointId)));
    } else {
      await tx.update(checkinPresence).set({ inside: true, exits: sql`${checkinPresence.exits} - 1`, lastOutcome: "undone", changedXid: sql`pg_current_xact_id()` })
        .where(and(eq(checkinPresence.registrationId, s.registrationId), eq(checkinPresence.checkpointId, s.checkpointId)));
    }
    await tx.update(checkinScans).set({ undoneAt: ctx.now, undoneByUserId: me.userId }).where(eq(checkinScans.id, id));
    await recordAudit(tx, ctx, {
      eventId: event.id, action: "checkin.undone", entityType: "checkin_scan", entityId: id,
      before: { registrationId: s.registrationId, direction: s.direction, result: s.result, scannedAt: s.scannedAt.toISOString() }, after: { undoneAt: ctx.now.toISOString() },
    });
    return { id, undoneAt: ctx.now.toISOString() };
  });
}
