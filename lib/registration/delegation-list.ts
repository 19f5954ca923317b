import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { agencies, delegateCategories, delegationContacts, delegationQuotas, provinces, registrations } from "@/db/schema";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { compareVi } from "@/lib/text/normalize";
import { currentEvent } from "./common";

export type DelegationRow = {
  kind: "province" | "ministry"; code: string; name: string; quota: number | null; used: number; left: number | null;
  contact: { name: string; email: string } | null;
};

/**
 * Every province's and ministry's delegation with its quota, the places it holds (confirmed and
 * pending members in portal categories, as delegationPlaces counts them), what is left and its
 * contact person — one grouped query per kind (registrations.read). Provinces in Vietnamese
 * alphabetical order, ministries in their protocol order.
 */
export async function listDelegations(ctx: Ctx): Promise<DelegationRow[]> {
  requirePermission(ctx, "registrations.read");
  const event = await currentEvent(ctx.db);
  const held = and(eq(registrations.eventId, event.id), inArray(registrations.status, ["confirmed", "pending"]), eq(delegateCategories.registrationMode, "portal"));
  const usedBy = (column: typeof registrations.provinceCode | typeof registrations.agencyCode, alias: string) =>
    ctx.db.select({ code: sql<string>`${column}`.as(`${alias}_code`), n: sql<number>`count(*)::int`.as(`${alias}_n`) }).from(registrations)
      .innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
      .where(held).groupBy(column).as(alias);
  const quotaOf = (kind: "province" | "ministry", code: typeof provinces.code | typeof agencies.code) =>
    and(eq(delegationQuotas.eventId, event.id), eq(delegationQuotas.unitKind, kind), eq(delegationQuotas.unitCode, code));
  const contactOf = (kind: "province" | "ministry", code: typeof provinces.code | typeof agencies.code) =>
    and(eq(delegationContacts.eventId, event.id), eq(delegationContacts.unitKind, kind), eq(delegationContacts.unitCode, code));

  const pUsed = usedBy(registrations.provinceCode, "p_used");
  const aUsed = usedBy(registrations.agencyCode, "a_used");
  const [pRows, aRows] = await Promise.all([
    ctx.db.select({ code: provinces.code, name: provinces.name, quota: delegationQuotas.quota, used: pUsed.n, cName: delegationContacts.name, cEmail: delegationContacts.email })
      .from(provinces).leftJoin(delegationQuotas, quotaOf("province", provinces.code)).leftJoin(pUsed, eq(pUsed.code, provinces.code))
      .leftJoin(delegationContacts, contactOf("province", provinces.code)),
    ctx.db.select({ code: agencies.code, name: ctx.locale === "en" ? agencies.nameEn : agencies.nameVi, quota: delegationQuotas.quota, used: aUsed.n, cName: delegationContacts.name, cEmail: delegationContacts.email })
      .from(agencies).leftJoin(delegationQuotas, quotaOf("ministry", agencies.code)).leftJoin(aUsed, eq(aUsed.code, agencies.code))
      .leftJoin(delegationContacts, contactOf("ministry", agencies.code)).orderBy(asc(agencies.sortOrder), asc(agencies.code)),
  ]);
  const row = (kind: "province" | "ministry") => (r: (typeof pRows)[number]): DelegationRow => {
    const n = Number(r.used ?? 0);
    return {
      kind, code: r.code, name: r.name, quota: r.quota ?? null, used: n, left: r.quota === null ? null : Math.max(0, r.quota - n),
      contact: r.cName && r.cEmail ? { name: r.cName, email: r.cEmail } : null,
    };
  };
  return [...pRows.map(row("province")).sort((a, b) => compareVi(a.name, b.name)), ...aRows.map(row("ministry"))];
}
