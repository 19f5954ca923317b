import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, registrations } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import type { UserActor } from "@/lib/context";
import { ForbiddenError } from "@/lib/errors";
import { getDelegation, setDelegationQuota } from "@/lib/registration/delegation";
import { decodeCsv, importRegistrations, importTemplate } from "@/lib/registration/import";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../helpers/databases";

process.env.AUTH_SECRET ??= "import-test-secret-".padEnd(48, "x");

/** Names are letters only: i written with letters. */
const word = (i: number): string => (i < 26 ? "" : word(Math.floor(i / 26) - 1)) + "abcdeghiklmnopqrstuvxyđăâê"[i % 26];
const HEADER = "Mã loại đại biểu,Danh xưng (Ông/Bà),Họ đệm,Tên,Chức vụ,Cơ quan, đơn vị,Email,Điện thoại di động,Mã tỉnh,needs_hotel";
const line = (i: number, over: Partial<Record<"category" | "email" | "given" | "province", string>> = {}) =>
  `${over.category ?? "so-nnptnt"},Bà,Nguyễn Thị,${over.given ?? `Ánh Tuyết ${word(i)}`},Phó Giám đốc Sở,"Sở Nông nghiệp và PTNT",${over.email ?? `nhap-${i}@example.vn`},0912 345 678,${over.province ?? "22"},Có`;
