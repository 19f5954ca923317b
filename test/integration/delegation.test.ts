import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, registrations } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { badgeCodeFor } from "@/lib/badges/badge";
import { clearEventKeyCache } from "@/lib/badges/keys";
import { updateCategory } from "@/lib/categories/categories";
import { redeemBadge } from "@/lib/checkin";
import type { UserActor } from "@/lib/context";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { registerDelegate } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schemas";
import { substituteDelegate } from "@/lib/registration/substitute";
import { bulkRegistrations } from "@/lib/registration/bulk";
import { registrationHistory, registrationStats } from "@/lib/registration/history";
import { listRegistrations } from "@/lib/registration/manage";
import { setDelegationContact } from "@/lib/registration/contact";
import { addDelegationMember, getDelegation, setDelegationQuota } from "@/lib/registration/delegation";
import { listDelegations } from "@/lib/registration/delegation-list";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, DRIVERS, SERVER_DRIVERS, type TestDatabase } from "../helpers/databases";

process.env.AUTH_SECRET ??= "delegation-test-secret-".padEnd(48, "x");

let n = 0;
const person = (over: Partial<RegistrationInput> = {}) => ({
  honorific: "ong", familyName: "Lê Văn", givenName: "Thay", position: "Phó Giám đốc Sở", organisation: "Sở NN&PTNT Quảng Ninh",
  email: `nguoi-${++n}-${Date.now()}@example.vn`, phone: "0912 000 111", answers: { needs_hotel: false }, consent: true, ...over,
}) as const;

describe.each(DRIVERS)("substitutes on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  beforeAll(async () => {
    clearEventKeyCache();
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const register = (provinceCode: string) => registerDelegate(ctxFor(t.db, { kind: "anonymous" }), { ...person({ givenName: "Cũ" }), categoryCode: "chu-the-ocop", provinceCode } as RegistrationInput);

  it("keeps the place: the old badge is refused at the door, the substitute is in, the waiting list is untouched", async () => {
    const old = await register("22");
    await updateCategory(ctxFor(t.db, as.organiser), "chu-the-ocop", { capacity: 1 });
    const waiting = await register("22");
    expect(waiting.status).toBe("waitlisted");
    const [oldRow] = await t.db.select().from(registrations).where(eq(registrations.id, old.id));
    const oldCode = await badgeCodeFor(t.db, oldRow!);

    const { substitute, replaced } = await substituteDelegate(ctxFor(t.db, as.province_officer), old.id, person({ givenName: "Mới" }));
    expect(replaced).toMatchObject({ id: old.id, status: "cancelled" });
    expect(substitute).toMatchObject({ status: "confirmed", categoryCode: "chu-the-ocop", provinceCode: "22", fullName: "Lê Văn Mới" });
    expect((await t.db.select().from(registrations).where(eq(registrations.id, waiting.id)))[0]!.status).toBe("waitlisted");

    const staff = ctxFor(t.db, as.checkin_staff);
    expect(await redeemBadge(staff, { code: oldCode, checkpoint: "trien-lam" })).toMatchObject({ result: "refused", reason: "revoked" });
    const [newRow] = await t.db.select().from(registrations).where(eq(registrations.id, substitute.id));
    expect((await redeemBadge(staff, { code: await badgeCodeFor(t.db, newRow!), checkpoint: "trien-lam" })).result).toBe("admitted");
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "registration.substituted"))).toHaveLength(1);
    await updateCategory(ctxFor(t.db, as.organiser), "chu-the-ocop", { capacity: null });
  });

  it("refuses another province's delegate, a place no longer held, and an email already registered", async () => {
    const quangNam = await register("49");
    await expect(substituteDelegate(ctxFor(t.db, as.province_officer), quangNam.id, person())).rejects.toBeInstanceOf(ForbiddenError);
    const mine = await register("22");
    const taken = person();
    await registerDelegate(ctxFor(t.db, { kind: "anonymous" }), { ...taken, categoryCode: "chu-the-ocop", provinceCode: "22" } as RegistrationInput);
    await expect(substituteDelegate(ctxFor(t.db, as.province_officer), mine.id, { ...person(), email: taken.email })).rejects.toBeInstanceOf(ConflictError);
    expect((await t.db.select().from(registrations).where(eq(registrations.id, mine.id)))[0]!.status).toBe("confirmed"); // nothing half-done
    const { replaced } = await substituteDelegate(ctxFor(t.db, as.organiser), mine.id, person());
    await expect(substituteDelegate(ctxFor(t.db, as.organiser), replaced.id, person())).rejects.toBeInstanceOf(ConflictError);
  });
});

