import { and, asc, count, eq, ilike, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { categoryCheckpoints, checkpoints, delegateCategories, registrations, type RegistrationStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { UNIT_ROLES } from "@/lib/auth/permissions";
import { requireAnyPermission, requirePermission } from "@/lib/auth/require";
import { badgeCodeFor } from "@/lib/badges/badge";
import type { Ctx, UserActor } from "@/lib/context";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { verifyLink } from "@/lib/links/signed";
import { nameSortKey } from "@/lib/text/sort-key";
import { searchKey } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation";
import {
  categoryById, checkAnswers, checkDelegation, currentEvent, lockRegistration, placesTaken, queueStatusEmail, toView,
  type CategoryRow, type EventRow, type RegistrationRow,
} from "./common";
import {
  cancelInput, listRegistrationsQuery, registrationPatch, rejectInput, staffRegistrationPatch,
  type RegistrationPatch, type RegistrationView,
} from "./schemas";

export const READ = ["registrations.read", "registrations.unit"] as const;

/** Unit-scoped actors only touch their own unit's delegates; a refusal is audited. */
export async function assertInScope(ctx: Ctx, me: UserActor, r: RegistrationRow, audit = true): Promise<void> {
  if (!UNIT_ROLES[me.role]) return;
  const mine = (me.provinceCode && r.provinceCode === me.provinceCode) || (me.ministryCode && r.agencyCode === me.ministryCode);
  if (mine) return;
  // Never inside a transaction: the refusal is recorded on its own (PGlite has one connection).
  if (audit) await recordAudit(ctx.db, ctx, { eventId: r.eventId, action: "registration.access_denied", entityType: "registration", entityId: r.id, provinceCode: me.provinceCode, ministryCode: me.ministryCode, after: { targetProvince: r.provinceCode, targetMinistry: r.agencyCode } });
  throw new ForbiddenError("auth.forbidden_unit");
}

export async function load(db: DbOrTx, id: number): Promise<{ r: RegistrationRow; c: CategoryRow }> {
  const [row] = await db.select({ r: registrations, c: delegateCategories }).from(registrations)
    .innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId)).where(eq(registrations.id, id));
  if (!row) throw new NotFoundError("registrations.not_found");
  return row;
}

export type RegistrationFilter = Pick<z.infer<typeof listRegistrationsQuery>, "status" | "province" | "ministry" | "category" | "q" | "checkpoint" | "arrived">;

/**
 * The WHERE of a registrations list or export (join delegate_categories): the event, the unit of a
 * province or ministry officer (always, whatever the filters say), then the filters.
 */
export function registrationFilter(me: UserActor, eventId: number, q: RegistrationFilter): SQL {
  const where: SQL[] = [eq(registrations.eventId, eventId)];
  if (UNIT_ROLES[me.role]) {
    if (me.provinceCode) where.push(eq(registrations.provinceCode, me.provinceCode));
    else if (me.ministryCode) where.push(eq(registrations.agencyCode, me.ministryCode));
    else where.push(sql`false`);
  }
  if (q.status) where.push(eq(registrations.status, q.status));
  if (q.province) where.push(eq(registrations.provinceCode, q.province));
  if (q.ministry) where.push(eq(registrations.agencyCode, q.ministry));
  if (q.category) where.push(eq(delegateCategories.code, q.category));
  if (q.q?.trim()) where.push(ilike(registrations.searchKey, `%${searchKey(q.q).replace(/[%_\\]/g, "\\$&")}%`));
  if (q.checkpoint) {
    where.push(sql`exists (select 1 from ${categoryCheckpoints} cc join ${checkpoints} cp on cp.id = cc.checkpoint_id where cc.category_id = ${registrations.categoryId} and cp.code = ${q.checkpoint})`);
  }
  if (q.arrived) where.push(sql`${sql.raw(q.arrived === "yes" ? "" : "not ")}exists (select 1 from checkin_presence p where p.registration_id = ${registrations.id})`);
  return and(...where)!;
}

