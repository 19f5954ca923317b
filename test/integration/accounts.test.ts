import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog, emailOutbox, passwordResets, users } from "@/db/schema";
import { loadSessionActor, loadTokenActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { THROTTLE } from "@/lib/auth/throttle";
import { listAudit } from "@/lib/audit/list";
import type { UserActor } from "@/lib/context";
import { ConflictError, ForbiddenError, RateLimitedError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { createToken, listTokens, revokeToken } from "@/lib/tokens/tokens";
import { changePassword, completePasswordReset, issuePasswordReset } from "@/lib/users/password-reset";
import { createUser, getUser, listUsers, updateUser } from "@/lib/users/users";
import { ctxFor, seedRoleUsers, TEST_PASSWORD } from "../helpers/actors";
import { createTestDatabase, DRIVERS, SERVER_DRIVERS, type TestDatabase } from "../helpers/databases";

function fieldPaths(e: unknown): string[] {
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).errors.map((x) => x.path).sort();
}

describe.each(DRIVERS)("accounts on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("lets only admins create users, with role and unit checked, and audits it in the same transaction", async () => {
    const admin = ctxFor(t.db, as.admin, { requestId: "req-1" });
    const { user, resetLinkSent } = await createUser(admin, { email: " Can.Bo@QuangNinh.gov.vn ", name: "Nguye\u0302\u0303n Thị Ánh Tuyết", role: "province_officer", provinceCode: "22", password: "Matkhau2020" });
    expect(user).toMatchObject({ email: "can.bo@quangninh.gov.vn", name: "Nguyễn Thị Ánh Tuyết", role: "province_officer", provinceCode: "22", ministryCode: null, disabled: false });
    expect(resetLinkSent).toBe(false);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "user.created"), eq(auditLog.entityId, String(user.id))));
    expect(entry).toMatchObject({ actorKind: "user", actorUserId: as.admin.userId, provinceCode: "22", requestId: "req-1" });
    expect(JSON.stringify(entry!.after)).not.toMatch(/password/i);

    for (const role of ROLES.filter((r) => r !== "admin")) {
      await expect(createUser(ctxFor(t.db, as[role]), { email: `x-${role}@example.vn`, name: "X", role: "checkin_staff" }), role).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(createUser(ctxFor(t.db, { kind: "anonymous" }), { email: "y@example.vn", name: "Y", role: "checkin_staff" })).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("refuses inconsistent roles and units, bad emails, unknown fields, duplicates", async () => {
    const admin = ctxFor(t.db, as.admin);
    expect(fieldPaths(await createUser(admin, { email: "a@example.vn", name: "A", role: "province_officer" }).catch((e: unknown) => e))).toEqual(["provinceCode"]);
    expect(fieldPaths(await createUser(admin, { email: "a@example.vn", name: "A", role: "province_officer", provinceCode: "99" }).catch((e: unknown) => e))).toEqual(["provinceCode"]);
    expect(fieldPaths(await createUser(admin, { email: "a@example.vn", name: "A", role: "ministry_officer", ministryCode: "nope" }).catch((e: unknown) => e))).toEqual(["ministryCode"]);
    expect(fieldPaths(await createUser(admin, { email: "a@example.vn", name: "A", role: "organiser", provinceCode: "22" }).catch((e: unknown) => e))).toEqual(["provinceCode"]);
    expect(fieldPaths(await createUser(admin, { email: "not-an-email", name: "", role: "boss" as Role }).catch((e: unknown) => e))).toEqual(["email", "name", "role"]);
    expect(fieldPaths(await createUser(admin, { email: "a@example.vn", name: "A", role: "organiser", isAdmin: true } as never).catch((e: unknown) => e))).toEqual(["isAdmin"]);
    expect(fieldPaths(await createUser(admin, { email: "a@example.vn", name: "A\u0007", role: "organiser" }).catch((e: unknown) => e))).toEqual(["name"]);
    expect(fieldPaths(await createUser(admin, { email: "a@example.vn", name: "A", role: "organiser", password: "short" }).catch((e: unknown) => e))).toEqual(["password"]);
    await createUser(admin, { email: "dup@example.vn", name: "Dup", role: "organiser", password: "Matkhau2020" });
    await expect(createUser(admin, { email: "DUP@example.vn", name: "Dup 2", role: "organiser" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("emails a set-password link when no password is given, and the link works once", async () => {
    const admin = ctxFor(t.db, as.admin);
    const { user, resetLinkSent } = await createUser(admin, { email: "moi@example.vn", name: "Trần Văn Mới", role: "ministry_officer", ministryCode: "bct" });
    expect(resetLinkSent).toBe(true);
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "moi@example.vn"));
    expect(mail).toMatchObject({ template: "password-reset", status: "queued" });
    const url = (mail!.props as { url: string }).url;
    const token = new URL(url).searchParams.get("token")!;
    expect(await t.db.$count(passwordResets, eq(passwordResets.userId, user.id))).toBe(1);
    const anon = ctxFor(t.db, { kind: "anonymous" });
    expect(fieldPaths(await completePasswordReset(anon, { token, password: "123" }).catch((e: unknown) => e))).toEqual(["password"]);
    await completePasswordReset(anon, { token, password: "Matkhaumoi1" });
    await expect(completePasswordReset(anon, { token, password: "Matkhaumoi2" })).rejects.toBeInstanceOf(ValidationError);
    const signed = await verifyCredentials(t.db, { email: "moi@example.vn", password: "Matkhaumoi1" }, "10.0.0.1");
    expect(signed.id).toBe(user.id);
    await expect(issuePasswordReset(ctxFor(t.db, as.organiser), user.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("searches users without diacritics, filters and paginates; organisers read, province officers may not", async () => {
    const organiser = ctxFor(t.db, as.organiser);
    const found = await listUsers(organiser, { q: "anh tuyet" });
    expect(found.items.map((u) => u.email)).toContain("can.bo@quangninh.gov.vn");
    const byRole = await listUsers(organiser, { role: "province_officer" });
    expect(byRole.items.every((u) => u.role === "province_officer")).toBe(true);
    const page1 = await listUsers(organiser, { pageSize: 2, page: 1 });
    const page2 = await listUsers(organiser, { pageSize: 2, page: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThan(4);
    expect(page2.items[0]!.id).not.toBe(page1.items[0]!.id);
    await expect(listUsers(ctxFor(t.db, as.province_officer))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getUser(ctxFor(t.db, as.checkin_staff), as.admin.userId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("disables a user (out at once: sessions and tokens stop working) and re-enables them", async () => {
    const admin = ctxFor(t.db, as.admin);
    const victim = as.stage_manager;
    const { token } = await createToken(ctxFor(t.db, victim), { name: "sân khấu" });
    expect(await loadTokenActor(t.db, token)).not.toBeNull();
    const disabled = await updateUser(admin, victim.userId, { disabled: true });
    expect(disabled.disabled).toBe(true);
    expect(await loadSessionActor(t.db, victim.userId)).toBeNull();
    expect(await loadTokenActor(t.db, token)).toBeNull();
    await expect(verifyCredentials(t.db, { email: victim.email, password: TEST_PASSWORD }, "10.0.0.2")).rejects.toBeInstanceOf(UnauthorizedError);
    await updateUser(admin, victim.userId, { disabled: false });
    expect(await loadSessionActor(t.db, victim.userId)).not.toBeNull();
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(victim.userId))).orderBy(desc(auditLog.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.disabled", "user.enabled"]));
    await expect(updateUser(admin, as.admin.userId, { disabled: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateUser(admin, as.admin.userId, { role: "organiser" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("re-reads role and scope per request: a changed role takes effect at once", async () => {
    const admin = ctxFor(t.db, as.admin);
    const { user } = await createUser(admin, { email: "doi-vai-tro@example.vn", name: "Đổi Vai Trò", role: "checkin_staff", password: "Matkhau2020" });
    expect((await loadSessionActor(t.db, user.id))!.permissions.has("checkin.supervise")).toBe(false);
    await updateUser(admin, user.id, { role: "province_officer", provinceCode: "89" });
    const after = (await loadSessionActor(t.db, user.id))!;
    expect(after.role).toBe("province_officer");
    expect(after.provinceCode).toBe("89");
    expect(after.permissions.has("checkin.scan")).toBe(false);
    // Changing to a role without a unit clears the unit.
    expect((await updateUser(admin, user.id, { role: "organiser" })).provinceCode).toBeNull();
  });

  it("issues API tokens shown once, stored hashed, listed and revoked by their owner", async () => {
    const me = ctxFor(t.db, as.booth_manager);
    const created = await createToken(me, { name: "Máy tính phòng gian hàng" });
    expect(created.token).toMatch(/^ocop_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(await listTokens(me))).not.toContain(created.token);
    const actor = await loadTokenActor(t.db, created.token);
    expect(actor).toMatchObject({ role: "booth_manager", via: "token", tokenId: created.id });
    await expect(revokeToken(ctxFor(t.db, as.organiser), created.id)).rejects.toThrow(); // not theirs
    await revokeToken(me, created.id);
    expect(await loadTokenActor(t.db, created.token)).toBeNull();
    expect(await loadTokenActor(t.db, "ocop_forged")).toBeNull();
    await expect(createToken(ctxFor(t.db, actor!), { name: "token from token" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("changes a password only with the current one, and ends older sessions", async () => {
    const me = ctxFor(t.db, as.emulation_board, { now: new Date(Date.now() + 5000) });
    expect(fieldPaths(await changePassword(me, { currentPassword: "wrong", newPassword: "Matkhaumoi2" }).catch((e: unknown) => e))).toEqual(["currentPassword"]);
    const issuedBefore = Math.floor(Date.now() / 1000);
    await changePassword(me, { currentPassword: TEST_PASSWORD, newPassword: "Matkhaumoi2" });
    const [u] = await t.db.select().from(users).where(eq(users.id, as.emulation_board.userId));
    expect(await verifyPassword("Matkhaumoi2", u!.passwordHash)).toBe(true);
    expect(await loadSessionActor(t.db, u!.id, issuedBefore)).toBeNull();
    expect(await loadSessionActor(t.db, u!.id, Math.floor(Date.now() / 1000) + 10)).not.toBeNull();
  });

  it("throttles the 6th wrong password in a minute per account, and per client across accounts", async () => {
    const email = as.mard_reviewer.email;
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await expect(verifyCredentials(t.db, { email, password: "sai-mat-khau" }, `10.1.0.${i}`)).rejects.toBeInstanceOf(UnauthorizedError);
    }
    const sixth = await verifyCredentials(t.db, { email, password: TEST_PASSWORD }, "10.1.0.99").catch((e: unknown) => e);
    expect(sixth).toBeInstanceOf(RateLimitedError);
    expect((sixth as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((sixth as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another account from a fresh client still signs in.
    expect((await verifyCredentials(t.db, { email: as.checkin_staff.email, password: TEST_PASSWORD }, "10.2.0.1")).id).toBe(as.checkin_staff.userId);
    // One client guessing across many accounts is stopped too, also when its guesses arrive at once.
    const guesses = await Promise.allSettled(Array.from({ length: THROTTLE.perClient }, (_, i) => verifyCredentials(t.db, { email: `nobody${i}@example.vn`, password: "x" }, "10.9.9.9")));
    expect(guesses.map((g) => (g.status === "rejected" ? (g.reason as Error).constructor.name : "signed in"))).toEqual(Array(THROTTLE.perClient).fill(UnauthorizedError.name));
    await expect(verifyCredentials(t.db, { email: as.booth_manager.email, password: TEST_PASSWORD }, "10.9.9.9")).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("lets admins browse the audit log with filters; others may not", async () => {
    const admin = ctxFor(t.db, as.admin);
    const res = await listAudit(admin, { action: "user.", pageSize: 100 });
    expect(res.items.length).toBeGreaterThan(3);
    expect(res.items.every((e) => e.action.startsWith("user."))).toBe(true);
    const failed = await listAudit(admin, { action: "auth.sign_in_failed" });
    expect(failed.total).toBeGreaterThanOrEqual(THROTTLE.perAccount);
    const qn = await listAudit(admin, { provinceCode: "22" });
    expect(qn.items.every((e) => e.provinceCode === "22")).toBe(true);
    await expect(listAudit(ctxFor(t.db, as.organiser.role === "organiser" ? as.checkin_supervisor : as.organiser))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAudit(admin, { from: "yesterday" })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe.each(SERVER_DRIVERS)("account races on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("creates exactly one user when 20 requests race for the same email", async () => {
    const admin = ctxFor(t.db, as.admin);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => createUser(admin, { email: "race@example.vn", name: `Race ${i}`, role: "checkin_staff", password: "Matkhau2020" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(rejected.every((r) => r.reason instanceof ConflictError)).toBe(true);
    expect(await t.db.$count(users, eq(users.email, "race@example.vn"))).toBe(1);
    expect(await t.db.$count(auditLog, eq(auditLog.action, "user.created"))).toBe(1);
  });

  it("lets at most 5 of 30 racing wrong passwords reach the password check", async () => {
    const email = as.stage_manager.email;
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => verifyCredentials(t.db, { email, password: "sai" }, `10.3.0.${i}`)));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const reasons = (results as PromiseRejectedResult[]).map((r) => r.reason);
    expect(reasons.filter((r) => r instanceof UnauthorizedError)).toHaveLength(THROTTLE.perAccount);
    expect(reasons.filter((r) => r instanceof RateLimitedError)).toHaveLength(30 - THROTTLE.perAccount);
    await expect(verifyCredentials(t.db, { email, password: TEST_PASSWORD }, "10.3.0.2")).rejects.toBeInstanceOf(RateLimitedError);
  });
});
