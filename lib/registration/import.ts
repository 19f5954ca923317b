import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import iconv from "iconv-lite";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditLog, delegateCategories, registrations } from "@/db/schema";
import { auditValues, recordAudit } from "@/lib/audit/record";
import { UNIT_ROLES } from "@/lib/auth/permissions";
import { requireAnyPermission } from "@/lib/auth/require";
import type { Ctx, UserActor } from "@/lib/context";
import { ConflictError, isUniqueViolation, ValidationError } from "@/lib/errors";
import { translateKey } from "@/lib/http/problem";
import { csvStream, xlsxStream } from "@/lib/export/tabular";
import { parseInput } from "@/lib/validation";
import { queueEmails } from "@/lib/mail/outbox";
import { nameSortKey } from "@/lib/text/sort-key";
import { searchKey } from "@/lib/text/normalize";
import { checkAnswers, currentEvent, delegationName, emailKindFor, fullName, loadUnitNames, statusEmailInput, type CategoryRow, type EventRow } from "./common";
import { delegationPlaces, membersWithoutEmail, personKey } from "./delegation";
import { insertRegistration } from "./register";
import { memberRegistrationInput } from "./schemas";

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The template's fixed columns (Vietnamese headers, as officers fill them in), then one column per question key. */
const COLUMNS = [
  ["categoryCode", "Mã loại đại biểu"], ["honorific", "Danh xưng (Ông/Bà)"], ["familyName", "Họ đệm"], ["givenName", "Tên"], ["position", "Chức vụ"],
  ["organisation", "Cơ quan, đơn vị"], ["email", "Email"], ["phone", "Điện thoại di động"], ["provinceCode", "Mã tỉnh"], ["ministryCode", "Mã bộ, ngành"], ["notes", "Ghi chú"],
] as const;
type Column = (typeof COLUMNS)[number][0];

export type ImportEncoding = "utf-8" | "windows-1258" | "tcvn3" | "xlsx";
export type ImportRowProblem = { row: number; field: string; message: string };
export type ImportReport = {
  dryRun: boolean; encoding: ImportEncoding; rows: number; valid: number; imported: number; errors: ImportRowProblem[];
  /** Set when the file itself could not be read (encoding, format, size). */
  fileError?: string;
};

export const importOptions = z.object({ dryRun: z.boolean().default(true) }).strict();

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const COMMON = new Set(["nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương", "lý", "thị", "văn", "hữu", "đức", "ông", "bà",
  "tỉnh", "thành", "phố", "đoàn", "sở", "bộ", "phó", "giám", "đốc", "chủ", "tịch", "trưởng", "phòng", "ban", "cơ", "quan", "đơn", "vị", "chức", "vụ", "họ", "đệm", "tên",
  "điện", "thoại", "nông", "nghiệp", "phát", "triển", "hợp", "tác", "xã", "công", "ty", "và", "của", "hội", "nghị", "đại", "biểu", "loại", "mã", "ghi", "chú", "trung", "ương"]);

/**
 * How Vietnamese a decoded text reads: words of the language's commonest syllables count most;
 * a word with two tone marks (impossible in Vietnamese, typical of a wrong code page) counts against.
 */
function vietnameseScore(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  let score = 0;
  for (const w of words) {
    const tones = w.normalize("NFD").match(TONES)?.length ?? 0;
    if (tones > 1) score -= 3;
    else if (COMMON.has(w)) score += 3;
    else if (tones === 1) score += 1;
  }
  const junk = text.match(/[\u0000-\u0008\u000e-\u001f\u0080-\u009f\ufffd]/g)?.length ?? 0;
  return (score - junk * 5) / words.length;
}

