import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, registrations } from "@/db/schema";
import { searchKey } from "@/lib/text/normalize";
import { nameSortKey } from "@/lib/text/sort-key";
import type { Role } from "@/lib/auth/permissions";
import type { UserActor } from "@/lib/context";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { setDelegationContact } from "@/lib/registration/contact";
import { setDelegationQuota } from "@/lib/registration/delegation";
import { delegationSummaries, exportDelegations } from "@/lib/registration/delegation-list";
import { exportRegistrations } from "@/lib/registration/export";
import { registerDelegate } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schemas";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../helpers/databases";

process.env.AUTH_SECRET ??= "export-test-secret-".padEnd(48, "x");

const text = async (s: ReadableStream<Uint8Array>) => Buffer.from(await new Response(s).arrayBuffer());

describe.each(DRIVERS)("registrations export on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
    const base = { categoryCode: "chu-the-ocop", honorific: "ba", position: "Giám đốc", answers: { needs_hotel: true }, consent: true } as const;
    const person = (i: number) => ({
      ...base, familyName: i % 2 ? "Nguyễn Thị" : "Trần Văn", givenName: `Ánh ${String.fromCharCode(97 + (i % 26))}`, organisation: i === 0 ? "=HYPERLINK(\"x\")" : "HTX Chè",
      provinceCode: i % 3 === 0 ? "49" : "22", email: `xuat-${i}@example.vn`, phone: "0912345678",
    });
    // 603 delegates so the export crosses page boundaries; two units. The first through the
    // registration itself, the rest as the same rows written in bulk (the export is under test).
    const first = await registerDelegate(ctxFor(t.db, { kind: "anonymous" }), person(0) as RegistrationInput);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, first.id));
    const { id: _id, changedXid: _x, ...template } = row!;
    const rest = Array.from({ length: 602 }, (_, k) => {
      const p = person(k + 1);
      return { ...template, familyName: p.familyName, givenName: p.givenName, organisation: p.organisation, provinceCode: p.provinceCode, email: p.email,
        searchKey: searchKey(`${p.familyName} ${p.givenName} ${p.email} ${p.phone} ${p.organisation}`), sortKey: nameSortKey(p.givenName, p.familyName) };
    });
    for (let i = 0; i < rest.length; i += 300) await t.db.insert(registrations).values(rest.slice(i, i + 300));
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("streams every registration as CSV with a BOM, in name order, formulas neutralised, phones as text; audited", async () => {
    const { stream } = await exportRegistrations(ctxFor(t.db, as.organiser), { format: "csv" });
    const csv = await text(stream);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString("utf8").trim().split("\r\n");
    expect(lines).toHaveLength(1 + 603);
    expect(lines[0]).toContain("Họ đệm");
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(603);
    expect(csv.toString("utf8")).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain("0912 345 678");
    expect(lines[1]).toContain("needs_hotel: có");
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, "registrations.exported"))).length).toBeGreaterThan(0);
  });

  it("gives a province officer their own province only, whatever the filter asks", async () => {
    const own = (await text((await exportRegistrations(ctxFor(t.db, as.province_officer), { format: "csv" })).stream)).toString("utf8");
    const rows = own.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(603 - 201);
    expect(rows.every((r) => r.includes("Quảng Ninh"))).toBe(true);
    const other = (await text((await exportRegistrations(ctxFor(t.db, as.province_officer), { format: "csv", province: "49" })).stream)).toString("utf8");
    expect(other.trim().split("\r\n")).toHaveLength(1);
    await expect(exportRegistrations(ctxFor(t.db, as.checkin_staff), { format: "csv" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportRegistrations(ctxFor(t.db, as.organiser), { format: "pdf" as never })).rejects.toBeInstanceOf(ValidationError);
  });

  it("writes the same rows as XLSX, phones as text cells", async () => {
    const buf = await text((await exportRegistrations(ctxFor(t.db, as.organiser), { format: "xlsx", province: "49" })).stream);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1 + 201);
    expect(ws.getRow(2).getCell(11).value).toBe("0912 345 678");
    expect(String(ws.getRow(2).getCell(9).value)).toContain("Quảng Nam");
  });

  it("exports the delegations with quota, members by status and contact (formulas neutralised); an officer gets their own row", async () => {
    const org = ctxFor(t.db, as.organiser);
    await setDelegationQuota(org, { kind: "province", code: "49" }, { quota: 250 });
    await setDelegationContact(org, { name: "=Lê Thị Hoa", position: "Chánh Văn phòng", email: "vp@quangnam.gov.vn", phone: "0905123456" }, { kind: "province", code: "49" });
    const csv = (await text((await exportDelegations(org, { format: "csv" })).stream)).toString("utf8");
    expect(csv.startsWith("\uFEFFLoại đoàn,Mã,Đoàn,Hạn mức")).toBe(true);
    const lines = csv.split("\r\n");
    expect(lines.filter((l) => l.startsWith("\"Tỉnh, thành phố\","))).toHaveLength(63);
    expect(lines.some((l) => l.startsWith("\"Bộ, ngành\",bct,Bộ Công Thương,"))).toBe(true);
    // Quảng Nam: 201 public delegates (not portal places), quota 250, the contact's name neutralised, the phone as text.
    expect(lines.find((l) => l.includes(",49,"))).toBe("\"Tỉnh, thành phố\",49,Quảng Nam,250,0,250,201,0,0,0,0,'=Lê Thị Hoa,Chánh Văn phòng,vp@quangnam.gov.vn,0905 123 456");

    const own = await delegationSummaries(ctxFor(t.db, as.province_officer));
    expect(own.map((r) => `${r.kind}:${r.code}`)).toEqual(["province:22"]);
    expect(own[0]!.statuses.confirmed).toBe(402);
    const ownCsv = (await text((await exportDelegations(ctxFor(t.db, as.province_officer), { format: "csv" })).stream)).toString("utf8");
    expect(ownCsv).not.toContain("Quảng Nam");
    expect(ownCsv.trim().split("\r\n")).toHaveLength(2);
    await expect(exportDelegations(ctxFor(t.db, as.checkin_staff), { format: "csv" })).rejects.toBeInstanceOf(ForbiddenError);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await text((await exportDelegations(org, { format: "xlsx" })).stream)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1 + rowsOf(await delegationSummaries(org)));
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, "delegations.exported"))).length).toBe(3);
  });
});
const rowsOf = (r: unknown[]) => r.length;
