import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { eventKey } from "@/lib/badges/keys";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { currentEvent, delegationName, fullName, honorificLabel, loadUnitNames } from "@/lib/registration/common";
import { parseInput } from "@/lib/validation";
import { checkpointByCode, isOpenAt } from "./checkpoints";
import { touchDevice } from "./devices";

export const rosterQuery = z.object({
  checkpoint: z.string({ message: "fields.required" }).min(1, { message: "fields.required" }).max(40),
  since: z.string().regex(/^\d{1,20}$/, { message: "fields.invalid" }).optional(),
  device: z.uuid({ message: "fields.invalid" }).optional(),
  queue: z.coerce.number().int().min(0).max(1_000_000).optional(),
  battery: z.coerce.number().min(0).max(1).optional(),
}).strict();

/** The columns of `rows`, in order (arrays, not objects: 20,000 delegates stay small). */
export const ROSTER_FIELDS = ["id", "serial", "status", "category", "name", "position", "organisation", "delegation", "note", "phoneHash"] as const;
export type RosterRow = [number, number, string, string, string, string, string, string | null, string | null, string];

export type Roster = {
  eventId: number;
  /** The event's Ed25519 verification key (raw, base64url), to verify badge codes offline. */
  publicKey: string;
  /** Pass as `since` next time: changes committed after it, and possibly a few already seen (merging is idempotent). */
  cursor: string;
  full: boolean;
  serverTime: string;
  checkpoint: { code: string; name: string; allowReentry: boolean; categories: string[]; windows: { opensAt: string; closesAt: string }[]; openNow: boolean };
  categories: { code: string; name: string; colour: string }[];
  fields: typeof ROSTER_FIELDS;
  rows: RosterRow[];
  /** Entries at this checkpoint: [registration id, first entry time, inside now]. */
  presence: [number, string, boolean][];
  /** Registrations whose presence here was undone. */
  removed: number[];
};

/** How the scanner looks a phone number up without holding it: the first 16 hex of SHA-256("<event>:<0…>"). */
export function phoneHash(eventId: number, phone: string): string {
  return crypto.createHash("sha256").update(`${eventId}:${phone}`).digest("hex").slice(0, 16);
}

type Raw = Record<string, unknown>;
const rowsOf = (res: unknown) => (res as { rows: Raw[] }).rows;

/**
 * What a door needs to decide offline (GET /api/v1/checkins/roster): every registration of the
 * event with badge serial, status, category, name, position, unit, door note and a hash of the
 * phone — no emails, no phone numbers, no keys but the public one — the door's rules, and who is
 * already inside. With `since`, only what changed: the cursor is the oldest transaction still
 * running when the roster was read (pg_snapshot_xmin), and rows carry the transaction that last
 * changed them, so a change committed late is never skipped. A revoked device gets 410.
 */
export async function checkinRoster(ctx: Ctx, input: z.input<typeof rosterQuery>): Promise<Roster> {
  requirePermission(ctx, "checkin.scan");
  const q = parseInput(rosterQuery, input);
  const event = await currentEvent(ctx.db);
  const cp = await checkpointByCode(ctx.db, event.id, q.checkpoint);
  if (q.device) await touchDevice(ctx.db, event.id, q.device, { queueLength: q.queue, battery: q.battery, checkpoint: cp.code }, ctx.now);
  const key = await eventKey(ctx.db, event.id);
  const names = await loadUnitNames(ctx.db);
  const since = q.since ?? null;
  const read = await ctx.db.transaction(async (tx) => {
    const [c] = rowsOf(await tx.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as cursor`));
    const regs = rowsOf(await tx.execute(sql`
      select r.id, r.badge_serial, r.status, c.code as category, r.honorific, r.family_name, r.given_name, r.position, r.organisation,
        r.province_code, r.agency_code, r.door_note, r.phone
      from registrations r join delegate_categories c on c.id = r.category_id
      where r.event_id = ${event.id}::integer ${since ? sql`and r.changed_xid >= ${since}::xid8` : sql``}
      order by r.id`));
    const cats = rowsOf(await tx.execute(sql`select code, name_vi, name_en, badge_colour from delegate_categories where event_id = ${event.id}::integer order by sort_order`));
    const pres = rowsOf(await tx.execute(sql`
      select registration_id, first_at, inside from checkin_presence
      where checkpoint_id = ${cp.id}::integer ${since ? sql`and changed_xid >= ${since}::xid8` : sql``}`));
    const removed = since ? rowsOf(await tx.execute(sql`
      select x.registration_id from checkin_presence_removed x
      where x.checkpoint_id = ${cp.id}::integer and x.changed_xid >= ${since}::xid8
        and not exists (select 1 from checkin_presence p where p.registration_id = x.registration_id and p.checkpoint_id = x.checkpoint_id)`)) : [];
    return { cursor: String(c!.cursor), regs, cats, pres, removed };
  }, { isolationLevel: "repeatable read", accessMode: "read only" });
  const en = ctx.locale === "en";
  return {
    eventId: event.id, publicKey: key.publicKeyRaw, cursor: read.cursor, full: since === null, serverTime: ctx.now.toISOString(),
    checkpoint: {
      code: cp.code, name: en ? cp.nameEn : cp.nameVi, allowReentry: cp.allowReentry, categories: cp.categoryCodes,
      windows: cp.windows.map((w) => ({ opensAt: w.opensAt.toISOString(), closesAt: w.closesAt.toISOString() })), openNow: isOpenAt(cp, ctx.now),
    },
    categories: read.cats.map((c) => ({ code: String(c.code), name: String(en ? c.name_en : c.name_vi), colour: String(c.badge_colour) })),
    fields: ROSTER_FIELDS,
    rows: read.regs.map((r) => {
      const unit = { provinceCode: (r.province_code as string | null) ?? null, agencyCode: (r.agency_code as string | null) ?? null };
      return [
        Number(r.id), Number(r.badge_serial), String(r.status), String(r.category),
        `${honorificLabel(r.honorific as "ong" | "ba", ctx.locale)} ${fullName({ familyName: String(r.family_name), givenName: String(r.given_name) })}`,
        String(r.position), String(r.organisation), delegationName(names, unit, ctx.locale), (r.door_note as string | null) ?? null,
        phoneHash(event.id, String(r.phone)),
      ];
    }),
    presence: read.pres.map((p) => [Number(p.registration_id), new Date(p.first_at as string | Date).toISOString(), Boolean(p.inside)]),
    removed: read.removed.map((x) => Number(x.registration_id)),
  };
}