describe.each(DRIVERS)("delegations on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });
  const member = (over: Record<string, unknown> = {}) => ({ ...person(), categoryCode: "so-nnptnt", answers: { needs_hotel: true }, ...over });

  it("adds members to the officer's own delegation within the quota, and shows what is left", async () => {
    const officer = ctxFor(t.db, as.province_officer);
    const added = await addDelegationMember(officer, member({ unit: { kind: "province", code: "49" } }) as never);
    expect(added).toMatchObject({ provinceCode: "22", status: "confirmed", source: "portal" }); // the officer's unit, whatever was asked
    await setDelegationQuota(ctxFor(t.db, as.organiser), { kind: "province", code: "22" }, { quota: 2 });
    await addDelegationMember(officer, member() as never);
    await expect(addDelegationMember(officer, member() as never)).rejects.toMatchObject({ code: "delegations.quota_full" });
    const d = await getDelegation(officer, { kind: "province", code: "49" });
    expect(d).toMatchObject({ code: "22", name: "Đoàn tỉnh Quảng Ninh", quota: 2, used: 2, left: 0 });
    expect(d.members.every((m) => m.provinceCode === "22")).toBe(true);
    await expect(addDelegationMember(officer, member({ categoryCode: "bo-nganh" }) as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(addDelegationMember(officer, member({ categoryCode: "chu-the-ocop" }) as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(setDelegationQuota(officer, { kind: "province", code: "22" }, { quota: 99 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addDelegationMember(ctxFor(t.db, as.organiser), member() as never)).rejects.toBeInstanceOf(ValidationError); // organisers name the unit
    expect((await addDelegationMember(ctxFor(t.db, as.organiser), member({ unit: { kind: "province", code: "49" } }) as never)).provinceCode).toBe("49");
  });

  it("lists provinces and ministries with quota, places used and left, and contact person", async () => {
    const org = ctxFor(t.db, as.organiser);
    await setDelegationQuota(org, { kind: "ministry", code: "bct" }, { quota: 3 });
    await addDelegationMember(org, { ...member({ categoryCode: "bo-nganh", answers: {} }), unit: { kind: "ministry", code: "bct" } } as never);
    await setDelegationContact(org, { name: "Đỗ Thị Hà", email: "vp@moit.gov.vn", phone: "0912345678" }, { kind: "ministry", code: "bct" });
    const rows = await listDelegations(org);
    expect(rows.filter((r) => r.kind === "province")).toHaveLength(63);
    expect(rows.find((r) => r.kind === "ministry" && r.code === "bct")).toMatchObject({ name: "Bộ Công Thương", quota: 3, used: 1, left: 2, contact: { name: "Đỗ Thị Hà", email: "vp@moit.gov.vn" } });
    expect(rows.find((r) => r.kind === "province" && r.code === "22")).toMatchObject({ quota: 2, used: 2, left: 0, contact: null });
    await expect(listDelegations(ctxFor(t.db, as.province_officer))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it.skipIf(!SERVER_DRIVERS.includes(driver))("gives exactly the places left when 20 additions race for 5", async () => {
    await setDelegationQuota(ctxFor(t.db, as.organiser), { kind: "province", code: "89" }, { quota: 5 });
    const officer = ctxFor(t.db, { ...as.province_officer, provinceCode: "89" });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => addDelegationMember(officer, member() as never)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as ConflictError).code)).toEqual(Array(15).fill("delegations.quota_full"));
    expect((await getDelegation(officer)).used).toBe(5);
  });
});

describe.each(DRIVERS)("the console's filters and bulk actions on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  beforeAll(async () => {
    clearEventKeyCache();
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("filters by checkpoint access and arrival, and acts on many at once with a result for each", async () => {
    // A context carries its request's time (ctx.now, the audit's `at`): the delegates register
    // first, the organiser acts after, as two requests would.
    const anon = ctxFor(t.db, { kind: "anonymous" });
    const press = await Promise.all([0, 1, 2].map(() => registerDelegate(anon, { ...person(), categoryCode: "bao-chi", provinceCode: "22", answers: { press_card: "NB-1" } } as RegistrationInput)));
    const producer = await registerDelegate(anon, { ...person(), categoryCode: "chu-the-ocop", provinceCode: "22" } as RegistrationInput);
    await new Promise((r) => setTimeout(r, 2)); // the organiser's request comes later
    const organiser = ctxFor(t.db, as.organiser);
    const bulk = await bulkRegistrations(organiser, { ids: [...press.map((p) => p.id), producer.id], action: "approve" });
    expect(bulk).toMatchObject({ done: 3, failed: 1 });
    expect(bulk.results.find((r) => r.id === producer.id)).toMatchObject({ ok: false, code: "registrations.invalid_transition" });
    const ceremony = await listRegistrations(organiser, { checkpoint: "le-ton-vinh", pageSize: 200 });
    expect(ceremony.items.map((i) => i.id)).toEqual(expect.arrayContaining(press.map((p) => p.id)));
    expect(ceremony.items.map((i) => i.id)).not.toContain(producer.id);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, producer.id));
    await redeemBadge(ctxFor(t.db, as.checkin_staff), { code: await badgeCodeFor(t.db, row!), checkpoint: "trien-lam" });
    expect((await listRegistrations(organiser, { arrived: "yes" })).items.map((i) => i.id)).toEqual([producer.id]);
    expect((await listRegistrations(organiser, { arrived: "no", pageSize: 200 })).items.map((i) => i.id)).not.toContain(producer.id);
    const moved = await bulkRegistrations(organiser, { ids: [producer.id], action: "move", categoryCode: "khach-moi" });
    expect(moved.done).toBe(1);
    expect((await t.db.select().from(registrations).where(eq(registrations.id, producer.id)))[0]!.status).toBe("confirmed");
    const noted = await bulkRegistrations(organiser, { ids: press.map((p) => p.id), action: "door_note", doorNote: "Khu vực báo chí" });
    expect(noted.done).toBe(3);
    await expect(bulkRegistrations(organiser, { ids: [1], action: "reject" })).rejects.toBeInstanceOf(ValidationError);

    // The detail's history and the overview's counts.
    const history = await registrationHistory(organiser, press[0]!.id);
    expect(history.map((h) => h.action)).toEqual(["registration.updated", "registration.approved", "registration.created"]);
    expect(history[1]!.actor).toBe(as.organiser.email);
    const stats = await registrationStats(organiser);
    expect(stats.total).toBe(4);
    expect(stats.byStatus.find((x) => x.status === "confirmed")!.count).toBe(4);
    expect(stats.byCategory.find((x) => x.code === "bao-chi")).toMatchObject({ count: 3, confirmed: 3 });
    expect(stats.byProvince).toEqual([{ code: "22", name: "Quảng Ninh", count: 4, confirmed: 4 }]);
    expect((await registrationStats(ctxFor(t.db, { ...as.province_officer, provinceCode: "49" }))).total).toBe(0);
    await expect(registrationHistory(ctxFor(t.db, { ...as.province_officer, provinceCode: "49" }), press[0]!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bulkRegistrations(ctxFor(t.db, as.province_officer), { ids: [1], action: "approve" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
