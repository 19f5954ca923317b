import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { csvStream, localTime, xlsxStream } from "@/lib/export/tabular";
import { currentEvent, delegationName, fullName, honorificLabel, loadUnitNames } from "@/lib/registration/common";

export const attendanceQuery = z.object({ format: z.enum(["json", "csv", "xlsx"], { message: "fields.choice" }).default("json") }).strict();

export const attendancePerson = z.object({
  id: z.number().int(), name: z.string(), position: z.string(), organisation: z.string(), category: z.string(),
  arrivedAt: z.string().nullable(), checkpoints: z.array(z.string()),
});
export const attendanceDelegation = z.object({
  delegation: z.string(), unitCode: z.string().nullable(), kind: z.enum(["province", "ministry"]).nullable(),
  registered: z.number().int(), arrived: z.number().int(), people: z.array(attendancePerson),
});
export type AttendanceDelegation = z.infer<typeof attendanceDelegation>;
type Person = z.infer<typeof attendancePerson> & { unitCode: string | null; kind: "province" | "ministry" | null; delegation: string };

const PAGE = 500;

/**
 * Confirmed delegates in delegation order (provinces by code, then ministries, then the rest), read
 * in pages by keyset so an export of any size streams in constant memory.
 */
async function* people(db: DbOrTx, eventId: number, locale: "vi" | "en"): AsyncGenerator<Person[]> {
  const names = await loadUnitNames(db);
  const none = locale === "en" ? "No delegation" : "Không thuộc đoàn";
  let after: { k: string; id: number } | null = null;
  for (;;) {
    const res: unknown = await db.execute(sql`
      select * from (
        select r.id, r.honorific, r.family_name, r.given_name, r.position, r.organisation, r.province_code, r.agency_code,
          c.name_vi, c.name_en,
          case when r.province_code is not null then '1' || r.province_code when r.agency_code is not null then '2' || r.agency_code else '3' end
            || '|' || r.sort_key as k,
          (select min(p.first_at) from checkin_presence p where p.registration_id = r.id) as arrived_at,
          (select string_agg(cp.code, ',' order by cp.sort_order) from checkin_presence p join checkpoints cp on cp.id = p.checkpoint_id where p.registration_id = r.id) as cps
        from registrations r join delegate_categories c on c.id = r.category_id
        where r.event_id = ${eventId} and r.status = 'confirmed'
      ) x
      ${after ? sql`where (x.k collate "C", x.id) > (${after.k} collate "C", ${after.id})` : sql``}
      order by x.k collate "C", x.id limit ${PAGE}`);
    const batch = (res as { rows: Record<string, unknown>[] }).rows;
    if (batch.length === 0) return;
    yield batch.map((r) => {
      const unit = { provinceCode: (r.province_code as string | null) ?? null, agencyCode: (r.agency_code as string | null) ?? null };
      return {
        id: Number(r.id), name: `${honorificLabel(r.honorific as "ong" | "ba", locale)} ${fullName({ familyName: String(r.family_name), givenName: String(r.given_name) })}`,
        position: String(r.position), organisation: String(r.organisation), category: String(locale === "en" ? r.name_en : r.name_vi),
        arrivedAt: r.arrived_at ? new Date(r.arrived_at as string | Date).toISOString() : null, checkpoints: r.cps ? String(r.cps).split(",") : [],
        unitCode: unit.provinceCode ?? unit.agencyCode, kind: unit.provinceCode ? "province" : unit.agencyCode ? "ministry" : null,
        delegation: delegationName(names, unit, locale) ?? none,
      };
    });
    const last = batch[batch.length - 1]!;
    after = { k: String(last.k), id: Number(last.id) };
    if (batch.length < PAGE) return;
  }
}

/** Who of each delegation came (for the organisers' settlement with provinces and ministries). */
export async function attendanceByDelegation(ctx: Ctx): Promise<{ items: AttendanceDelegation[] }> {
  requirePermission(ctx, "checkin.dashboard");
  const event = await currentEvent(ctx.db);
  const items: AttendanceDelegation[] = [];
  for await (const batch of people(ctx.db, event.id, ctx.locale)) {
    for (const p of batch) {
      let d = items[items.length - 1];
      if (!d || d.delegation !== p.delegation) items.push((d = { delegation: p.delegation, unitCode: p.unitCode, kind: p.kind, registered: 0, arrived: 0, people: [] }));
      d.registered += 1;
      if (p.arrivedAt) d.arrived += 1;
      d.people.push({ id: p.id, name: p.name, position: p.position, organisation: p.organisation, category: p.category, arrivedAt: p.arrivedAt, checkpoints: p.checkpoints });
    }
  }
  return { items };
}

const HEADERS = {
  vi: ["Đoàn", "Mã đơn vị", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", "Loại đại biểu", "Đã đến", "Giờ đến đầu tiên", "Điểm đã vào"],
  en: ["Delegation", "Unit code", "Name", "Position", "Organisation", "Category", "Arrived", "First arrival", "Checkpoints entered"],
};
const WIDTHS = [28, 10, 28, 28, 32, 24, 9, 18, 28];

function rowOf(p: Person, locale: "vi" | "en"): string[] {
  const yes = locale === "en" ? ["Yes", "No"] : ["Có", "Chưa"];
  return [p.delegation, p.unitCode ?? "", p.name, p.position, p.organisation, p.category, p.arrivedAt ? yes[0]! : yes[1]!, localTime(p.arrivedAt, locale), p.checkpoints.join(", ")];
}

async function* rowPages(ctx: Ctx, eventId: number): AsyncGenerator<string[][]> {
  for await (const batch of people(ctx.db, eventId, ctx.locale)) yield batch.map((p) => rowOf(p, ctx.locale));
}

/** CSV in UTF-8 with a BOM (Excel opens Vietnamese correctly), streamed page by page. */
export async function attendanceCsv(ctx: Ctx): Promise<ReadableStream<Uint8Array>> {
  requirePermission(ctx, "checkin.dashboard");
  const event = await currentEvent(ctx.db);
  return csvStream(HEADERS[ctx.locale], rowPages(ctx, event.id));
}

/** XLSX written by exceljs's streaming writer, row by row as pages arrive. */
export async function attendanceXlsx(ctx: Ctx): Promise<ReadableStream<Uint8Array>> {
  requirePermission(ctx, "checkin.dashboard");
  const event = await currentEvent(ctx.db);
  return xlsxStream(ctx.locale === "en" ? "Attendance" : "Điểm danh", HEADERS[ctx.locale], WIDTHS, rowPages(ctx, event.id));
}
