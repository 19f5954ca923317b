import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { checkinScans, delegateCategories, registrations, users, type ScanResult } from "@/db/schema";
import { verifyBadgeCode } from "@/lib/badges/code";
import { eventKey } from "@/lib/badges/keys";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx, UserActor } from "@/lib/context";
import { isUniqueViolation, ValidationError } from "@/lib/errors";
import { currentEvent, delegationName, fullName, honorificLabel, loadUnitNames } from "@/lib/registration/common";
import { parseInput, text } from "@/lib/validation";
import { checkpointByCode, checkpointRules, isOpenAt, type CheckpointRules } from "./checkpoints";
import type { ScanAnswer, ScanReason, ScanRegistration } from "./types";

/** A scan's nonce: chosen by the scanner (a UUID, or any unique token of safe characters). */
export const nonceSchema = z.string().min(8, { message: "fields.tooShort|min=8" }).max(100, { message: "fields.tooLong|max=100" })
  .regex(/^[A-Za-z0-9_.:-]+$/, { message: "fields.invalid" });

export const scanInput = z.object({
  // Anything a scanner read: a forged or damaged code is an answer ("invalid"), not a malformed request.
  code: z.string({ message: "fields.required" }).max(2000, { message: "fields.tooLong|max=2000" }),
  checkpoint: z.string({ message: "fields.required" }).min(1, { message: "fields.required" }).max(40, { message: "fields.tooLong|max=40" }),
  direction: z.enum(["in", "out"], { message: "fields.choice" }).default("in"),
  nonce: nonceSchema.optional(),
  scannedAt: z.iso.datetime({ offset: true, message: "fields.datetime" }).optional(),
  device: text({ max: 100 }).optional(),
}).strict();
export type ScanInput = z.input<typeof scanInput>;

/** Scans may be recorded a little late (queued), never from the future beyond clock skew. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export function scanTime(scannedAt: string | undefined, now: Date): Date {
  if (!scannedAt) return now;
  const at = new Date(scannedAt);
  if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) throw new ValidationError([{ path: "scannedAt", message: "checkin.future_scan" }]);
  return at;
}

type ScanTarget = {
  id: number; eventId: number; status: string; serial: number; categoryId: number;
  honorific: "ong" | "ba"; familyName: string; givenName: string; position: string; organisation: string;
  provinceCode: string | null; agencyCode: string | null; doorNote: string | null;
  categoryCode: string; categoryNameVi: string; categoryNameEn: string; colour: string;
};

/** What a door shows of a registration (select from registrations joined with delegate_categories). */
export const scanTargetColumns = {
  id: registrations.id, eventId: registrations.eventId, status: registrations.status, serial: registrations.badgeSerial, categoryId: registrations.categoryId,
  honorific: registrations.honorific, familyName: registrations.familyName, givenName: registrations.givenName, position: registrations.position,
  organisation: registrations.organisation, provinceCode: registrations.provinceCode, agencyCode: registrations.agencyCode, doorNote: registrations.doorNote,
  categoryCode: delegateCategories.code, categoryNameVi: delegateCategories.nameVi, categoryNameEn: delegateCategories.nameEn, colour: delegateCategories.badgeColour,
};

export async function loadScanTarget(db: DbOrTx, eventId: number, id: number): Promise<ScanTarget | null> {
  const [r] = await db.select(scanTargetColumns).from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
    .where(and(eq(registrations.id, id), eq(registrations.eventId, eventId)));
  return r ?? null;
}

export async function scanRegistrationView(db: DbOrTx, r: ScanTarget, locale: "vi" | "en"): Promise<ScanRegistration> {
  const names = await loadUnitNames(db);
  return {
    id: r.id, name: `${honorificLabel(r.honorific, locale)} ${fullName(r)}`, position: r.position, organisation: r.organisation,
    delegation: delegationName(names, r, locale), category: locale === "en" ? r.categoryNameEn : r.categoryNameVi, categoryCode: r.categoryCode,
    colour: r.colour, note: r.doorNote, status: r.status,
  };
}

export type ScanRecord = {
  method: "scan" | "manual"; direction: "in" | "out"; nonce: string | null; serial: number | null; at: Date; device: string | null;
  /** An enrolled device; a scan decided on it offline and uploaded later, with what it showed. */
  deviceId?: string | null; offline?: boolean; localResult?: string | null;
};

type RecordedRow = { id: string | number; result: ScanResult; reason: string | null; first_at: Date | string | null; first_by_name: string | null; first_device: string | null };