export async function listRegistrations(ctx: Ctx, input: Record<string, unknown> = {}): Promise<{ items: RegistrationView[]; total: number; page: number; pageSize: number }> {
  const me = requireAnyPermission(ctx, [...READ]);
  const q = parseInput(listRegistrationsQuery, input);
  const event = await currentEvent(ctx.db);
  const cond = registrationFilter(me, event.id, q);
  const [rows, total] = await Promise.all([
    ctx.db.select({ r: registrations, c: delegateCategories }).from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
      .where(cond).orderBy(sql`${registrations.sortKey} collate "C"`, asc(registrations.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId)).where(cond).then((r) => Number(r[0]?.n ?? 0)),
  ]);
  return { items: await Promise.all(rows.map((x) => toView(ctx.db, x.r, x.c, ctx.locale))), total, page: q.page, pageSize: q.pageSize };
}

export async function getRegistration(ctx: Ctx, id: number): Promise<RegistrationView> {
  const me = requireAnyPermission(ctx, [...READ]);
  const { r, c } = await load(ctx.db, id);
  await assertInScope(ctx, me, r);
  return toView(ctx.db, r, c, ctx.locale);
}

/** Frees places: promotes waitlisted delegates in order while the category has room. Category locked by the caller. */
export async function promoteWaitlisted(tx: DbOrTx, ctx: Ctx, category: CategoryRow, event: EventRow): Promise<number[]> {
  const promoted: number[] = [];
  for (;;) {
    if (category.capacity !== null && (await placesTaken(tx, category.id)) >= category.capacity) break;
    const [next] = await tx.select().from(registrations)
      .where(and(eq(registrations.categoryId, category.id), eq(registrations.status, "waitlisted"))).orderBy(asc(registrations.createdAt), asc(registrations.id)).limit(1).for("update");
    if (!next) break;
    const status: RegistrationStatus = category.requiresApproval ? "pending" : "confirmed";
    const [row] = await tx.update(registrations).set({ status, confirmedAt: status === "confirmed" ? ctx.now : null, updatedAt: ctx.now }).where(eq(registrations.id, next.id)).returning();
    await recordAudit(tx, ctx, { eventId: event.id, action: "registration.promoted", entityType: "registration", entityId: next.id, provinceCode: next.provinceCode, ministryCode: next.agencyCode, before: { status: "waitlisted" }, after: { status } });
    await queueStatusEmail(tx, ctx, row!, category, event, status === "confirmed" ? "promoted" : "received");
    promoted.push(next.id);
    if (category.capacity === null) continue;
  }
  return promoted;
}

type Transition = { to: RegistrationStatus; from: RegistrationStatus[]; action: string; reason?: string | null };

/** A status change under row locks (registration, then its category when places free up). */
async function transition(ctx: Ctx, me: UserActor, id: number, t: Transition): Promise<RegistrationView> {
  const event = await currentEvent(ctx.db);
  await assertInScope(ctx, me, (await load(ctx.db, id)).r);
  return ctx.db.transaction(async (tx) => {
    const peek = await lockRegistration(tx, id, event.id);
    await assertInScope(ctx, me, peek, false);
    const freesPlace = (peek.status === "confirmed" || peek.status === "pending") && (t.to === "cancelled" || t.to === "rejected");
    // The registration is locked first, then (only when a place frees) its category; promotion then locks
    // waitlisted rows, which no place-freeing transition holds, so the lock graph has no cycle.
    const category = await categoryById(tx, peek.categoryId, freesPlace);
    const r = peek;
    if (!t.from.includes(r.status)) throw new ConflictError("registrations.invalid_transition", { from: r.status, to: t.to });
    const [row] = await tx.update(registrations).set({
      status: t.to, updatedAt: ctx.now,
      ...(t.to === "confirmed" ? { confirmedAt: ctx.now } : {}),
      ...(t.to === "cancelled" ? { cancelledAt: ctx.now } : {}),
      ...(t.to === "rejected" ? { rejectionReason: t.reason ?? null } : {}),
    }).where(eq(registrations.id, id)).returning();
    await recordAudit(tx, ctx, { eventId: event.id, action: t.action, entityType: "registration", entityId: id, provinceCode: r.provinceCode, ministryCode: r.agencyCode, before: { status: r.status }, after: { status: t.to, reason: t.reason ?? undefined } });
    await queueStatusEmail(tx, ctx, row!, category, event, t.to === "confirmed" ? "confirmed" : t.to === "rejected" ? "rejected" : "cancelled");
    if (freesPlace) await promoteWaitlisted(tx, ctx, category, event);
    return toView(tx, row!, category, ctx.locale);
  });
}

