import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { agencies, delegateCategories, delegationContacts, delegationQuotas, provinces, registrations, REGISTRATION_STATUSES, type RegistrationStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { can, requireAnyPermission, requirePermission, unitScope } from "@/lib/auth/require";
import { ForbiddenError } from "@/lib/errors";
import type { Ctx } from "@/lib/context";
import { csvStream, phoneForSheet, xlsxStream } from "@/lib/export/tabular";
import { compareVi } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation";
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
  return loadDelegations(ctx, event.id);
}

async function loadDelegations(ctx: Ctx, eventId: number): Promise<DelegationRow[]> {
  const event = { id: eventId };
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

export type DelegationSummary = DelegationRow & {
  /** Every member of the unit by status, in any category. */
  statuses: Record<RegistrationStatus, number>;
  contact: { name: string; email: string; position: string | null; phone: string } | null;
};

/**
 * GET /api/v1/delegations: every delegation with its quota, places, members by status and contact
 * (organisers, registrations.read); a province or ministry officer gets their own unit's row only.
 */
export async function delegationSummaries(ctx: Ctx): Promise<DelegationSummary[]> {
  const me = requireAnyPermission(ctx, ["registrations.read", "registrations.unit"]);
  const event = await currentEvent(ctx.db);
  const scope = unitScope(me);
  // An officer's role without a unit sees nothing (never everything).
  if (!scope && !can(me, "registrations.read")) throw new ForbiddenError("auth.forbidden_unit");
  const own = scope ? ("provinceCode" in scope ? { kind: "province", code: scope.provinceCode } : { kind: "ministry", code: scope.ministryCode }) : null;
  const rows = (await loadDelegations(ctx, event.id)).filter((r) => !own || (r.kind === own.kind && r.code === own.code));
  const [byStatus, contacts] = await Promise.all([
    ctx.db.select({ province: registrations.provinceCode, agency: registrations.agencyCode, status: registrations.status, n: count() }).from(registrations)
      .where(and(eq(registrations.eventId, event.id), own ? (own.kind === "province" ? eq(registrations.provinceCode, own.code) : eq(registrations.agencyCode, own.code)) : sql`(${registrations.provinceCode} is not null or ${registrations.agencyCode} is not null)`))
      .groupBy(registrations.provinceCode, registrations.agencyCode, registrations.status),
    ctx.db.select().from(delegationContacts).where(eq(delegationContacts.eventId, event.id)),
  ]);
  const key = (kind: string, code: string) => `${kind}:${code}`;
  const counts = new Map<string, Record<RegistrationStatus, number>>();
  for (const r of byStatus) {
    const k = r.province ? key("province", r.province) : key("ministry", r.agency!);
    const c = counts.get(k) ?? (Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>);
    c[r.status] += Number(r.n);
    counts.set(k, c);
  }
  const contactOf = new Map(contacts.map((c) => [key(c.unitKind, c.unitCode), { name: c.name, email: c.email, position: c.position, phone: c.phone }]));
  return rows.map((r) => ({
    ...r,
    statuses: counts.get(key(r.kind, r.code)) ?? (Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>),
    contact: contactOf.get(key(r.kind, r.code)) ?? null,
  }));
}

export const exportDelegationsQuery = z.object({ format: z.enum(["csv", "xlsx"], { message: "fields.choice" }).default("csv") }).strict();

const HEADERS = {
  vi: ["Loại đoàn", "Mã", "Đoàn", "Hạn mức", "Đã dùng", "Còn lại", "Đã xác nhận", "Chờ duyệt", "Danh sách chờ", "Đã huỷ", "Từ chối", "Người liên hệ", "Chức vụ", "Email người liên hệ", "Điện thoại người liên hệ"],
  en: ["Kind", "Code", "Delegation", "Quota", "Used", "Left", "Confirmed", "Pending", "Waiting list", "Cancelled", "Rejected", "Contact person", "Position", "Contact email", "Contact phone"],
};
const WIDTHS = [10, 8, 34, 9, 9, 9, 11, 10, 12, 9, 9, 26, 26, 30, 16];
const KIND = { vi: { province: "Tỉnh, thành phố", ministry: "Bộ, ngành" }, en: { province: "Province", ministry: "Ministry" } };

/**
 * GET /api/v1/delegations/export: the delegations (quota, places, members by status, contact) as
 * CSV (UTF-8 with BOM) or XLSX, streamed; officers get their own unit's row. Audited (contacts are personal data).
 */
export async function exportDelegations(ctx: Ctx, input: z.input<typeof exportDelegationsQuery>): Promise<{ format: "csv" | "xlsx"; stream: ReadableStream<Uint8Array> }> {
  const me = requireAnyPermission(ctx, ["registrations.read", "registrations.unit"]);
  const q = parseInput(exportDelegationsQuery, input);
  const rows = await delegationSummaries(ctx);
  const event = await currentEvent(ctx.db);
  await recordAudit(ctx.db, ctx, { eventId: event.id, action: "delegations.exported", entityType: "delegation", provinceCode: me.provinceCode, ministryCode: me.ministryCode, after: { format: q.format, rows: rows.length } });
  const locale = ctx.locale;
  const n = (v: number | null) => (v === null ? "" : String(v));
  async function* pages() {
    yield rows.map((r) => [
      KIND[locale][r.kind], r.code, r.name, n(r.quota), n(r.used), n(r.left),
      n(r.statuses.confirmed), n(r.statuses.pending), n(r.statuses.waitlisted), n(r.statuses.cancelled), n(r.statuses.rejected),
      r.contact?.name ?? "", r.contact?.position ?? "", r.contact?.email ?? "", r.contact ? phoneForSheet(r.contact.phone) : "",
    ]);
  }
  return {
    format: q.format,
    stream: q.format === "xlsx" ? xlsxStream(locale === "en" ? "Delegations" : "Đoàn đại biểu", HEADERS[locale], WIDTHS, pages()) : csvStream(HEADERS[locale], pages()),
  };
}