function rowsOf<T>(res: unknown): T[] {
  return (res as { rows: T[] }).rows;
}

/** Thrown by a recording statement whose nonce was already used: answer with the original (outside any transaction). */
export class Replay extends Error {}

async function runRecording(statement: () => Promise<unknown>): Promise<RecordedRow> {
  try {
    const [row] = rowsOf<RecordedRow>(await statement());
    return row!;
  } catch (e) {
    if (isUniqueViolation(e)) throw new Replay();
    throw e;
  }
}

type ScanRow = RecordedRow & {
  reg_id: number | null; status: string; category_id: number; honorific: "ong" | "ba"; family_name: string; given_name: string; position: string;
  organisation: string; province_code: string | null; agency_code: string | null; door_note: string | null;
  category_code: string; name_vi: string; name_en: string; badge_colour: string;
};

/**
 * Decides and records a scan of a badge in ONE statement, so it needs no explicit transaction and
 * costs one round trip:
 *  - `r` reads the registration and names the first rule it fails, in order: an older serial
 *    (re-issued badge), cancelled, rejected, not confirmed, a category not allowed at this door, the
 *    door closed at the scan time (decided by the caller from the cached windows);
 *  - `p` (entries) upserts the presence row: its primary key is the guarantee of one first entry per
 *    badge and checkpoint; the ON CONFLICT branch runs under the row's lock, on the row as it stands
 *    after any concurrent scan committed, and decides "already admitted", a re-entry or "no re-entry";
 *  - `x` (exits) marks someone inside as gone, under the same row lock;
 *  - `ins` writes the scan with the outcome. A nonce already used makes the whole statement fail,
 *    so nothing of it is kept and the caller answers with the original scan.
 * `serial` null (a supervisor's manual check-in) means the current serial.
 */
function scanStatement(db: DbOrTx, eventId: number, cp: CheckpointRules, registrationId: number, serial: number | null, closed: boolean, me: UserActor, rec: ScanRecord) {
  const at = rec.at.toISOString();
  const reentry = cp.allowReentry;
  return db.execute(sql`
    with r as (
      select r.id, r.status, r.badge_serial, r.category_id, r.honorific, r.family_name, r.given_name, r.position, r.organisation,
        r.province_code, r.agency_code, r.door_note, c.code as category_code, c.name_vi, c.name_en, c.badge_colour,
        case
          when r.badge_serial <> coalesce(${serial}::integer, r.badge_serial) then 'revoked'
          when r.status = 'cancelled' then 'cancelled'
          when r.status = 'rejected' then 'rejected'
          when r.status <> 'confirmed' then 'not_confirmed'
          when not exists (select 1 from category_checkpoints cc where cc.category_id = r.category_id and cc.checkpoint_id = ${cp.id}::integer) then 'not_allowed'
          when ${closed}::boolean then 'closed'
        end as refusal
      from registrations r join delegate_categories c on c.id = r.category_id
      where r.id = ${registrationId}::integer and r.event_id = ${eventId}::integer
    ),
    s as (select nextval(pg_get_serial_sequence('checkin_scans', 'id')) as id),
    p as (
      insert into checkin_presence as cp (event_id, registration_id, checkpoint_id, first_scan_id, first_at, first_by_user_id, first_device, inside, entries, exits, last_at, last_outcome)
      select ${eventId}::integer, r.id, ${cp.id}::integer, s.id, ${at}::timestamptz, ${me.userId}::integer, ${rec.device}::text, true, 1, 0, ${at}::timestamptz, 'admitted'
      from r, s where r.refusal is null and ${rec.direction}::text = 'in'
      on conflict (registration_id, checkpoint_id) do update set
        last_outcome = case when cp.inside then 'already_admitted' when ${reentry}::boolean then 'admitted' else 'no_reentry' end,
        entries = cp.entries + case when not cp.inside and ${reentry}::boolean then 1 else 0 end,
        inside = cp.inside or ${reentry}::boolean,
        last_at = case when not cp.inside and ${reentry}::boolean then excluded.last_at else cp.last_at end,
        changed_xid = pg_current_xact_id()
      returning last_outcome, first_at, first_by_user_id, first_device
    ),
    x as (
      update checkin_presence set inside = false, exits = exits + 1, last_at = ${at}::timestamptz, last_outcome = 'exited', changed_xid = pg_current_xact_id()
      where registration_id = (select id from r where refusal is null) and checkpoint_id = ${cp.id}::integer and inside and ${rec.direction}::text = 'out'
      returning last_outcome, first_at, first_by_user_id, first_device
    ),
    o as (select * from p union all select * from x),
    ins as (
      insert into ${checkinScans} (id, event_id, checkpoint_id, registration_id, direction, result, reason, method, nonce, serial, scanned_at, staff_user_id, device,
        first_at, first_by_user_id, first_device, device_id, offline, local_result)
      select s.id, ${eventId}::integer, ${cp.id}::integer, r.id, ${rec.direction}::text,
        case when r.id is null then 'invalid' when r.refusal is not null or o.last_outcome is null or o.last_outcome = 'no_reentry' then 'refused'
          when o.last_outcome = 'already_admitted' then 'already_admitted' else 'admitted' end,
        case when r.id is null then 'unknown' when r.refusal is not null then r.refusal when o.last_outcome is null then 'not_inside'
          when o.last_outcome = 'no_reentry' then 'no_reentry' end,
        ${rec.method}::text, ${rec.nonce}::text, coalesce(${serial}::integer, r.badge_serial), ${at}::timestamptz, ${me.userId}::integer, ${rec.device}::text,
        o.first_at, o.first_by_user_id, o.first_device, ${rec.deviceId ?? null}::uuid, ${rec.offline ?? false}::boolean, ${rec.localResult ?? null}::text
      from s left join r on true left join o on true
      returning id, result, reason, first_at, first_by_user_id, first_device
    )
    select ins.id, ins.result, ins.reason, ins.first_at, ins.first_device, u.name as first_by_name,
      r.id as reg_id, r.status, r.category_id, r.honorific, r.family_name, r.given_name, r.position, r.organisation, r.province_code, r.agency_code,
      r.door_note, r.category_code, r.name_vi, r.name_en, r.badge_colour
    from ins left join r on true left join ${users} u on u.id = ins.first_by_user_id`);
}

