import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { auditLog, delegateCategories, provinces, registrations } from "@/db/schema";
import { requireAnyPermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { currentEvent } from "./common";
import { assertInScope, load, READ, registrationFilter } from "./manage";
import { REGISTRATION_STATUSES, type RegistrationStatus } from "@/db/schema/registration";

export type HistoryEntry = { at: string; action: string; actor: string; before: unknown; after: unknown };

/** What happened to a registration, newest first (from the audit log), for staff who may see it. */
export async function registrationHistory(ctx: Ctx, id: number): Promise<HistoryEntry[]> {
  const me = requireAnyPermission(ctx, [...READ]);
  await assertInScope(ctx, me, (await load(ctx.db, id)).r);
  const rows = await ctx.db.select({ at: auditLog.at, action: auditLog.action, actor: auditLog.actorLabel, before: auditLog.before, after: auditLog.after }).from(auditLog)
    .where(and(eq(auditLog.entityType, "registration"), eq(auditLog.entityId, String(id)))).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(100);
  return rows.map((r) => ({ at: r.at.toISOString(), action: r.action, actor: r.actor, before: r.before, after: r.after }));
}

export type RegistrationStats = {
  total: number;
  byStatus: { status: RegistrationStatus; count: number }[];
  byCategory: { code: string; name: string; colour: string; count: number; confirmed: number }[];
  byProvince: { code: string; name: string; count: number; confirmed: number }[];
};

/** The console's overview: registrations by status, category and province (officers: their unit). */
export async function registrationStats(ctx: Ctx): Promise<RegistrationStats> {
  const me = requireAnyPermission(ctx, [...READ]);
  const event = await currentEvent(ctx.db);
  const cond = registrationFilter(me, event.id, {});
  const confirmed = sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')::int`;
  const [byStatus, byCategory, byProvince] = await Promise.all([
    ctx.db.select({ status: registrations.status, count: sql<number>`count(*)::int` }).from(registrations)
      .innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId)).where(cond).groupBy(registrations.status),
    ctx.db.select({ code: delegateCategories.code, vi: delegateCategories.nameVi, en: delegateCategories.nameEn, colour: delegateCategories.badgeColour, sort: delegateCategories.sortOrder, count: sql<number>`count(*)::int`, confirmed })
      .from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId)).where(cond)
      .groupBy(delegateCategories.code, delegateCategories.nameVi, delegateCategories.nameEn, delegateCategories.badgeColour, delegateCategories.sortOrder).orderBy(delegateCategories.sortOrder),
    ctx.db.select({ code: provinces.code, name: provinces.name, count: sql<number>`count(*)::int`, confirmed })
      .from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId)).innerJoin(provinces, eq(provinces.code, registrations.provinceCode))
      .where(and(cond, inArray(registrations.status, [...REGISTRATION_STATUSES]))).groupBy(provinces.code, provinces.name).orderBy(desc(sql`count(*)`), provinces.code),
  ]);
  const counts = new Map(byStatus.map((s) => [s.status, Number(s.count)]));
  return {
    total: byStatus.reduce((n, s) => n + Number(s.count), 0),
    byStatus: REGISTRATION_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    byCategory: byCategory.map((c) => ({ code: c.code, name: ctx.locale === "en" ? c.en : c.vi, colour: c.colour, count: Number(c.count), confirmed: Number(c.confirmed) })),
    byProvince: byProvince.map((p) => ({ code: p.code, name: p.name, count: Number(p.count), confirmed: Number(p.confirmed) })),
  };
}