export async function approveRegistration(ctx: Ctx, id: number): Promise<RegistrationView> {
  const me = requirePermission(ctx, "registrations.manage");
  return transition(ctx, me, id, { to: "confirmed", from: ["pending"], action: "registration.approved" });
}

export async function rejectRegistration(ctx: Ctx, id: number, input: unknown): Promise<RegistrationView> {
  const me = requirePermission(ctx, "registrations.manage");
  const { reason } = parseInput(rejectInput, input);
  return transition(ctx, me, id, { to: "rejected", from: ["pending", "waitlisted", "confirmed"], action: "registration.rejected", reason });
}

export async function cancelRegistration(ctx: Ctx, id: number, input: unknown = {}): Promise<RegistrationView> {
  const me = requireAnyPermission(ctx, ["registrations.manage", "registrations.unit"]);
  const { reason } = parseInput(cancelInput, input ?? {});
  return transition(ctx, me, id, { to: "cancelled", from: ["pending", "confirmed", "waitlisted"], action: "registration.cancelled", reason: reason || null });
}

/** A new serial: the old QR code is refused everywhere from now on. The delegate gets the new badge by email. */
export async function reissueBadge(ctx: Ctx, id: number): Promise<RegistrationView & { code: string }> {
  requirePermission(ctx, "badges.reissue");
  const event = await currentEvent(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRegistration(tx, id, event.id);
    if (r.badgeSerial >= 9999) throw new ConflictError("registrations.invalid_transition", { from: r.status, to: "reissue" });
    const [row] = await tx.update(registrations).set({ badgeSerial: r.badgeSerial + 1, badgeIssuedAt: ctx.now, updatedAt: ctx.now }).where(eq(registrations.id, id)).returning();
    const category = await categoryById(tx, r.categoryId);
    await recordAudit(tx, ctx, { eventId: event.id, action: "badge.reissued", entityType: "registration", entityId: id, provinceCode: r.provinceCode, ministryCode: r.agencyCode, before: { badgeSerial: r.badgeSerial }, after: { badgeSerial: row!.badgeSerial } });
    if (row!.status === "confirmed") await queueStatusEmail(tx, ctx, row!, category, event, "confirmed");
    return { ...(await toView(tx, row!, category, ctx.locale)), code: await badgeCodeFor(tx, row!) };
  });
}

async function applyPatch(ctx: Ctx, id: number, data: ReturnType<typeof staffRegistrationPatch.parse>, check: (r: RegistrationRow, audit: boolean) => Promise<void>): Promise<RegistrationView> {
  const event = await currentEvent(ctx.db);
  await check((await load(ctx.db, id)).r, true);
  if (data.provinceCode !== undefined || data.ministryCode !== undefined) await checkDelegation(ctx.db, data.provinceCode, data.ministryCode);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRegistration(tx, id, event.id);
    await check(r, false);
    const category = await categoryById(tx, r.categoryId);
    const answers = data.answers ? checkAnswers(category, { ...r.answers, ...data.answers }, true) : r.answers;
    const next = {
      honorific: data.honorific ?? r.honorific, familyName: data.familyName ?? r.familyName, givenName: data.givenName ?? r.givenName,
      position: data.position ?? r.position, organisation: data.organisation ?? r.organisation, phone: data.phone ?? r.phone,
      notes: data.notes === undefined ? r.notes : data.notes || null, answers, locale: data.locale ?? r.locale,
      doorNote: data.doorNote === undefined ? r.doorNote : data.doorNote || null,
      protocolRank: data.protocolRank === undefined ? r.protocolRank : data.protocolRank,
      provinceCode: data.provinceCode === undefined ? r.provinceCode : data.provinceCode ?? null,
      agencyCode: data.ministryCode === undefined ? r.agencyCode : data.ministryCode ?? null,
    };
    // A member without a personal email stays in a delegation (the contact receives the badge).
    if (!r.email && !next.provinceCode && !next.agencyCode) throw new ValidationError([{ path: "provinceCode", message: "registrations.unit_needed_without_email" }]);
    const [row] = await tx.update(registrations).set({
      ...next, updatedAt: ctx.now,
      searchKey: searchKey(`${next.familyName} ${next.givenName} ${r.email ?? ""} ${next.phone} ${next.organisation}`),
      sortKey: nameSortKey(next.givenName, next.familyName),
    }).where(eq(registrations.id, id)).returning();
    const before = await toView(tx, r, category, ctx.locale);
    const after = await toView(tx, row!, category, ctx.locale);
    await recordAudit(tx, ctx, { eventId: event.id, action: "registration.updated", entityType: "registration", entityId: id, provinceCode: row!.provinceCode, ministryCode: row!.agencyCode, before, after });
    return after;
  });
}