/**
 * Reads a CSV's bytes: UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise the
 * legacy Vietnamese encodings still found in provincial offices — Windows-1258 (combining tone
 * marks, normalised to NFC here) and TCVN3 (TCVN 5712, the .Vn fonts) — whichever decodes into
 * text that reads as Vietnamese. Neither: refused with a message saying how to save the file.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Exclude<ImportEncoding, "xlsx"> } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    return { text: text.normalize("NFC"), encoding: "utf-8" };
  } catch {
    // not UTF-8: try the legacy encodings
  }
  const buf = Buffer.from(bytes);
  const candidates = [
    { encoding: "windows-1258" as const, text: iconv.decode(buf, "windows1258").normalize("NFC") },
    { encoding: "tcvn3" as const, text: iconv.decode(buf, "tcvn").normalize("NFC") },
  ].map((c) => ({ ...c, score: vietnameseScore(c.text) })).sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.score <= 0.02) throw new ValidationError([{ path: "file", message: "imports.encoding" }], "imports.encoding");
  return { text: best.text, encoding: best.encoding };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("result" in v) return String(v.result ?? "");
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}

/** Header + rows as strings from a CSV or XLSX upload. */
export async function readTable(name: string, bytes: Uint8Array): Promise<{ encoding: ImportEncoding; header: string[]; rows: string[][] }> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ValidationError([{ path: "file", message: "imports.too_large" }], "imports.too_large");
  const isXlsx = /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  if (isXlsx) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      throw new ValidationError([{ path: "file", message: "imports.unreadable" }], "imports.unreadable");
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new ValidationError([{ path: "file", message: "imports.empty" }], "imports.empty");
    const all: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++) values.push(cellText(row.getCell(c).value).normalize("NFC").trim());
      all.push(values);
    });
    return { encoding: "xlsx", header: all[0] ?? [], rows: all.slice(1) };
  }
  const { text, encoding } = decodeCsv(bytes);
  let records: string[][];
  try {
    const delimiter = (text.split("\n", 1)[0]!.match(/;/g)?.length ?? 0) > (text.split("\n", 1)[0]!.match(/,/g)?.length ?? 0) ? ";" : ",";
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch {
    throw new ValidationError([{ path: "file", message: "imports.unreadable" }], "imports.unreadable");
  }
  return { encoding, header: records[0] ?? [], rows: records.slice(1) };
}

/** Header cell → field: the template's Vietnamese header, the field name itself, or a question key. */
function mapHeader(header: string[], questionKeys: Set<string>): (Column | `q:${string}` | null)[] {
  const byLabel = new Map<string, Column>(COLUMNS.flatMap(([k, label]) => [[label.toLowerCase(), k], [k.toLowerCase(), k]] as [string, Column][]));
  return header.map((h) => {
    const key = h.trim().toLowerCase();
    const col = byLabel.get(key);
    if (col) return col;
    const q = h.trim().replace(/^\?/, "");
    return questionKeys.has(q) ? (`q:${q}` as const) : null;
  });
}

function answerValue(raw: string): string | boolean {
  const v = raw.trim().toLowerCase();
  if (["có", "co", "yes", "x", "true", "1"].includes(v)) return true;
  if (["không", "khong", "no", "false", "0"].includes(v)) return false;
  return raw.trim();
}

/**
 * Bulk import (POST /api/v1/registrations/import): the whole file is checked first — every field of
 * every row with the registration form's rules, the category (a province or ministry officer: only
 * their unit's portal categories, their unit forced), emails repeated in the file or already
 * registered, the delegation's quota — and then imported in ONE transaction: any invalid row
 * means nothing is imported, and the report names every problem by row and field in the reader's
 * language. `dryRun` only checks.
 */