const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${HEADER.replace("Cơ quan, đơn vị", '"Cơ quan, đơn vị"')}\n${lines.join("\n")}\n`);

/** Windows-1258 writes the tone marks as combining characters after the (possibly modified) vowel. */
function toCp1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const split = [...text.normalize("NFC")].map((ch) => {
    const nfd = ch.normalize("NFD");
    const marks = nfd.match(tones)?.join("") ?? "";
    return nfd.replace(tones, "").normalize("NFC") + marks;
  }).join("");
  return iconv.encode(split, "windows1258");
}

describe.each(DRIVERS)("bulk import on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  const organiser = () => ctxFor(t.db, as.organiser);
  beforeAll(async () => {
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("checks first (dry run), then imports the whole file in one go", async () => {
    const file = { name: "doan.csv", bytes: csv([line(1), line(2)]) };
    const dry = await importRegistrations(organiser(), file, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, encoding: "utf-8", rows: 2, valid: 2, imported: 0, errors: [] });
    expect(await t.db.select().from(registrations).where(eq(registrations.email, "nhap-1@example.vn"))).toHaveLength(0);
    const done = await importRegistrations(organiser(), file, { dryRun: false });
    expect(done).toMatchObject({ imported: 2, errors: [] });
    const [row] = await t.db.select().from(registrations).where(eq(registrations.email, "nhap-1@example.vn"));
    expect(row).toMatchObject({ familyName: "Nguyễn Thị", givenName: "Ánh Tuyết b", phone: "0912345678", provinceCode: "22", source: "import", status: "confirmed", answers: { needs_hotel: true } });
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "nhap-1@example.vn"))).toHaveLength(1);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, "registration.created"), eq(auditLog.entityId, String(row!.id))))).toHaveLength(1);
    const again = await importRegistrations(organiser(), file, { dryRun: false });
    expect(again.imported).toBe(0);
    expect(again.errors.map((e) => [e.row, e.field])).toEqual([[2, "email"], [3, "email"]]);
  });

  it("imports nothing when one row of a thousand is wrong, and says why in Vietnamese by row and field", async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => line(100 + i, i === 499 ? { email: "khong-phai-email" } : i === 700 ? { category: "khong-co" } : i === 800 ? { email: "nhap-150@example.vn" } : {}));
    const report = await importRegistrations(organiser(), { name: "lon.csv", bytes: csv(lines) }, { dryRun: false });
    expect(report).toMatchObject({ rows: 1000, valid: 997, imported: 0 });
    expect(report.errors).toEqual([
      { row: 501, field: "email", message: "Địa chỉ email không hợp lệ." },
      { row: 702, field: "categoryCode", message: "Hãy chọn một giá trị trong danh sách." },
      { row: 802, field: "email", message: "Email này đã có ở dòng 52 của tệp." },
    ]);
    expect(await t.db.select().from(registrations).where(eq(registrations.email, "nhap-100@example.vn"))).toHaveLength(0);
  });

  it("reads legacy encodings (Windows-1258, TCVN3) and refuses what it cannot read", () => {
    const text = `${HEADER}\n${line(1, { given: "Ánh Tuyết" })}\nĐoàn tỉnh Thừa Thiên Huế, Bà Rịa - Vũng Tàu, Nguyễn Thị Hồng Nhung, Trần Văn Đức\n`;
    const cp = decodeCsv(toCp1258(text));
    expect(cp.encoding).toBe("windows-1258");
    expect(cp.text).toBe(text.normalize("NFC"));
    const tcvnBytes = iconv.encode(text, "tcvn");
    expect(iconv.decode(tcvnBytes, "tcvn")).toBe(text); // the encoder round-trips these names
    const tc = decodeCsv(tcvnBytes);
    expect(tc.encoding).toBe("tcvn3");
    expect(tc.text).toBe(text);
    expect(decodeCsv(new TextEncoder().encode(text)).encoding).toBe("utf-8");
    expect(() => decodeCsv(Uint8Array.from({ length: 400 }, (_, i) => (i * 97 + 13) % 256))).toThrow();
  });

  it("reads XLSX, and keeps a province officer to their unit, their portal categories and their quota", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đoàn");
    ws.addRow(HEADER.split(",").slice(0, 5).concat(["Cơ quan, đơn vị", "Email", "Điện thoại di động", "Mã tỉnh", "needs_hotel"]));
    ws.addRow(["so-nnptnt", "Ông", "Lê Văn", "Hùng", "Chánh Văn phòng", "VPĐP NTM", "xlsx-1@example.vn", "0987654321", "49", "không"]);
    ws.addRow(["bo-nganh", "Bà", "Phạm Thị", "Mai", "Chuyên viên", "Bộ Công Thương", "xlsx-2@example.vn", "0987654322", "", "có"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const officer = ctxFor(t.db, as.province_officer);
    const r = await importRegistrations(officer, { name: "doan.xlsx", bytes }, { dryRun: true });
    expect(r).toMatchObject({ encoding: "xlsx", rows: 2, valid: 1 });
    expect(r.errors).toEqual([{ row: 3, field: "categoryCode", message: "Loại đại biểu này không đăng ký qua cổng của đơn vị Quý vị." }]);
    const one = new Uint8Array(await (async () => {
      const w = new ExcelJS.Workbook();
      const s = w.addWorksheet("Đoàn");
      s.addRow(["Mã loại đại biểu", "Danh xưng (Ông/Bà)", "Họ đệm", "Tên", "Chức vụ", "Cơ quan, đơn vị", "Email", "Điện thoại di động", "needs_hotel"]);
      s.addRow(["so-nnptnt", "Ông", "Lê Văn", "Hùng", "Chánh Văn phòng", "VPĐP NTM", "xlsx-3@example.vn", "0987654321", "không"]);
      s.addRow(["so-nnptnt", "Bà", "Lê Thị", "Hoa", "Chuyên viên", "VPĐP NTM", "xlsx-4@example.vn", "0987654323", "có"]);
      return w.xlsx.writeBuffer();
    })());
    const used = (await getDelegation(officer)).used;
    await setDelegationQuota(organiser(), { kind: "province", code: "22" }, { quota: used + 1 });
    const over = await importRegistrations(officer, { name: "doan.xlsx", bytes: one }, { dryRun: false });
    expect(over).toMatchObject({ imported: 0, fileError: "Đoàn chỉ còn 1 suất, tệp có 2 đại biểu." });
    await setDelegationQuota(organiser(), { kind: "province", code: "22" }, { quota: null });
    const ok = await importRegistrations(officer, { name: "doan.xlsx", bytes: one }, { dryRun: false });
    expect(ok.imported).toBe(2);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.email, "xlsx-3@example.vn"));
    expect(row!.provinceCode).toBe("22"); // the officer's unit, not a column
    await expect(importRegistrations(ctxFor(t.db, as.checkin_staff), { name: "x.csv", bytes: one }, { dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await importRegistrations(organiser(), { name: "x.csv", bytes: new TextEncoder().encode("a,b\n1,2\n") }, { dryRun: true });
    expect(bad.fileError).toContain("Dòng tiêu đề không đúng mẫu");
  });

  it("names a missing column's field as required on every row", async () => {
    const bytes = new TextEncoder().encode("Mã loại đại biểu,Danh xưng (Ông/Bà),Họ đệm,Tên,Email,Điện thoại di động,Mã tỉnh,needs_hotel\nso-nnptnt,Bà,Lê Thị,Hoa,thieu-cot@example.vn,0912345678,22,có\n");
    const r = await importRegistrations(organiser(), { name: "thieu.csv", bytes }, { dryRun: true });
    expect(r.errors).toEqual([
      { row: 2, field: "position", message: "Trường này là bắt buộc." },
      { row: 2, field: "organisation", message: "Trường này là bắt buộc." },
    ]);
  });

  it("offers a template with the category's questions", async () => {
    const text = Buffer.from(await new Response(await importTemplate(organiser(), { format: "csv", category: "bao-chi" })).arrayBuffer()).toString("utf8");
    expect(text.split("\r\n")[0]).toContain("press_card");
    expect(text.split("\r\n")[0]).toContain("Họ đệm");
  });
});
