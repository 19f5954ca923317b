import { and, eq, inArray, sql } from "drizzle-orm";
import { delegateCategories, delegationQuotas, provinces, registrations } from "@/db/schema";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { compareVi } from "@/lib/text/normalize";
import { currentEvent } from "./common";

export type DelegationRow = { kind: "province"; code: string; name: string; quota: number | null; used: number; left: number | null };

/**
 * Every province's delegation with its quota, the places it holds (confirmed and pending members in
 * portal categories, as delegationPlaces counts them) and what is left — one grouped query
 * (registrations.read), in Vietnamese alphabetical order.
 */
export async function listDelegations(ctx: Ctx): Promise<DelegationRow[]> {
  requirePermission(ctx, "registrations.read");
  const event = await currentEvent(ctx.db);
  const used = ctx.db.select({ code: registrations.provinceCode, n: sql<number>`count(*)::int`.as("n") }).from(registrations)
    .innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
    .where(and(eq(registrations.eventId, event.id), inArray(registrations.status, ["confirmed", "pending"]), eq(delegateCategories.registrationMode, "portal")))
    .groupBy(registrations.provinceCode).as("used");
  const rows = await ctx.db.select({ code: provinces.code, name: provinces.name, quota: delegationQuotas.quota, used: used.n }).from(provinces)
    .leftJoin(delegationQuotas, and(eq(delegationQuotas.eventId, event.id), eq(delegationQuotas.unitKind, "province"), eq(delegationQuotas.unitCode, provinces.code)))
    .leftJoin(used, eq(used.code, provinces.code));
  return rows
    .map((r) => {
      const n = Number(r.used ?? 0);
      return { kind: "province" as const, code: r.code, name: r.name, quota: r.quota ?? null, used: n, left: r.quota === null ? null : Math.max(0, r.quota - n) };
    })
    .sort((a, b) => compareVi(a.name, b.name));
}