/** A scan decided without touching presence: refusals and invalid codes. */
function plainStatement(db: DbOrTx, eventId: number, cp: CheckpointRules, registrationId: number | null, me: UserActor, rec: ScanRecord, result: ScanResult, reason: ScanReason) {
  return db.execute(sql`
    insert into ${checkinScans} (event_id, checkpoint_id, registration_id, direction, result, reason, method, nonce, serial, scanned_at, staff_user_id, device, device_id, offline, local_result)
    values (${eventId}::integer, ${cp.id}::integer, ${registrationId}::integer, ${rec.direction}::text, ${result}::text, ${reason}::text, ${rec.method}::text,
      ${rec.nonce}::text, ${rec.serial}::integer, ${rec.at.toISOString()}::timestamptz, ${me.userId}::integer, ${rec.device}::text,
      ${rec.deviceId ?? null}::uuid, ${rec.offline ?? false}::boolean, ${rec.localResult ?? null}::text)
    returning id, result, reason, null::timestamptz as first_at, null::text as first_device, null::text as first_by_name`);
}

function toIso(v: Date | string): string {
  return (v instanceof Date ? v : new Date(v)).toISOString();
}

function answerFrom(row: RecordedRow, cp: CheckpointRules, rec: ScanRecord, registration: ScanRegistration | undefined): ScanAnswer {
  const a: ScanAnswer = {
    result: row.result, direction: rec.direction, scanId: Number(row.id), scannedAt: rec.at.toISOString(), checkpoint: cp.code,
  };
  if (row.reason) a.reason = row.reason as ScanReason;
  if (registration) a.registration = registration;
  const showFirst = row.first_at && (row.result === "already_admitted" || (rec.direction === "in" && row.result === "refused") || rec.direction === "out");
  if (showFirst) a.firstCheckin = { at: toIso(row.first_at!), checkpoint: cp.code, by: row.first_by_name, device: row.first_device };
  return a;
}

/**
 * Decides and records one scan of a registration identified by a verified badge code (or, serial
 * null, by a supervisor's manual check-in), on `db` (the database or the caller's transaction).
 * Throws Replay when the nonce was seen before.
 */
