import crypto from "node:crypto";
import ExcelJS from "exceljs";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, checkinPresence, checkinScans, registrations } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { badgeCodeFor } from "@/lib/badges/badge";
import { encodeBadgeCode, privateKeyFromPkcs8, generateBadgeKeyPair } from "@/lib/badges/code";
import { clearEventKeyCache } from "@/lib/badges/keys";
import {
  attendanceByDelegation, attendanceCsv, attendanceXlsx, checkinStats, checkinStream, listCheckpoints, listScans, manualCheckin, redeemBadge,
  registerWalkIn, searchForCheckin, undoScan, updateCheckpoint, type ScanAnswer,
} from "@/lib/checkin";
import type { UserActor } from "@/lib/context";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { currentEvent } from "@/lib/registration/common";
import { approveRegistration, cancelRegistration, reissueBadge, updateRegistration } from "@/lib/registration/manage";
import { registerDelegate } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schemas";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../helpers/databases";

process.env.AUTH_SECRET ??= "checkin-test-secret-".padEnd(48, "x");

let n = 0;
function delegate(over: Partial<RegistrationInput> = {}): RegistrationInput {
  n++;
  return {
    categoryCode: "chu-the-ocop", honorific: "ong", familyName: "Nguyễn Văn", givenName: `An`, position: "Giám đốc", organisation: "HTX Chè Tân Cương",
    provinceCode: "22", email: `cua-${n}-${crypto.randomBytes(3).toString("hex")}@example.vn`, phone: "0912345678", answers: { needs_hotel: false }, consent: true,
    ...over,
  };
}

