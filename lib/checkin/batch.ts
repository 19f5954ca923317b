import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { checkinConflicts, checkinPresence, checkinScans, SCAN_RESULTS } from "@/db/schema";
import { verifyBadgeCode } from "@/lib/badges/code";
import { eventKey } from "@/lib/badges/keys";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx, UserActor } from "@/lib/context";
import { currentEvent, type EventRow } from "@/lib/registration/common";
import { parseInput } from "@/lib/validation";
import { checkpointByCode } from "./checkpoints";
import { touchDevice } from "./devices";
import { nonceSchema, recordDecision, recordInvalid, Replay, replayAnswer, type ScanRecord } from "./redeem-badge";
import type { ScanAnswer } from "./types";

export const offlineScan = z.object({
  code: z.string({ message: "fields.required" }).max(2000, { message: "fields.tooLong|max=2000" }),
  checkpoint: z.string({ message: "fields.required" }).min(1).max(40),
  direction: z.enum(["in", "out"], { message: "fields.choice" }).default("in"),
  nonce: nonceSchema,
  scannedAt: z.iso.datetime({ offset: true, message: "fields.datetime" }),
  /** What the device showed (it decided locally); lets the server tell a real double admission. */
  localResult: z.enum(SCAN_RESULTS, { message: "fields.choice" }).optional(),
}).strict();

export const batchInput = z.object({
  device: z.uuid({ message: "fields.invalid" }),
  queueLength: z.number().int().min(0).max(1_000_000).optional(),
  battery: z.number().min(0).max(1).nullish(),
  scans: z.array(offlineScan).min(1).max(500),
}).strict();

export type BatchResult = ScanAnswer & { nonce: string; conflict?: boolean };

/** Beyond the clock skew of online scans: a queued scan may be old, never from the future. */
const MAX_FUTURE_MS = 5 * 60_000;

/**
 * A device uploads the scans it decided offline (POST /api/v1/checkins/batch), in scan-time
 * order. Each is decided again by the server, idempotently by nonce (an upload sent three times
 * records each scan once), and recorded with the device and what it showed. The first entry by
 * scan time is the one that counts; when two devices both admitted the same badge at the same
 * door while offline, both scans are kept and a conflict is recorded for supervisors.
 */
export async function uploadOfflineScans(ctx: Ctx, input: z.input<typeof batchInput>): Promise<{ results: BatchResult[] }> {
  const me = requirePermission(ctx, "checkin.scan");
  const data = parseInput(batchInput, input);
  const event = await currentEvent(ctx.db);
  const device = await touchDevice(ctx.db, event.id, data.device, { queueLength: data.queueLength, battery: data.battery ?? undefined }, ctx.now);
  const order = data.scans.map((s, i) => ({ s, i, at: new Date(s.scannedAt) })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  const results: BatchResult[] = new Array(data.scans.length);
  for (const { s, i, at } of order) {
    const clamped = at.getTime() > ctx.now.getTime() + MAX_FUTURE_MS ? ctx.now : at;
    results[i] = { ...(await uploadOne(ctx, me, event, device.id, device.name, s, clamped)), nonce: s.nonce };
  }
  return { results };
}

async function uploadOne(ctx: Ctx, me: UserActor, event: EventRow, deviceId: string, deviceName: string, s: z.infer<typeof offlineScan>, at: Date): Promise<Omit<BatchResult, "nonce">> {
  const cp = await checkpointByCode(ctx.db, event.id, s.checkpoint, "scans.checkpoint");
  const rec: ScanRecord = {
    method: "scan", direction: s.direction, nonce: s.nonce, serial: null, at, device: deviceName, deviceId, offline: true, localResult: s.localResult ?? null,
  };
  const key = await eventKey(ctx.db, event.id);
  const v = verifyBadgeCode(s.code.trim(), event.id, key.publicKey);
  try {
    if (!v.ok) return await recordInvalid(ctx.db, me, event.id, cp, rec, v.reason === "signature" ? "signature" : "format");
    return await ctx.db.transaction(async (tx) => {
      // The presence row as it stood before this scan, locked until the decision is recorded.
      const [prev] = await tx.select().from(checkinPresence)
        .where(and(eq(checkinPresence.registrationId, v.badgeId), eq(checkinPresence.checkpointId, cp.id))).for("update");
      const answer = await recordDecision(tx, ctx, me, event.id, cp, v.badgeId, v.serial, { ...rec, serial: v.serial });
      if (!prev || s.direction !== "in" || answer.result !== "already_admitted") return answer;
      const [first] = await tx.select({ id: checkinScans.id, deviceId: checkinScans.deviceId, recordedAt: checkinScans.recordedAt, scannedAt: checkinScans.scannedAt })
        .from(checkinScans).where(eq(checkinScans.id, prev.firstScanId));
      if (!first || first.deviceId === deviceId) return answer; // this device knew of its own entry
      // Did this device show "admitted"? Said by the device, else: the server learnt of the other
      // entry only after this scan happened, so the device could not have known.
      const doubled = s.localResult ? s.localResult === "admitted" : first.recordedAt.getTime() > at.getTime();
      if (!doubled) return answer;
      const thisFirst = at.getTime() < prev.firstAt.getTime();
      if (thisFirst) {
        // The first entry by scan time is the one that counts.
        await tx.update(checkinPresence).set({ firstScanId: answer.scanId, firstAt: at, firstByUserId: me.userId, firstDevice: deviceName })
          .where(and(eq(checkinPresence.registrationId, v.badgeId), eq(checkinPresence.checkpointId, cp.id)));
      }
      await tx.insert(checkinConflicts).values({
        eventId: event.id, registrationId: v.badgeId, checkpointId: cp.id,
        keptScanId: thisFirst ? answer.scanId : first.id, otherScanId: thisFirst ? first.id : answer.scanId, createdAt: ctx.now,
      }).onConflictDoNothing();
      return { ...answer, conflict: true };
    });
  } catch (e) {
    if (e instanceof Replay) return replayAnswer(ctx, event.id, s.nonce);
    throw e;
  }
}
