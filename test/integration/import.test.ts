import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, registrations } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import type { UserActor } from "@/lib/context";
import { ForbiddenError } from "@/lib/errors";
import { getDelegation, setDelegationQuota } from "@/lib/registration/delegation";
import { overrideDbForTests } from "@/db/client";
import { decodeCsv, importRegistrations, importTemplate, type ImportProgress } from "@/lib/registration/import";
import { createToken } from "@/lib/tokens/tokens";
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

  it("reports its progress while it checks and imports; a row may go without email only inside a delegation", async () => {
    const lines = Array.from({ length: 600 }, (_, i) => line(3000 + i, i === 10 ? { email: "" } : i === 20 ? { email: "", province: "" } : {}));
    const seen: ImportProgress[] = [];
    const bad = await importRegistrations(organiser(), { name: "tien-do.csv", bytes: csv(lines) }, { dryRun: false }, (p) => seen.push(p));
    expect(bad.errors).toEqual([{ row: 22, field: "email", message: "Trường này là bắt buộc." }]);
    expect(seen.every((p) => p.phase === "check")).toBe(true);
    expect(seen.map((p) => p.done)).toEqual([0, 250, 500, 600]);

    lines[20] = line(3020, { email: "" });
    seen.length = 0;
    const done = await importRegistrations(organiser(), { name: "tien-do.csv", bytes: csv(lines) }, { dryRun: false }, (p) => seen.push(p));
    expect(done).toMatchObject({ imported: 600, errors: [] });
    const importing = seen.filter((p) => p.phase === "import");
    expect(importing.map((p) => p.done)).toEqual([0, 500, 600]);
    expect(importing.every((p) => p.total === 600)).toBe(true);
    const noEmail = await t.db.select().from(registrations).where(and(eq(registrations.source, "import"), isNull(registrations.email)));
    expect(noEmail.map((r) => r.provinceCode)).toEqual(["22", "22"]);
    // The same file again: emails and people without email are all already there; and one person twice in a file.
    const again = await importRegistrations(organiser(), { name: "tien-do.csv", bytes: csv([lines[10]!, lines[20]!, lines[20]!.replace("Có", "Không")]) }, { dryRun: true });
    expect(again.errors).toEqual([
      { row: 2, field: "givenName", message: "Đoàn đã có đại biểu cùng họ tên và số điện thoại (không có email riêng): có thể đây là người đã đăng ký." },
      { row: 3, field: "givenName", message: "Đoàn đã có đại biểu cùng họ tên và số điện thoại (không có email riêng): có thể đây là người đã đăng ký." },
      { row: 4, field: "givenName", message: "Người này (cùng họ tên và số điện thoại, không có email) đã có ở dòng 3 của tệp." },
    ]);
  });

  it.runIf(driver === "postgres")("over HTTP, streams progress lines then the report when asked for NDJSON", async () => {
    overrideDbForTests(t);
    try {
      const { POST } = await import("@/app/api/v1/registrations/import/route");
      const auth = `Bearer ${(await createToken(organiser(), { name: "nhập" })).token}`;
      const send = (accept: string, lines: string[]) => {
        const body = new FormData();
        body.append("file", new File([csv(lines)], "doan.csv", { type: "text/csv" }));
        body.append("dryRun", "true");
        const req = new Request("http://localhost/api/v1/registrations/import", { method: "POST", body, headers: { authorization: auth, accept } });
        return new Request(req, { headers: { authorization: auth, accept, "content-length": "100000", "content-type": req.headers.get("content-type")! } });
      };
      const res = await POST(send("application/x-ndjson", Array.from({ length: 300 }, (_, i) => line(5000 + i))));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
      const out = (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string; done?: number; rows?: number });
      expect(out.map((l) => l.type)).toEqual(["progress", "progress", "progress", "report"]);
      expect(out.slice(0, 3).map((l) => l.done)).toEqual([0, 250, 300]);
      expect(out[3]).toMatchObject({ type: "report", rows: 300, valid: 300, imported: 0 });
      // Without NDJSON: the report as one JSON document, as before.
      const plain = await POST(send("application/json", [line(6000)]));
      expect(await plain.json()).toMatchObject({ rows: 1, valid: 1, dryRun: true });
    } finally {
      overrideDbForTests(null);
    }
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