export async function importRegistrations(
  ctx: Ctx, file: { name: string; bytes: Uint8Array }, options: z.input<typeof importOptions>, onProgress?: (p: ImportProgress) => void,
): Promise<ImportReport> {
  const me = requireAnyPermission(ctx, ["registrations.manage", "registrations.unit"]);
  const { dryRun } = parseInput(importOptions, options);
  const event = await currentEvent(ctx.db);
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(file.name, file.bytes);
  } catch (e) {
    if (e instanceof ValidationError) return { dryRun, encoding: "utf-8", rows: 0, valid: 0, imported: 0, errors: [], fileError: translateKey(e.code, ctx.locale) };
    throw e;
  }
  if (table.rows.length > MAX_IMPORT_ROWS) return { dryRun, encoding: table.encoding, rows: table.rows.length, valid: 0, imported: 0, errors: [], fileError: translateKey(`imports.too_many|max=${MAX_IMPORT_ROWS}`, ctx.locale) };
  const categories = await ctx.db.select().from(delegateCategories).where(eq(delegateCategories.eventId, event.id));
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const questionKeys = new Set(categories.flatMap((c) => c.questions.map((q) => q.key)));
  const fields = mapHeader(table.header, questionKeys);
  const errors: ImportRowProblem[] = [];
  const problem = (row: number, field: string, message: string) => errors.push({ row, field, message: translateKey(message, ctx.locale) });
  if (!fields.includes("email") || !fields.includes("familyName") || !fields.includes("givenName")) {
    return { dryRun, encoding: table.encoding, rows: table.rows.length, valid: 0, imported: 0, errors: [], fileError: translateKey("imports.header", ctx.locale) };
  }
  const unit = unitOf(me);
  const parsed: { row: number; data: ReturnType<typeof memberRegistrationInput.parse>; category: CategoryRow }[] = [];
  const seen = new Map<string, number>();
  const seenPeople = new Map<string, number>();
  const total = table.rows.length;
  onProgress?.({ phase: "check", done: 0, total });
  for (let i = 0; i < total; i++) {
    if (onProgress && i > 0 && i % PROGRESS_EVERY === 0) {
      onProgress({ phase: "check", done: i, total });
      // Let the progress line go out before the next slice (the check is synchronous).
      await new Promise<void>((r) => setImmediate(r));
    }
    checkRow(table.rows[i]!, i);
  }
  onProgress?.({ phase: "check", done: total, total });
  function checkRow(cells: string[], i: number): void {
    const row = i + 2; // spreadsheet row number (the header is row 1)
    // Required fields start empty, so a missing column reads "required" like an empty cell.
    const raw: Record<string, unknown> = {
      categoryCode: "", honorific: "", familyName: "", givenName: "", position: "", organisation: "", email: "", phone: "",
      answers: {} as Record<string, string | boolean>, consent: true,
    };
    fields.forEach((f, c) => {
      const v = (cells[c] ?? "").trim();
      if (!f || v === "") return;
      if (f.startsWith("q:")) (raw.answers as Record<string, string | boolean>)[f.slice(2)] = answerValue(v);
      else raw[f] = v;
    });
    if (unit) {
      raw.provinceCode = unit.kind === "province" ? unit.code : null;
      raw.ministryCode = unit.kind === "ministry" ? unit.code : null;
    }
    const r = memberRegistrationInput.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) problem(row, issue.path.join(".") || "row", issue.message);
      return;
    }
    const category = byCode.get(r.data.categoryCode);
    if (!category) return void problem(row, "categoryCode", "fields.choice");
    if (unit && (category.registrationMode !== "portal" || category.portalUnitKind !== unit.kind)) return void problem(row, "categoryCode", "delegations.category_not_portal");
    try {
      checkAnswers(category, r.data.answers, true);
    } catch (e) {
      if (e instanceof ValidationError) for (const fe of e.errors) problem(row, fe.path, fe.message);
      else throw e;
      return;
    }
    // Only a delegation member may have no personal email (the delegation's contact gets the badge).
    const email = r.data.email;
    if (!email) {
      if (!r.data.provinceCode && !r.data.ministryCode) return void problem(row, "email", "fields.required");
      const key = personKey({ provinceCode: r.data.provinceCode, agencyCode: r.data.ministryCode, familyName: r.data.familyName, givenName: r.data.givenName, phone: r.data.phone });
      const first = seenPeople.get(key);
      if (first) return void problem(row, "givenName", `imports.duplicate_person_in_file|row=${first}`);
      seenPeople.set(key, row);
    } else {
      const first = seen.get(email);
      if (first) return void problem(row, "email", `imports.duplicate_in_file|row=${first}`);
      seen.set(email, row);
    }
    parsed.push({ row, data: r.data, category });
  }
  // Emails already registered for the event (alive registrations).
  const emails = parsed.flatMap((p) => p.data.email ?? []);
  for (let i = 0; i < emails.length; i += 1000) {
    const taken = await ctx.db.select({ email: registrations.email }).from(registrations)
      .where(and(eq(registrations.eventId, event.id), inArray(registrations.email, emails.slice(i, i + 1000)), inArray(registrations.status, ["pending", "confirmed", "waitlisted"])));
    for (const t of taken) problem(seen.get(t.email!)!, "email", "registrations.duplicate_email");
  }
  // Members without email already registered (the same unit, name and phone): a file imported twice.
  if (seenPeople.size > 0) {
    const noEmail = parsed.filter((p) => !p.data.email);
    const existing = await membersWithoutEmail(ctx.db, event.id, {
      provinces: [...new Set(noEmail.flatMap((p) => p.data.provinceCode ?? []))], agencies: [...new Set(noEmail.flatMap((p) => p.data.ministryCode ?? []))],
    });
    for (const [key, row] of seenPeople) if (existing.has(key)) problem(row, "givenName", "delegations.duplicate_person");
  }
  errors.sort((a, b) => a.row - b.row);
  const report: ImportReport = { dryRun, encoding: table.encoding, rows: table.rows.length, valid: table.rows.length - new Set(errors.map((e) => e.row)).size, imported: 0, errors };
  // The delegation's quota: the places it holds plus the rows of the file.
  const quotaLeft = async (db: DbOrTx, lock: boolean) => {
    if (!unit) return null;
    const d = await delegationPlaces(db, event.id, unit, lock);
    return d ? d.quota - d.used : null;
  };
  const left = await quotaLeft(ctx.db, false);
  if (left !== null && parsed.length > left) report.fileError = translateKey(`imports.quota|left=${Math.max(0, left)}|rows=${parsed.length}`, ctx.locale);
  if (errors.length > 0 || report.fileError || dryRun || table.rows.length === 0) return report;
  try {
    await ctx.db.transaction(async (tx) => {
      const leftNow = await quotaLeft(tx, true);
      if (leftNow !== null && parsed.length > leftNow) throw new ConflictError("delegations.quota_full", { quota: leftNow });
      await insertImported(tx, ctx, parsed, event, onProgress);
      await recordAudit(tx, ctx, { eventId: event.id, action: "registrations.imported", entityType: "registration", provinceCode: me.provinceCode, ministryCode: me.ministryCode, after: { rows: parsed.length, file: file.name, encoding: table.encoding } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("registrations.duplicate_email");
    throw e;
  }
  return { ...report, imported: parsed.length };
}

/** How far an import has got: the rows checked, then the rows written (the report follows). */
export type ImportProgress = { phase: "check" | "import"; done: number; total: number };
const PROGRESS_EVERY = 250;

const CHUNK = 500;

/**
 * Writes the checked rows in the caller's transaction. Categories without a capacity (the usual
 * case) go in bulk, 500 rows a statement — the registrations, their audit rows, their emails —
 * under the category's share lock like a single registration; a category with a capacity takes the
 * one-by-one path that counts places under its exclusive lock (and waitlists beyond them).
 */
async function insertImported(
  tx: DbOrTx, ctx: Ctx, parsed: { data: ReturnType<typeof memberRegistrationInput.parse>; category: CategoryRow }[], event: EventRow, onProgress?: (p: ImportProgress) => void,
): Promise<void> {
  const categoryIds = [...new Set(parsed.map((p) => p.category.id))];
  const locked = await tx.select({ id: delegateCategories.id, capacity: delegateCategories.capacity, requiresApproval: delegateCategories.requiresApproval })
    .from(delegateCategories).where(inArray(delegateCategories.id, categoryIds)).orderBy(delegateCategories.id).for("share");
  const current = new Map(locked.map((c) => [c.id, c]));
  const bulk = parsed.filter((p) => current.get(p.category.id)?.capacity === null);
  const total = parsed.length;
  let done = 0;
  onProgress?.({ phase: "import", done, total });
  for (const p of parsed.filter((x) => current.get(x.category.id)?.capacity !== null)) {
    await insertRegistration(tx, ctx, p.data, p.category, event, "import");
    if (++done % 50 === 0) onProgress?.({ phase: "import", done, total });
  }
  const names = await loadUnitNames(tx);
  for (let i = 0; i < bulk.length; i += CHUNK) {
    const chunk = bulk.slice(i, i + CHUNK);
    const rows = await tx.insert(registrations).values(chunk.map(({ data, category }) => {
      const status = current.get(category.id)!.requiresApproval ? "pending" as const : "confirmed" as const;
      return {
        eventId: event.id, categoryId: category.id, status, source: "import" as const, honorific: data.honorific, familyName: data.familyName, givenName: data.givenName,
        position: data.position, organisation: data.organisation, provinceCode: data.provinceCode ?? null, agencyCode: data.ministryCode ?? null,
        email: data.email, phone: data.phone, notes: data.notes || null, answers: checkAnswers(category, data.answers, true), locale: data.locale ?? ctx.locale, consentAt: ctx.now,
        searchKey: searchKey(`${data.familyName} ${data.givenName} ${data.email ?? ""} ${data.phone} ${data.organisation}`), sortKey: nameSortKey(data.givenName, data.familyName),
        confirmedAt: status === "confirmed" ? ctx.now : null, createdAt: ctx.now, updatedAt: ctx.now,
      };
    })).returning();
    const categoryOf = new Map(chunk.map((p) => [p.category.id, p.category]));
    await tx.insert(auditLog).values(rows.map((r) => auditValues(ctx, {
      eventId: event.id, action: "registration.created", entityType: "registration", entityId: r.id, provinceCode: r.provinceCode, ministryCode: r.agencyCode,
      after: { id: r.id, status: r.status, categoryCode: categoryOf.get(r.categoryId)!.code, fullName: fullName(r), email: r.email, delegation: delegationName(names, r, ctx.locale), source: "import" },
    })));
    await queueEmails(tx, rows.flatMap((r) => statusEmailInput(r, categoryOf.get(r.categoryId)!, event, emailKindFor(r.status)) ?? []));
    done += chunk.length;
    onProgress?.({ phase: "import", done, total });
  }
}

function unitOf(me: UserActor): { kind: "province" | "ministry"; code: string } | null {
  const kind = UNIT_ROLES[me.role];
  if (!kind) return null;
  const code = kind === "province" ? me.provinceCode : me.ministryCode;
  if (!code) throw new ValidationError([{ path: "unit", message: "auth.forbidden_unit" }]);
  return { kind, code };
}

/** The import template: the fixed columns and one per question of the chosen (or every) category, with one example row. */
export async function importTemplate(ctx: Ctx, input: { format: "csv" | "xlsx"; category?: string }): Promise<ReadableStream<Uint8Array>> {
  requireAnyPermission(ctx, ["registrations.manage", "registrations.unit"]);
  const event = await currentEvent(ctx.db);
  const cats = await ctx.db.select().from(delegateCategories).where(eq(delegateCategories.eventId, event.id));
  const chosen = input.category ? cats.filter((c) => c.code === input.category) : cats;
  const questions = [...new Map(chosen.flatMap((c) => c.questions.map((q) => [q.key, q] as const))).values()];
  const header = [...COLUMNS.map(([, label]) => label), ...questions.map((q) => q.key)];
  const example = [chosen[0]?.code ?? "so-nnptnt", "Bà", "Nguyễn Thị", "Ánh Tuyết", "Phó Giám đốc Sở", "Sở Nông nghiệp và PTNT", "anhtuyet@example.vn", "0912 345 678", "22", "", "",
    ...questions.map((q) => (q.type === "yesno" ? "Có" : q.type === "choice" ? (q.options?.[0]?.value ?? "") : ""))];
  async function* pages() {
    yield [example];
  }
  return input.format === "xlsx" ? xlsxStream("Mẫu nhập", header, header.map(() => 20), pages()) : csvStream(header, pages());
}