describe.each(DRIVERS)("check-in on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  let eventId = 0;
  const staff = () => ctxFor(t.db, as.checkin_staff);
  const supervisor = () => ctxFor(t.db, as.checkin_supervisor);
  const organiser = () => ctxFor(t.db, as.organiser);

  /** A confirmed delegate and the code on the badge. */
  async function badge(over: Partial<RegistrationInput> = {}): Promise<{ id: number; code: string }> {
    const v = await registerDelegate(ctxFor(t.db, { kind: "anonymous" }), delegate(over));
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, v.id));
    return { id: v.id, code: await badgeCodeFor(t.db, row!) };
  }
  const one = async <T>(q: ReturnType<typeof sql>): Promise<T> => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows[0]!;
  const scan = (code: string, checkpoint = "trien-lam", extra: Record<string, unknown> = {}) =>
    redeemBadge(staff(), { code, checkpoint, device: "Cửa 1", ...extra });

  beforeAll(async () => {
    clearEventKeyCache();
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
    eventId = (await currentEvent(t.db)).id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("admits a confirmed delegate once; the next scan is 'already admitted' with when, where and by whom", async () => {
    const b = await badge({ givenName: "Bình" });
    const first = await scan(b.code);
    expect(first).toMatchObject({
      result: "admitted", direction: "in", checkpoint: "trien-lam",
      registration: { id: b.id, name: "Ông Nguyễn Văn Bình", position: "Giám đốc", organisation: "HTX Chè Tân Cương", delegation: "Đoàn tỉnh Quảng Ninh", categoryCode: "chu-the-ocop", colour: expect.stringMatching(/^#[0-9a-f]{6}$/) },
    });
    expect(first.firstCheckin).toBeUndefined();
    const again = await scan(` ${b.code}\n`);
    expect(again.result).toBe("already_admitted");
    expect(again.firstCheckin).toMatchObject({ at: first.scannedAt, checkpoint: "trien-lam", by: as.checkin_staff.name, device: "Cửa 1" });
    const scans = await t.db.select().from(checkinScans).where(eq(checkinScans.registrationId, b.id));
    expect(scans.map((s) => [s.result, s.staffUserId, s.device])).toEqual([["admitted", as.checkin_staff.userId, "Cửa 1"], ["already_admitted", as.checkin_staff.userId, "Cửa 1"]]);
  });

  it("answers a nonce seen before with the original answer and records nothing new", async () => {
    const b = await badge();
    const nonce = crypto.randomUUID();
    const first = await scan(b.code, "trien-lam", { nonce });
    const replays = await Promise.all([scan(b.code, "trien-lam", { nonce }), scan(b.code, "trien-lam", { nonce }), scan("garbage", "trien-lam", { nonce })]);
    for (const r of replays) expect(r).toEqual({ ...first, replayed: true });
    const refusedNonce = crypto.randomUUID();
    const refused = await scan(b.code, "le-ton-vinh", { nonce: refusedNonce });
    expect(await scan(b.code, "le-ton-vinh", { nonce: refusedNonce })).toEqual({ ...refused, replayed: true });
    const { count } = await one<{ count: number }>(sql`select count(*)::int as count from checkin_scans where registration_id = ${b.id}`);
    expect(count).toBe(2);
  });

  it("applies the door's rules: categories, cancelled, pending, re-issued badges, opening windows", async () => {
    const producer = await badge();
    expect(await scan(producer.code, "le-ton-vinh")).toMatchObject({ result: "refused", reason: "not_allowed", registration: { id: producer.id } });
    expect((await scan(producer.code, "hoi-truong")).result).toBe("admitted");

    const cancelled = await badge();
    await cancelRegistration(organiser(), cancelled.id);
    expect(await scan(cancelled.code)).toMatchObject({ result: "refused", reason: "cancelled" });

    const press = await badge({ categoryCode: "bao-chi", answers: { press_card: "NB-01234" } });
    expect(await scan(press.code)).toMatchObject({ result: "refused", reason: "not_confirmed" });
    await approveRegistration(organiser(), press.id);
    expect((await scan(press.code, "le-ton-vinh")).result).toBe("admitted");

    const lost = await badge();
    const reissued = await reissueBadge(supervisor(), lost.id);
    expect(await scan(lost.code)).toMatchObject({ result: "refused", reason: "revoked" });
    expect((await scan(reissued.code)).result).toBe("admitted");

    const past = { opensAt: "2020-12-14T12:00:00+07:00", closesAt: "2020-12-14T14:00:00+07:00" };
    await updateCheckpoint(organiser(), "hoi-truong", { windows: [past] });
    const late = await badge();
    expect(await scan(late.code, "hoi-truong")).toMatchObject({ result: "refused", reason: "closed" });
    expect((await scan(late.code, "hoi-truong", { scannedAt: "2020-12-14T13:00:00+07:00" })).result).toBe("admitted");
    await updateCheckpoint(organiser(), "hoi-truong", { windows: [] });
    expect((await listCheckpoints(staff())).find((c) => c.code === "hoi-truong")).toMatchObject({ windows: [], openNow: true });
  });

  it("records exits; re-entry follows the checkpoint's rule; inside now = entries − exits", async () => {
    const b = await badge();
    expect(await scan(b.code, "trien-lam", { direction: "out" })).toMatchObject({ result: "refused", reason: "not_inside" });
    await scan(b.code);
    const out = await scan(b.code, "trien-lam", { direction: "out" });
    expect(out).toMatchObject({ result: "admitted", direction: "out" });
    expect((await scan(b.code)).result).toBe("admitted"); // re-entry allowed by default
    const [p] = await t.db.select().from(checkinPresence).where(eq(checkinPresence.registrationId, b.id));
    expect(p).toMatchObject({ inside: true, entries: 2, exits: 1 });

    await updateCheckpoint(organiser(), "trien-lam", { allowReentry: false });
    await scan(b.code, "trien-lam", { direction: "out" });
    expect(await scan(b.code)).toMatchObject({ result: "refused", reason: "no_reentry", firstCheckin: { checkpoint: "trien-lam" } });
    await updateCheckpoint(organiser(), "trien-lam", { allowReentry: true });
    const cps = await listCheckpoints(staff());
    const { inside } = await one<{ inside: number }>(sql`select count(*)::int as inside from checkin_presence where checkpoint_id = (select id from checkpoints where code = 'trien-lam') and inside`);
    expect(cps.find((c) => c.code === "trien-lam")!.insideNow).toBe(inside);
  });

  it("answers forged, damaged, foreign and unknown codes with 'invalid' and records them", async () => {
    const b = await badge();
    const other = generateBadgeKeyPair();
    const foreign = encodeBadgeCode({ eventId, badgeId: b.id, serial: 1 }, privateKeyFromPkcs8(other.privateKey));
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, b.id));
    const otherEvent = await badgeCodeFor(t.db, { ...row!, eventId: eventId + 1 }).catch(() => null);
    const unknown = await badgeCodeFor(t.db, { id: 999_999, eventId, badgeSerial: 1 });
    expect(await scan("xin chào")).toMatchObject({ result: "invalid", reason: "format" });
    expect(await scan(foreign)).toMatchObject({ result: "invalid", reason: "signature" });
    if (otherEvent) expect((await scan(otherEvent)).result).toBe("invalid");
    expect(await scan(unknown)).toMatchObject({ result: "invalid", reason: "unknown" });
    expect(await scan(b.code.slice(0, -1) + ((Number(b.code.at(-1)) + 1) % 10))).toMatchObject({ result: "invalid" });
    const recorded = await t.db.select().from(checkinScans).where(and(eq(checkinScans.eventId, eventId), eq(checkinScans.result, "invalid")));
    expect(recorded.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses malformed requests and callers without the permission before anything else", async () => {
    const b = await badge();
    await expect(redeemBadge(ctxFor(t.db, as.province_officer), { code: b.code, checkpoint: "trien-lam" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(redeemBadge(staff(), { code: b.code, checkpoint: "cua-sau" })).rejects.toBeInstanceOf(ValidationError);
    await expect(redeemBadge(staff(), { code: b.code, checkpoint: "trien-lam", direction: "sideways" as never })).rejects.toBeInstanceOf(ValidationError);
    await expect(redeemBadge(staff(), { code: b.code, checkpoint: "trien-lam", scannedAt: new Date(Date.now() + 3600_000).toISOString() })).rejects.toBeInstanceOf(ValidationError);
    await expect(redeemBadge(staff(), { code: b.code, checkpoint: "trien-lam", nonce: "<script>" })).rejects.toBeInstanceOf(ValidationError);
    await expect(manualCheckin(staff(), { registrationId: b.id, checkpoint: "trien-lam" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(undoScan(staff(), 1)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(checkinStats(staff())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCheckpoint(supervisor(), "trien-lam", { allowReentry: false })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCheckpoint(organiser(), "trien-lam", { windows: [{ opensAt: "2020-12-14T14:00:00+07:00", closesAt: "2020-12-14T12:00:00+07:00" }] }))
      .rejects.toMatchObject({ errors: [{ path: "windows.0.closesAt", message: "checkin.window_order" }] });
    await expect(updateCheckpoint(organiser(), "trien-lam", { categories: ["khong-co"] })).rejects.toBeInstanceOf(ValidationError);
    await expect(registerWalkIn(staff(), delegate())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lets a supervisor check in by hand and undo a scan (audited); only the latest entry is undone", async () => {
    const b = await badge();
    const manual = await manualCheckin(supervisor(), { registrationId: b.id, checkpoint: "hoi-truong", device: "Bàn hỗ trợ" });
    expect(manual.result).toBe("admitted");
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "checkin.manual"), eq(auditLog.entityId, String(b.id))));
    expect(audits).toHaveLength(1);
    expect((await scan(b.code, "hoi-truong")).result).toBe("already_admitted");
    await expect(undoScan(supervisor(), (await scan(b.code, "hoi-truong")).scanId)).rejects.toBeInstanceOf(ConflictError); // already_admitted: nothing to undo
    expect(await undoScan(supervisor(), manual.scanId)).toMatchObject({ id: manual.scanId });
    await expect(undoScan(supervisor(), manual.scanId)).rejects.toBeInstanceOf(ConflictError);
    expect((await t.db.select().from(checkinPresence).where(eq(checkinPresence.registrationId, b.id)))).toHaveLength(0);
    const again = await scan(b.code, "hoi-truong");
    expect(again.result).toBe("admitted");
    const out = await scan(b.code, "hoi-truong", { direction: "out" });
    await expect(undoScan(supervisor(), again.scanId)).rejects.toMatchObject({ code: "checkin.undo_not_latest" });
    await undoScan(supervisor(), out.scanId);
    expect((await t.db.select().from(checkinPresence).where(eq(checkinPresence.registrationId, b.id)))[0]).toMatchObject({ inside: true, entries: 1, exits: 0 });
    const listed = await listScans(supervisor(), { checkpoint: "hoi-truong", limit: 10 });
    expect(listed.items.find((s) => s.id === manual.scanId)).toMatchObject({ undone: true, method: "manual", registration: { id: b.id } });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, "checkin.undone"))).length).toBe(2);
  });

  it("finds a delegate without a badge by name without diacritics or by phone, showing only the phone's last digits", async () => {
    const b = await badge({ familyName: "Đỗ Thị", givenName: "Ánh Tuyết", phone: "+84 987 654 321" });
    const byName = await searchForCheckin(staff(), { q: "do thi anh tuyet" });
    expect(byName.map((x) => x.id)).toContain(b.id);
    expect(byName.find((x) => x.id === b.id)).toMatchObject({ name: "Ông Đỗ Thị Ánh Tuyết", phoneTail: "321", checkedIn: null });
    expect(JSON.stringify(byName)).not.toContain("@example.vn");
    expect((await searchForCheckin(staff(), { q: "0987 654 321" })).map((x) => x.id)).toEqual([b.id]);
    expect((await searchForCheckin(staff(), { q: "654321" })).map((x) => x.id)).toContain(b.id);
    await scan(b.code);
    expect((await searchForCheckin(staff(), { q: "tuyet", checkpoint: "trien-lam" })).find((x) => x.id === b.id)!.checkedIn).toMatchObject({ checkpoint: "trien-lam", inside: true });
    await expect(searchForCheckin(staff(), { q: "a" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("registers a walk-in at the desk under the category's rules", async () => {
    const ok = await registerWalkIn(supervisor(), delegate());
    expect(ok.registration).toMatchObject({ status: "confirmed", source: "desk" });
    expect(ok.code).toMatch(/^\d{170}$/);
    expect((await scan(ok.code!)).result).toBe("admitted");
    const press = await registerWalkIn(supervisor(), delegate({ categoryCode: "bao-chi", answers: { press_card: "NB-01234" } }));
    expect(press).toMatchObject({ registration: { status: "pending" }, code: null, badgeUrl: null });
    await expect(registerWalkIn(supervisor(), delegate({ categoryCode: "lanh-dao", answers: {} }))).rejects.toBeInstanceOf(ValidationError);
  });

  it("counts the dashboard's figures, lists VIPs present in protocol order, and streams changes", async () => {
    const vipB = await badge({ givenName: "Bảo" });
    const vipA = await badge({ givenName: "Anh" });
    await updateRegistration(organiser(), vipB.id, { protocolRank: 2, doorNote: "VIP — hàng ghế A" });
    await updateRegistration(organiser(), vipA.id, { protocolRank: 1 });
    const stream = await checkinStream(organiser(), { pollMs: 50 });
    const reader = stream.getReader();
    const dec = new TextDecoder();
    const nextStats = async () => {
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        buf += dec.decode(value);
        const m = /event: stats\ndata: (.*)\n\n/.exec(buf);
        if (m) return JSON.parse(m[1]!) as { version: string; vips: { id: number }[] };
      }
    };
    const before = await nextStats();
    expect((await scan(vipB.code, "hoi-truong")).registration!.note).toBe("VIP — hàng ghế A");
    await scan(vipA.code, "hoi-truong");
    let after = await nextStats();
    while (after.vips.length < 2) after = await nextStats();
    expect(after.version).not.toBe(before.version);
    expect(after.vips.map((v) => v.id)).toEqual([vipA.id, vipB.id]);
    await reader.cancel();

    const stats = await checkinStats(organiser());
    const hall = stats.checkpoints.find((c) => c.code === "hoi-truong")!;
    const { admitted } = await one<{ admitted: number }>(sql`select count(*)::int as admitted from checkin_presence where checkpoint_id = (select id from checkpoints where code = 'hoi-truong')`);
    expect(hall.admitted).toBe(admitted);
    expect(stats.timeline.filter((x) => x.checkpoint === "hoi-truong").reduce((s, x) => s + x.count, 0)).toBe(admitted);
    expect(stats.byProvince.find((p) => p.code === "22")!.arrived).toBeGreaterThan(0);
    expect(stats.byCategory.find((c) => c.code === "chu-the-ocop")!.arrived).toBeGreaterThan(0);
    expect(stats.recent.length).toBeGreaterThan(0);
  });

  it("exports attendance per delegation as JSON, CSV with a BOM (formulas neutralised) and XLSX", async () => {
    const b = await badge({ organisation: "=HYPERLINK(\"http://x\")", givenName: "Cường" });
    await scan(b.code);
    const json = await attendanceByDelegation(organiser());
    const qn = json.items.find((d) => d.unitCode === "22")!;
    expect(qn.delegation).toBe("Đoàn tỉnh Quảng Ninh");
    expect(qn.people.find((p) => p.id === b.id)).toMatchObject({ name: "Ông Nguyễn Văn Cường", checkpoints: ["trien-lam"], arrivedAt: expect.any(String) });
    expect(qn.arrived).toBe(qn.people.filter((p) => p.arrivedAt).length);
    const csv = Buffer.from(await new Response(await attendanceCsv(organiser())).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8");
    expect(text).toContain("Ông Nguyễn Văn Cường");
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    const xlsx = Buffer.from(await new Response(await attendanceXlsx(organiser())).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const names = wb.worksheets[0]!.getColumn(3).values.map(String);
    expect(names).toContain("Ông Nguyễn Văn Cường");
    expect(wb.worksheets[0]!.rowCount).toBe(text.trim().split("\r\n").length);
  });

  it("admits exactly once when 100 scanners scan the same badge at the same time", async () => {
    const b = await badge();
    const answers = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => scan(b.code, "hoi-truong", { nonce: `race-${b.id}-${i}` })));
    const rejected = answers.filter((a) => a.status === "rejected");
    expect(rejected.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const results = answers.map((a) => (a as PromiseFulfilledResult<ScanAnswer>).value.result);
    expect(results.filter((r) => r === "admitted")).toHaveLength(1);
    expect(results.filter((r) => r === "already_admitted")).toHaveLength(99);
    const [p] = await t.db.select().from(checkinPresence).where(eq(checkinPresence.registrationId, b.id));
    expect(p).toMatchObject({ entries: 1, exits: 0, inside: true });
    expect((await t.db.select().from(checkinScans).where(eq(checkinScans.registrationId, b.id)))).toHaveLength(100);
  });

  it("admits none of thousands of mutated codes (changed digits, truncation, foreign key, old serial, random)", async () => {
    const count = driver === "postgres" ? 10_000 : 1_000;
    const b = await badge();
    const old = (await badge()).id;
    const [oldRow] = await t.db.select().from(registrations).where(eq(registrations.id, old));
    const oldCode = await badgeCodeFor(t.db, oldRow!);
    await reissueBadge(supervisor(), old);
    const foreignKey = privateKeyFromPkcs8(generateBadgeKeyPair().privateKey);
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const mutation = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 169 }), fc.integer({ min: 1, max: 9 })).map(([i, d]) => b.code.slice(0, i) + ((Number(b.code[i]) + d) % 10) + b.code.slice(i + 1)),
      fc.integer({ min: 0, max: 169 }).map((i) => b.code.slice(0, i)),
      fc.array(digit, { minLength: 1, maxLength: 5 }).map((extra) => b.code + extra.join("")),
      fc.array(digit, { minLength: 170, maxLength: 170 }).map((d) => d.join("")),
      fc.integer({ min: 1, max: 5000 }).map((id) => encodeBadgeCode({ eventId, badgeId: id, serial: 1 }, foreignKey)),
      fc.constant(oldCode),
      fc.string({ maxLength: 300 }),
      fc.tuple(fc.integer({ min: 0, max: 168 })).map(([i]) => b.code.slice(0, i) + b.code[i + 1] + b.code[i] + b.code.slice(i + 2)),
    ).filter((c) => c !== b.code);
    const codes = fc.sample(mutation, { numRuns: count, seed: 2020 });
    const tally: Record<string, number> = {};
    for (let i = 0; i < codes.length; i += 16) {
      const batch = await Promise.all(codes.slice(i, i + 16).map((code) => scan(code, "trien-lam")));
      for (const a of batch) tally[a.result] = (tally[a.result] ?? 0) + 1;
    }
    expect(tally.admitted ?? 0).toBe(0);
    expect(tally.already_admitted ?? 0).toBe(0);
    expect((tally.invalid ?? 0) + (tally.refused ?? 0)).toBe(count);
    expect((await scan(b.code)).result).toBe("admitted");
  });
});
