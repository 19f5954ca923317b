import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { delegateCategories, delegationQuotas, registrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { requireAnyPermission, requirePermission } from "@/lib/auth/require";
import type { Ctx, UserActor } from "@/lib/context";
import { ConflictError, ForbiddenError, isUniqueViolation, ValidationError } from "@/lib/errors";
import { searchKey } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation";
import { categoryByCode, currentEvent, delegationName, loadUnitNames, toView } from "./common";
import { insertRegistration } from "./register";
import { memberRegistrationInput, type RegistrationView } from "./schemas";

export const unitParams = z.object({
  kind: z.enum(["province", "ministry"], { message: "fields.choice" }),
  code: z.string().regex(/^[a-z0-9]{1,10}$/, { message: "fields.invalid" }),
}).strict();
export type Unit = z.infer<typeof unitParams>;

export const quotaInput = z.object({ quota: z.number({ message: "fields.integer" }).int({ message: "fields.integer" }).min(0).max(10_000).nullable() }).strict();

/** A member added by the delegation's officer: the unit is the officer's (organisers name it). */
export const memberInput = memberRegistrationInput.omit({ provinceCode: true, ministryCode: true, website: true }).extend({ unit: unitParams.optional() });

export type DelegationView = { kind: Unit["kind"]; code: string; name: string; quota: number | null; used: number; left: number | null; members: RegistrationView[] };

export function unitOf(me: UserActor, asked: Unit | undefined): Unit {
  if (me.role === "province_officer") {
    if (!me.provinceCode) throw new ForbiddenError("auth.forbidden_unit");
    return { kind: "province", code: me.provinceCode };
  }
  if (me.role === "ministry_officer") {
    if (!me.ministryCode) throw new ForbiddenError("auth.forbidden_unit");
    return { kind: "ministry", code: me.ministryCode };
  }
  if (!asked) throw new ValidationError([{ path: "unit", message: "fields.required" }]);
  return asked;
}

export async function checkUnit(db: DbOrTx, unit: Unit, locale: "vi" | "en" = "vi"): Promise<string> {
  const names = await loadUnitNames(db);
  const name = delegationName(names, unit.kind === "province" ? { provinceCode: unit.code, agencyCode: null } : { provinceCode: null, agencyCode: unit.code }, locale);
  if (!name) throw new ValidationError([{ path: "unit.code", message: unit.kind === "province" ? `fields.unknownProvince|code=${unit.code}` : `fields.unknownMinistry|code=${unit.code}` }]);
  return name;
}

export const unitColumn = (unit: Unit) => (unit.kind === "province" ? eq(registrations.provinceCode, unit.code) : eq(registrations.agencyCode, unit.code));

/**
 * Who a member without a personal email is, for spotting the same person twice: unit, name
 * (without diacritics or case) and phone — nothing else identifies them (the email index cannot).
 */
export function personKey(p: { provinceCode?: string | null; agencyCode?: string | null; familyName: string; givenName: string; phone: string }): string {
  return `${p.provinceCode ?? ""}|${p.agencyCode ?? ""}|${searchKey(`${p.familyName} ${p.givenName}`)}|${p.phone}`;
}

/** The alive members without a personal email of these units, by personKey. */
export async function membersWithoutEmail(db: DbOrTx, eventId: number, units: { provinces: string[]; agencies: string[] }): Promise<Set<string>> {
  if (units.provinces.length === 0 && units.agencies.length === 0) return new Set();
  const rows = await db.select({ provinceCode: registrations.provinceCode, agencyCode: registrations.agencyCode, familyName: registrations.familyName, givenName: registrations.givenName, phone: registrations.phone })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), isNull(registrations.email), inArray(registrations.status, ["pending", "confirmed", "waitlisted"]),
      or(units.provinces.length ? inArray(registrations.provinceCode, units.provinces) : undefined, units.agencies.length ? inArray(registrations.agencyCode, units.agencies) : undefined)));
  return new Set(rows.map(personKey));
}

/** Places the delegation holds: its confirmed and pending members in categories registered through the portal. */
async function placesUsed(db: DbOrTx, eventId: number, unit: Unit): Promise<number> {
  const [row] = await db.select({ n: count() }).from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
    .where(and(eq(registrations.eventId, eventId), unitColumn(unit), inArray(registrations.status, ["confirmed", "pending"]), eq(delegateCategories.registrationMode, "portal")));
  return Number(row?.n ?? 0);
}

/** The delegation's quota and the places it holds (null: no quota); `lock` takes the quota row's lock for the caller's transaction. */
export async function delegationPlaces(db: DbOrTx, eventId: number, unit: Unit, lock = false): Promise<{ quota: number; used: number } | null> {
  const q = db.select().from(delegationQuotas).where(and(eq(delegationQuotas.eventId, eventId), eq(delegationQuotas.unitKind, unit.kind), eq(delegationQuotas.unitCode, unit.code)));
  const [row] = lock ? await q.for("update") : await q;
  return row ? { quota: row.quota, used: await placesUsed(db, eventId, unit) } : null;
}

