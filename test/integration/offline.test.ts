import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkinPresence, checkinScans, registrations } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { badgeCodeFor } from "@/lib/badges/badge";
import { clearEventKeyCache, eventKey } from "@/lib/badges/keys";
import {
  checkinRoster, checkinStats, enrolDevice, listConflicts, listDevices, phoneHash, redeemBadge, revokeDevice, ROSTER_FIELDS, undoScan, uploadOfflineScans,
} from "@/lib/checkin";
import type { UserActor } from "@/lib/context";
import { ForbiddenError, GoneError, ValidationError } from "@/lib/errors";
import { currentEvent } from "@/lib/registration/common";
import { cancelRegistration, reissueBadge } from "@/lib/registration/manage";
import { registerDelegate } from "@/lib/registration/register";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../helpers/databases";

process.env.AUTH_SECRET ??= "offline-test-secret-".padEnd(48, "x");

describe.each(DRIVERS)("offline check-in on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  let eventId = 0;
  const staff = () => ctxFor(t.db, as.checkin_staff);
  const supervisor = () => ctxFor(t.db, as.checkin_supervisor);

  async function badge(given = "An"): Promise<{ id: number; code: string }> {
    const v = await registerDelegate(ctxFor(t.db, { kind: "anonymous" }), {
      categoryCode: "chu-the-ocop", honorific: "ba", familyName: "Trần Thị", givenName: given, position: "Giám đốc", organisation: "HTX Mây tre",
      provinceCode: "22", email: `offline-${crypto.randomBytes(4).toString("hex")}@example.vn`, phone: "0987 654 321", answers: { needs_hotel: false }, consent: true,
    });
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, v.id));
    return { id: v.id, code: await badgeCodeFor(t.db, row!) };
  }
  const offline = (code: string, at: Date, extra: Record<string, unknown> = {}) => ({ code, checkpoint: "trien-lam", nonce: crypto.randomUUID(), scannedAt: at.toISOString(), ...extra });

  beforeAll(async () => {
    clearEventKeyCache();
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
    eventId = (await currentEvent(t.db)).id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("serves a roster with what a door needs and nothing more, then only the changes", async () => {
    const b = await badge("Bích");
    const device = await enrolDevice(staff(), { name: "Cửa triển lãm 1", checkpoint: "trien-lam" });
    const full = await checkinRoster(staff(), { checkpoint: "trien-lam", device: device.id, queue: 3, battery: 0.8 });
    expect(full.full).toBe(true);
    expect(full.fields).toEqual(ROSTER_FIELDS);
    expect(full.publicKey).toBe((await eventKey(t.db, eventId)).publicKeyRaw);
    expect(full.checkpoint).toMatchObject({ code: "trien-lam", allowReentry: true, categories: expect.arrayContaining(["chu-the-ocop"]) });
    const row = full.rows.find((r) => r[0] === b.id)!;
    expect(row).toEqual([b.id, 1, "confirmed", "chu-the-ocop", "Bà Trần Thị Bích", "Giám đốc", "HTX Mây tre", "Đoàn tỉnh Quảng Ninh", null, phoneHash(eventId, "0987654321")]);
    const text = JSON.stringify(full);
    expect(text).not.toContain("@example.vn");
    expect(text).not.toContain("0987654321");
    expect((await listDevices(supervisor())).items.find((d) => d.id === device.id)).toMatchObject({ queueLength: 3, battery: 0.8, checkpoint: "trien-lam", lastSyncAt: expect.any(String) });

    // Nothing changed: nothing new. (The cursor is the oldest transaction running in the whole
    // cluster, so rows already sent may come again while another transaction is open; merging is idempotent.)
    const quiet = await checkinRoster(staff(), { checkpoint: "trien-lam", since: full.cursor });
    expect(quiet.full).toBe(false);
    for (const r of quiet.rows) expect(r).toEqual(full.rows.find((x) => x[0] === r[0]));

    const reissued = await reissueBadge(supervisor(), b.id);
    const other = await badge("Cúc");
    await cancelRegistration(ctxFor(t.db, as.organiser), other.id);
    const scan = await redeemBadge(staff(), { code: reissued.code, checkpoint: "trien-lam" });
    expect(scan.result).toBe("admitted");
    const delta = await checkinRoster(staff(), { checkpoint: "trien-lam", since: quiet.cursor });
    expect(delta.rows.map((r) => [r[0], r[1], r[2]])).toEqual(expect.arrayContaining([[b.id, 2, "confirmed"], [other.id, 1, "cancelled"]]));
    expect(delta.presence).toEqual([[b.id, scan.scannedAt, true]]);

    await undoScan(supervisor(), scan.scanId);
    const afterUndo = await checkinRoster(staff(), { checkpoint: "trien-lam", since: delta.cursor });
    expect(afterUndo.removed).toEqual([b.id]);
    expect(afterUndo.presence).toEqual([]);
  });

  it("takes a queued upload in scan-time order, idempotently: sent three times, recorded once", async () => {
    const b = await badge();
    const device = await enrolDevice(staff(), { name: "Cửa 2" });
    const t0 = Date.now() - 60_000;
    const scans = [offline(b.code, new Date(t0 + 2000), { direction: "out", localResult: "admitted" }), offline(b.code, new Date(t0 + 1000), { localResult: "admitted" }), offline("9".repeat(170), new Date(t0 + 3000), { localResult: "invalid" })];
    const first = await uploadOfflineScans(staff(), { device: device.id, scans, queueLength: 3 });
    expect(first.results.map((r) => [r.nonce, r.result, r.direction])).toEqual([[scans[0]!.nonce, "admitted", "out"], [scans[1]!.nonce, "admitted", "in"], [scans[2]!.nonce, "invalid", "in"]]);
    expect(first.results[1]!.scannedAt).toBe(new Date(t0 + 1000).toISOString());
    for (let i = 0; i < 2; i++) {
      const again = await uploadOfflineScans(staff(), { device: device.id, scans });
      expect(again.results.map((r) => [r.scanId, r.result, r.replayed])).toEqual(first.results.map((r) => [r.scanId, r.result, true]));
    }
    const rows = await t.db.select().from(checkinScans).where(eq(checkinScans.deviceId, device.id));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.offline)).toBe(true);
    const [p] = await t.db.select().from(checkinPresence).where(eq(checkinPresence.registrationId, b.id));
    expect(p).toMatchObject({ inside: false, entries: 1, exits: 1, firstAt: new Date(t0 + 1000) });
  });

  it("keeps one entry and records a conflict when two devices admitted the same badge offline", async () => {
    const b = await badge("Dung");
    const a = await enrolDevice(staff(), { name: "Cửa A" });
    const c = await enrolDevice(staff(), { name: "Cửa B" });
    const t0 = Date.now() - 120_000;
    const fromA = await uploadOfflineScans(staff(), { device: a.id, scans: [offline(b.code, new Date(t0 + 5000), { localResult: "admitted" })] });
    expect(fromA.results[0]).toMatchObject({ result: "admitted" });
    // B scanned earlier than A, while offline, and showed green: B's entry is the one that counts.
    const fromB = await uploadOfflineScans(staff(), { device: c.id, scans: [offline(b.code, new Date(t0 + 1000), { localResult: "admitted" })] });
    expect(fromB.results[0]).toMatchObject({ result: "already_admitted", conflict: true });
    const [p] = await t.db.select().from(checkinPresence).where(and(eq(checkinPresence.registrationId, b.id)));
    expect(p).toMatchObject({ entries: 1, inside: true, firstAt: new Date(t0 + 1000), firstScanId: fromB.results[0]!.scanId, firstDevice: "Cửa B" });
    const conflicts = (await listConflicts(supervisor())).items.filter((x) => x.registrationId === b.id);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ checkpoint: "trien-lam", name: "Bà Trần Thị Dung", kept: { id: fromB.results[0]!.scanId, device: "Cửa B", offline: true }, other: { id: fromA.results[0]!.scanId, device: "Cửa A" } });
    expect((await checkinStats(ctxFor(t.db, as.organiser))).conflicts.map((x) => x.registrationId)).toContain(b.id);

    // A device that showed amber (it knew) is no conflict; the same device twice is none either.
    const fromC = await uploadOfflineScans(staff(), { device: c.id, scans: [offline(b.code, new Date(t0 + 9000), { localResult: "already_admitted" })] });
    expect(fromC.results[0]!.conflict).toBeUndefined();
    const again = await uploadOfflineScans(staff(), { device: a.id, scans: [offline(b.code, new Date(t0 + 9500), { localResult: "admitted" })] });
    expect(again.results[0]).toMatchObject({ result: "already_admitted", conflict: true });
    expect((await listConflicts(supervisor())).items.filter((x) => x.registrationId === b.id)).toHaveLength(2);
  });

  it("stops a revoked device: its sync and uploads answer 410", async () => {
    const d = await enrolDevice(staff(), { name: "Máy bị mất" });
    await expect(revokeDevice(staff(), d.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await revokeDevice(supervisor(), d.id)).revoked).toBe(true);
    await expect(checkinRoster(staff(), { checkpoint: "trien-lam", device: d.id })).rejects.toBeInstanceOf(GoneError);
    await expect(uploadOfflineScans(staff(), { device: d.id, scans: [offline("1", new Date())] })).rejects.toBeInstanceOf(GoneError);
    await expect(checkinRoster(staff(), { checkpoint: "trien-lam", device: crypto.randomUUID() })).rejects.toBeInstanceOf(GoneError);
    await expect(checkinRoster(ctxFor(t.db, as.province_officer), { checkpoint: "trien-lam" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(uploadOfflineScans(staff(), { device: d.id, scans: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(checkinRoster(staff(), { checkpoint: "trien-lam", since: "abc" })).rejects.toBeInstanceOf(ValidationError);
  });
});