export async function recordDecision(db: DbOrTx, ctx: Ctx, me: UserActor, eventId: number, cp: CheckpointRules, registrationId: number, serial: number | null, rec: ScanRecord): Promise<ScanAnswer> {
  const row = (await runRecording(() => scanStatement(db, eventId, cp, registrationId, serial, !isOpenAt(cp, rec.at), me, rec))) as ScanRow;
  const target: ScanTarget | null = row.reg_id === null ? null : {
    id: Number(row.reg_id), eventId, status: row.status, serial: serial ?? 0, categoryId: Number(row.category_id), honorific: row.honorific, familyName: row.family_name,
    givenName: row.given_name, position: row.position, organisation: row.organisation, provinceCode: row.province_code, agencyCode: row.agency_code,
    doorNote: row.door_note, categoryCode: row.category_code, categoryNameVi: row.name_vi, categoryNameEn: row.name_en, colour: row.badge_colour,
  };
  return answerFrom(row, cp, { ...rec, serial }, target ? await scanRegistrationView(db, target, ctx.locale) : undefined);
}

/** recordDecision on the database, answering a replayed nonce with the original answer. Used by redeemBadge and manualCheckin. */
export async function decideAndRecord(ctx: Ctx, me: UserActor, eventId: number, cp: CheckpointRules, registrationId: number, serial: number | null, rec: ScanRecord): Promise<ScanAnswer> {
  try {
    return await recordDecision(ctx.db, ctx, me, eventId, cp, registrationId, serial, rec);
  } catch (e) {
    if (e instanceof Replay && rec.nonce) return replayAnswer(ctx, eventId, rec.nonce);
    throw e;
  }
}

/** An invalid code (not a badge, or a signature that does not verify) recorded on `db`. Throws Replay. */
export async function recordInvalid(db: DbOrTx, me: UserActor, eventId: number, cp: CheckpointRules, rec: ScanRecord, reason: "format" | "signature"): Promise<ScanAnswer> {
  const row = await runRecording(() => plainStatement(db, eventId, cp, null, me, rec, "invalid", reason));
  return answerFrom(row, cp, rec, undefined);
}

/** The original answer of a scan whose nonce is seen again; nothing new is recorded. */
export async function replayAnswer(ctx: Ctx, eventId: number, nonce: string): Promise<ScanAnswer> {
  const [s] = await ctx.db.select().from(checkinScans).where(and(eq(checkinScans.eventId, eventId), eq(checkinScans.nonce, nonce)));
  if (!s) throw new Error("nonce conflict without a scan");
  return { ...(await answerForScan(ctx, s)), replayed: true };
}

/** Rebuilds the answer a recorded scan gave (replays, lists). */
export async function answerForScan(ctx: Ctx, s: typeof checkinScans.$inferSelect): Promise<ScanAnswer> {
  const rules = await checkpointRules(ctx.db, s.eventId);
  const cp = [...rules.values()].find((c) => c.id === s.checkpointId)!;
  const target = s.registrationId ? await loadScanTarget(ctx.db, s.eventId, s.registrationId) : null;
  const [by] = s.firstByUserId ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, s.firstByUserId)) : [];
  const row: RecordedRow = { id: s.id, result: s.result, reason: s.reason, first_at: s.firstAt, first_by_name: by?.name ?? null, first_device: s.firstDevice };
  const rec: ScanRecord = { method: s.method, direction: s.direction, nonce: s.nonce, serial: s.serial, at: s.scannedAt, device: s.device };
  return answerFrom(row, cp, rec, target ? await scanRegistrationView(ctx.db, target, ctx.locale) : undefined);
}

/**
 * A badge scanned at a door (POST /api/v1/checkins). The answer describes the scan and is never an
 * error: a forged code is `{ result: "invalid" }`. Every scan is recorded, refusals included.
 */
export async function redeemBadge(ctx: Ctx, input: ScanInput): Promise<ScanAnswer> {
  const me = requirePermission(ctx, "checkin.scan");
  const data = parseInput(scanInput, input);
  const event = await currentEvent(ctx.db);
  const cp = await checkpointByCode(ctx.db, event.id, data.checkpoint);
  const rec: ScanRecord = { method: "scan", direction: data.direction, nonce: data.nonce ?? null, serial: null, at: scanTime(data.scannedAt, ctx.now), device: data.device ?? null };
  const key = await eventKey(ctx.db, event.id);
  const v = verifyBadgeCode(data.code.trim(), event.id, key.publicKey);
  if (v.ok) return decideAndRecord(ctx, me, event.id, cp, v.badgeId, v.serial, { ...rec, serial: v.serial });
  try {
    return await recordInvalid(ctx.db, me, event.id, cp, rec, v.reason === "signature" ? "signature" : "format");
  } catch (e) {
    if (e instanceof Replay && rec.nonce) return replayAnswer(ctx, event.id, rec.nonce);
    throw e;
  }
}