/** Staff edit (organisers: every field incl. door note and protocol rank; unit officers: their delegates' details). */
export async function updateRegistration(ctx: Ctx, id: number, input: unknown): Promise<RegistrationView> {
  const me = requireAnyPermission(ctx, ["registrations.manage", "registrations.unit"]);
  const manager = me.permissions.has("registrations.manage");
  const data = manager ? parseInput(staffRegistrationPatch, input) : parseInput(registrationPatch, input);
  return applyPatch(ctx, id, data, (r, audit) => assertInScope(ctx, me, r, audit));
}

/** The badge code, for staff who may see the delegate. */
export async function getBadgeCode(ctx: Ctx, id: number): Promise<{ code: string }> {
  const me = requireAnyPermission(ctx, [...READ, "checkin.scan"]);
  const { r } = await load(ctx.db, id);
  await assertInScope(ctx, me, r);
  return { code: await badgeCodeFor(ctx.db, r) };
}

/** Resolves a personal manage link to its registration (no account). */
export async function registrationByManageToken(ctx: Ctx, token: string): Promise<{ view: RegistrationView; row: RegistrationRow; category: CategoryRow; checkpoints: string[] }> {
  const link = verifyLink("manage", token, ctx.now);
  if (!link) throw new UnauthorizedError("links.invalid");
  const { r, c } = await load(ctx.db, link.id);
  if (r.eventId !== link.e) throw new UnauthorizedError("links.invalid");
  // The doors this delegate's category opens (for the calendar entry): the link is the authority.
  const doors = await ctx.db.select({ code: checkpoints.code }).from(categoryCheckpoints)
    .innerJoin(checkpoints, eq(checkpoints.id, categoryCheckpoints.checkpointId)).where(eq(categoryCheckpoints.categoryId, c.id));
  return { view: await toView(ctx.db, r, c, ctx.locale), row: r, category: c, checkpoints: doors.map((d) => d.code) };
}

export async function updateByManageToken(ctx: Ctx, token: string, input: RegistrationPatch): Promise<RegistrationView> {
  const { row } = await registrationByManageToken(ctx, token);
  const data = parseInput(registrationPatch, input);
  return applyPatch({ ...ctx, actor: { kind: "anonymous" } }, row.id, data, async () => undefined);
}

export async function cancelByManageToken(ctx: Ctx, token: string): Promise<RegistrationView> {
  const { row } = await registrationByManageToken(ctx, token);
  const system = { ...ctx, actor: { kind: "system" as const, reason: "manage link" } };
  return transition(system, requireAnyPermission(system, ["registrations.manage"]), row.id, { to: "cancelled", from: ["pending", "confirmed", "waitlisted"], action: "registration.cancelled_by_delegate" });
}

/** The badge code for the holder of a manage or badge link. */
export async function badgeCodeByLink(ctx: Ctx, token: string): Promise<{ code: string; registration: RegistrationView; category: CategoryRow }> {
  const link = verifyLink("badge", token, ctx.now) ?? verifyLink("manage", token, ctx.now);
  if (!link) throw new UnauthorizedError("links.invalid");
  const { r, c } = await load(ctx.db, link.id);
  if (r.eventId !== link.e) throw new UnauthorizedError("links.invalid");
  return { code: await badgeCodeFor(ctx.db, r), registration: await toView(ctx.db, r, c, ctx.locale), category: c };
}