/** Organisers set (or, with null, remove) a delegation's quota. Audited. */
export async function setDelegationQuota(ctx: Ctx, unit: Unit, input: z.input<typeof quotaInput>): Promise<{ quota: number | null; used: number }> {
  requirePermission(ctx, "registrations.manage");
  const u = parseInput(unitParams, unit);
  const { quota } = parseInput(quotaInput, input);
  const event = await currentEvent(ctx.db);
  await checkUnit(ctx.db, u);
  const key = and(eq(delegationQuotas.eventId, event.id), eq(delegationQuotas.unitKind, u.kind), eq(delegationQuotas.unitCode, u.code));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(delegationQuotas).where(key).for("update");
    if (quota === null) await tx.delete(delegationQuotas).where(key);
    else await tx.insert(delegationQuotas).values({ eventId: event.id, unitKind: u.kind, unitCode: u.code, quota, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: [delegationQuotas.eventId, delegationQuotas.unitKind, delegationQuotas.unitCode], set: { quota, updatedAt: ctx.now } });
    await recordAudit(tx, ctx, {
      eventId: event.id, action: "delegation.quota_set", entityType: "delegation", entityId: `${u.kind}:${u.code}`,
      provinceCode: u.kind === "province" ? u.code : null, ministryCode: u.kind === "ministry" ? u.code : null, before: { quota: before?.quota ?? null }, after: { quota },
    });
  });
  return { quota, used: await placesUsed(ctx.db, event.id, u) };
}

/** The delegation (its members with status, the quota and what is left): officers see their own unit only. */
export async function getDelegation(ctx: Ctx, unit?: Unit): Promise<DelegationView> {
  const me = requireAnyPermission(ctx, ["registrations.read", "registrations.unit"]);
  const u = unitOf(me, unit ? parseInput(unitParams, unit) : undefined);
  const event = await currentEvent(ctx.db);
  const name = await checkUnit(ctx.db, u, ctx.locale);
  const [q] = await ctx.db.select().from(delegationQuotas).where(and(eq(delegationQuotas.eventId, event.id), eq(delegationQuotas.unitKind, u.kind), eq(delegationQuotas.unitCode, u.code)));
  const rows = await ctx.db.select({ r: registrations, c: delegateCategories }).from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
    .where(and(eq(registrations.eventId, event.id), unitColumn(u))).orderBy(sql`${registrations.sortKey} collate "C"`, asc(registrations.id));
  const used = await placesUsed(ctx.db, event.id, u);
  return {
    kind: u.kind, code: u.code, name, quota: q?.quota ?? null, used, left: q ? Math.max(0, q.quota - used) : null,
    members: await Promise.all(rows.map((x) => toView(ctx.db, x.r, x.c, ctx.locale))),
  };
}

/**
 * A province or ministry officer adds a member to their delegation (organisers may for any unit):
 * a portal category of the unit's kind, within the quota. The quota row is locked while the place
 * is counted and taken, so 20 officers adding at once against 5 places left get exactly 5.
 */
export async function addDelegationMember(ctx: Ctx, input: z.input<typeof memberInput>): Promise<RegistrationView> {
  const me = requireAnyPermission(ctx, ["registrations.manage", "registrations.unit"]);
  const raw = parseInput(memberInput, input);
  const unit = unitOf(me, raw.unit);
  await checkUnit(ctx.db, unit);
  const { unit: _asked, ...person } = input;
  const data = parseInput(memberRegistrationInput, {
    ...person, provinceCode: unit.kind === "province" ? unit.code : null, ministryCode: unit.kind === "ministry" ? unit.code : null,
  });
  const event = await currentEvent(ctx.db);
  const category = await categoryByCode(ctx.db, event.id, data.categoryCode);
  if (category.registrationMode !== "portal" || category.portalUnitKind !== unit.kind) throw new ValidationError([{ path: "categoryCode", message: "delegations.category_not_portal" }]);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [quota] = await tx.select().from(delegationQuotas)
        .where(and(eq(delegationQuotas.eventId, event.id), eq(delegationQuotas.unitKind, unit.kind), eq(delegationQuotas.unitCode, unit.code))).for("update");
      if (quota && (await placesUsed(tx, event.id, unit)) >= quota.quota) throw new ConflictError("delegations.quota_full", { quota: quota.quota });
      // Without an email the unique index cannot catch the same person added twice: name and phone do.
      if (!data.email) {
        const key = personKey({ provinceCode: data.provinceCode, agencyCode: data.ministryCode, familyName: data.familyName, givenName: data.givenName, phone: data.phone });
        const units = unit.kind === "province" ? { provinces: [unit.code], agencies: [] } : { provinces: [], agencies: [unit.code] };
        if ((await membersWithoutEmail(tx, event.id, units)).has(key)) throw new ConflictError("delegations.duplicate_person");
      }
      return insertRegistration(tx, ctx, data, category, event, "portal");
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("registrations.duplicate_email");
    throw e;
  }
}
