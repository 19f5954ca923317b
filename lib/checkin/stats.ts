import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { currentEvent, fullName, honorificLabel } from "@/lib/registration/common";
import { checkpointRules } from "./checkpoints";
import { conflictView, recentConflicts } from "./conflicts";
import { recentScans, scanListItem } from "./scans";

export const checkinStatsSchema = z.object({
  version: z.string(),
  generatedAt: z.string(),
  checkpoints: z.array(z.object({ code: z.string(), name: z.string(), admitted: z.number().int(), insideNow: z.number().int(), refused: z.number().int(), invalid: z.number().int() })),
  timeline: z.array(z.object({ checkpoint: z.string(), at: z.string(), count: z.number().int() })),
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), colour: z.string(), registered: z.number().int(), arrived: z.number().int() })),
  byProvince: z.array(z.object({ code: z.string(), name: z.string(), registered: z.number().int(), arrived: z.number().int() })),
  recent: z.array(scanListItem),
  vips: z.array(z.object({ id: z.number().int(), name: z.string(), position: z.string(), organisation: z.string(), protocolRank: z.number().int(), at: z.string() })),
  /** Offline double admissions (two devices), newest first. */
  conflicts: z.array(conflictView),
});
export type CheckinStats = z.infer<typeof checkinStatsSchema>;

/** The VIP list is read from the conference hall's door. */
export const VIP_CHECKPOINT = "hoi-truong";
const BUCKET_SECONDS = 15 * 60;

function rows<T>(res: unknown): T[] {
  return (res as { rows: T[] }).rows;
}
const n = (v: unknown) => Number(v ?? 0);
const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

/**
 * Changes whenever a scan is recorded or undone: the newest scan id and the number of undone scans
 * (both read from indexes). The SSE stream compares it each second and sends stats only on change.
 */
export async function checkinVersion(db: DbOrTx, eventId: number): Promise<string> {
  const [r] = rows<{ last: unknown; undone: unknown }>(await db.execute(sql`
    select (select coalesce(max(id), 0) from checkin_scans where event_id = ${eventId}) as last,
           (select count(*) from checkin_scans where event_id = ${eventId} and undone_at is not null) as undone`));
  return `${n(r?.last)}.${n(r?.undone)}`;
}

/** The live dashboard's numbers (GET /api/v1/checkins/stats, the SSE stream). */
export async function checkinStats(ctx: Ctx): Promise<CheckinStats> {
  requirePermission(ctx, "checkin.dashboard");
  const event = await currentEvent(ctx.db);
  return statsFor(ctx.db, event.id, ctx.locale);
}

export async function statsFor(db: DbOrTx, eventId: number, locale: "vi" | "en"): Promise<CheckinStats> {
  const rules = await checkpointRules(db, eventId);
  const cps = [...rules.values()];
  const codeOf = new Map(cps.map((c) => [c.id, c.code]));
  const vipCp = rules.get(VIP_CHECKPOINT);
  const version = await checkinVersion(db, eventId);
  const [presence, scans, timeline, byCategory, byProvince, vips, recent, conflicts] = await Promise.all([
    db.execute(sql`select checkpoint_id, count(*) as admitted, count(*) filter (where inside) as inside from checkin_presence where event_id = ${eventId} group by checkpoint_id`),
    db.execute(sql`select checkpoint_id, count(*) filter (where result = 'refused') as refused, count(*) filter (where result = 'invalid') as invalid
      from checkin_scans where event_id = ${eventId} and result in ('refused', 'invalid') group by checkpoint_id`),
    db.execute(sql`select checkpoint_id, floor(extract(epoch from first_at) / ${BUCKET_SECONDS}) * ${BUCKET_SECONDS} as bucket, count(*) as n
      from checkin_presence where event_id = ${eventId} group by 1, 2 order by 2, 1`),
    db.execute(sql`select c.code, c.name_vi, c.name_en, c.badge_colour, c.sort_order,
        count(r.id) filter (where r.status = 'confirmed') as registered,
        count(r.id) filter (where exists (select 1 from checkin_presence p where p.registration_id = r.id)) as arrived
      from delegate_categories c left join registrations r on r.category_id = c.id
      where c.event_id = ${eventId} group by c.id order by c.sort_order`),
    db.execute(sql`select p.code, p.name,
        count(r.id) filter (where r.status = 'confirmed') as registered,
        count(r.id) filter (where exists (select 1 from checkin_presence x where x.registration_id = r.id)) as arrived
      from registrations r join provinces p on p.code = r.province_code
      where r.event_id = ${eventId} group by p.code, p.name order by p.code`),
    vipCp ? db.execute(sql`select r.id, r.honorific, r.family_name, r.given_name, r.position, r.organisation, r.protocol_rank, x.first_at
      from checkin_presence x join registrations r on r.id = x.registration_id
      where x.checkpoint_id = ${vipCp.id} and x.inside and r.protocol_rank is not null and r.status = 'confirmed'
      order by r.protocol_rank, r.sort_key collate "C", r.id`) : Promise.resolve({ rows: [] }),
    recentScans(db, eventId, locale, { limit: 20 }),
    recentConflicts(db, eventId, locale, 20),
  ]);
  const pres = new Map(rows<{ checkpoint_id: number; admitted: unknown; inside: unknown }>(presence).map((r) => [Number(r.checkpoint_id), r]));
  const sc = new Map(rows<{ checkpoint_id: number; refused: unknown; invalid: unknown }>(scans).map((r) => [Number(r.checkpoint_id), r]));
  return {
    version, generatedAt: new Date().toISOString(),
    checkpoints: cps.map((c) => ({
      code: c.code, name: locale === "en" ? c.nameEn : c.nameVi, admitted: n(pres.get(c.id)?.admitted), insideNow: n(pres.get(c.id)?.inside),
      refused: n(sc.get(c.id)?.refused), invalid: n(sc.get(c.id)?.invalid),
    })),
    timeline: rows<{ checkpoint_id: number; bucket: unknown; n: unknown }>(timeline).map((r) => ({
      checkpoint: codeOf.get(Number(r.checkpoint_id)) ?? String(r.checkpoint_id), at: new Date(n(r.bucket) * 1000).toISOString(), count: n(r.n),
    })),
    byCategory: rows<{ code: string; name_vi: string; name_en: string; badge_colour: string; registered: unknown; arrived: unknown }>(byCategory).map((r) => ({
      code: r.code, name: locale === "en" ? r.name_en : r.name_vi, colour: r.badge_colour, registered: n(r.registered), arrived: n(r.arrived),
    })),
    byProvince: rows<{ code: string; name: string; registered: unknown; arrived: unknown }>(byProvince).map((r) => ({ code: r.code, name: r.name, registered: n(r.registered), arrived: n(r.arrived) })),
    recent,
    vips: rows<{ id: number; honorific: "ong" | "ba"; family_name: string; given_name: string; position: string; organisation: string; protocol_rank: number; first_at: unknown }>(vips).map((r) => ({
      id: Number(r.id), name: `${honorificLabel(r.honorific, locale)} ${fullName({ familyName: r.family_name, givenName: r.given_name })}`, position: r.position,
      organisation: r.organisation, protocolRank: Number(r.protocol_rank), at: iso(r.first_at),
    })),
    conflicts,
  };
}
