import { asc, eq } from "drizzle-orm";
import { agencies, provinces } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { compareVi } from "@/lib/text/normalize";

/** A unit a scoped account belongs to: a province (GSO code) or a ministry / central agency. */
export type UnitOption = { code: string; name: string };

/**
 * Public reference data (no permission needed): the 63 provinces, in Vietnamese alphabetical order.
 * Province names are proper names and stay Vietnamese in both languages.
 */
export async function listProvinces(ctx: Ctx): Promise<UnitOption[]> {
  const rows = await ctx.db.select({ code: provinces.code, name: provinces.name }).from(provinces);
  return rows.sort((a, b) => compareVi(a.name, b.name));
}

/** Ministries and central agencies in their official order, named in the reader's language. */
export async function listMinistries(ctx: Ctx): Promise<UnitOption[]> {
  const rows = await ctx.db
    .select({ code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .orderBy(asc(agencies.sortOrder), asc(agencies.code));
  return rows.map((r) => ({ code: r.code, name: ctx.locale === "en" ? r.nameEn : r.nameVi }));
}

/** The display name of a user's unit (province or ministry), or null for roles without one. */
export async function unitName(ctx: Ctx, unit: { provinceCode: string | null; ministryCode: string | null }): Promise<string | null> {
  if (unit.provinceCode) {
    const [row] = await ctx.db.select({ name: provinces.name }).from(provinces).where(eq(provinces.code, unit.provinceCode));
    return row?.name ?? unit.provinceCode;
  }
  if (unit.ministryCode) {
    const [row] = await ctx.db.select({ nameVi: agencies.nameVi, nameEn: agencies.nameEn }).from(agencies).where(eq(agencies.code, unit.ministryCode));
    return row ? (ctx.locale === "en" ? row.nameEn : row.nameVi) : unit.ministryCode;
  }
  return null;
}
