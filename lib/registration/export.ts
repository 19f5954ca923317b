import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { delegateCategories, registrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { requireAnyPermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { csvStream, localTime, phoneForSheet, xlsxStream } from "@/lib/export/tabular";
import { parseInput } from "@/lib/validation";
import { currentEvent, delegationName, honorificLabel, loadUnitNames } from "./common";
import { READ, registrationFilter, type RegistrationFilter } from "./manage";
import { listRegistrationsQuery } from "./schemas";

export const exportRegistrationsQuery = listRegistrationsQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"], { message: "fields.choice" }).default("csv"),
}).strict();

const STATUS = {
  vi: { pending: "Chờ duyệt", confirmed: "Đã xác nhận", rejected: "Từ chối", waitlisted: "Danh sách chờ", cancelled: "Đã huỷ" },
  en: { pending: "Pending", confirmed: "Confirmed", rejected: "Rejected", waitlisted: "Waiting list", cancelled: "Cancelled" },
};
const HEADERS = {
  vi: ["Mã", "Trạng thái", "Loại đại biểu", "Danh xưng", "Họ đệm", "Tên", "Chức vụ", "Cơ quan, đơn vị", "Đoàn", "Email", "Điện thoại", "Ghi chú", "Trả lời", "Ghi chú tại cửa", "Thứ tự lễ tân", "Nguồn", "Đăng ký lúc"],
  en: ["ID", "Status", "Category", "Honorific", "Family and middle names", "Given name", "Position", "Organisation", "Delegation", "Email", "Phone", "Notes", "Answers", "Door note", "Protocol rank", "Source", "Registered at"],
};
const WIDTHS = [8, 14, 26, 9, 18, 14, 28, 32, 28, 30, 15, 24, 30, 24, 9, 10, 17];
const PAGE = 500;

/** The filtered registrations in Vietnamese name order, page by page (keyset on sort key and id). */
async function* pages(db: DbOrTx, cond: ReturnType<typeof registrationFilter>, locale: "vi" | "en"): AsyncGenerator<string[][]> {
  const names = await loadUnitNames(db);
  let after: { k: string; id: number } | null = null;
  const page = (from: { k: string; id: number } | null) => db.select({ r: registrations, c: { nameVi: delegateCategories.nameVi, nameEn: delegateCategories.nameEn } }).from(registrations)
      .innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
      // A row-value comparison on the indexed order (registrations_sort_c_idx): each page is an index range.
      .where(from ? and(cond, sql`(${registrations.sortKey} collate "C", ${registrations.id}) > (${from.k} collate "C", ${from.id}::integer)`) : cond)
      .orderBy(sql`${registrations.sortKey} collate "C"`, asc(registrations.id)).limit(PAGE);
  for (;;) {
    const rows = await page(after);
    if (rows.length === 0) return;
    yield rows.map(({ r, c }) => [
      String(r.id), STATUS[locale][r.status], locale === "en" ? c.nameEn : c.nameVi, honorificLabel(r.honorific, locale), r.familyName, r.givenName,
      r.position, r.organisation, delegationName(names, r, locale) ?? "", r.email ?? "", phoneForSheet(r.phone), r.notes ?? "",
      Object.entries(r.answers).map(([k, v]) => `${k}: ${v === true ? (locale === "en" ? "yes" : "có") : v === false ? (locale === "en" ? "no" : "không") : v}`).join("; "),
      r.doorNote ?? "", r.protocolRank === null ? "" : String(r.protocolRank), r.source, localTime(r.createdAt, locale),
    ]);
    const last = rows[rows.length - 1]!.r;
    after = { k: last.sortKey, id: last.id };
    if (rows.length < PAGE) return;
  }
}

/**
 * GET /api/v1/registrations/export: the filtered registrations as CSV (UTF-8 with BOM) or XLSX,
 * streamed; a province or ministry officer only ever gets their own unit. Audited (personal data).
 */
export async function exportRegistrations(ctx: Ctx, input: z.input<typeof exportRegistrationsQuery>): Promise<{ format: "csv" | "xlsx"; stream: ReadableStream<Uint8Array> }> {
  const me = requireAnyPermission(ctx, [...READ]);
  const q = parseInput(exportRegistrationsQuery, input);
  const event = await currentEvent(ctx.db);
  const filter: RegistrationFilter = { status: q.status, province: q.province, ministry: q.ministry, category: q.category, q: q.q, checkpoint: q.checkpoint, arrived: q.arrived };
  await recordAudit(ctx.db, ctx, { eventId: event.id, action: "registrations.exported", entityType: "registration", provinceCode: me.provinceCode, ministryCode: me.ministryCode, after: { ...filter, format: q.format } });
  const rows = pages(ctx.db, registrationFilter(me, event.id, filter), ctx.locale);
  return {
    format: q.format,
    stream: q.format === "xlsx" ? xlsxStream(ctx.locale === "en" ? "Registrations" : "Đại biểu", HEADERS[ctx.locale], WIDTHS, rows) : csvStream(HEADERS[ctx.locale], rows),
  };
}
