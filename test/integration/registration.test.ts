import { and, asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, delegateCategories, emailOutbox, registrations } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { checkBadge } from "@/lib/badges/verify";
import { clearEventKeyCache } from "@/lib/badges/keys";
import { listCategories, updateCategory } from "@/lib/categories/categories";
import type { UserActor } from "@/lib/context";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RateLimitedError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { resendConfirmation } from "@/lib/registration/resend";
import { JobWorker } from "@/lib/jobs/worker";
import { signLink } from "@/lib/links/signed";
import { EMAIL_JOB } from "@/lib/mail/outbox";
import { makeSendEmailHandler } from "@/lib/mail/send-job";
import { currentEvent, personalLinks } from "@/lib/registration/common";
import { acceptInvitation, registerDelegate } from "@/lib/registration/register";
import { inviteDelegates, parsePastedInvitees, revokeInvitation } from "@/lib/registration/invitations";
import {
  approveRegistration, badgeCodeByLink, cancelByManageToken, cancelRegistration, getRegistration, listRegistrations,
  registrationByManageToken, reissueBadge, rejectRegistration, updateByManageToken, updateRegistration,
} from "@/lib/registration/manage";
import type { RegistrationInput } from "@/lib/registration/schemas";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, DRIVERS, SERVER_DRIVERS, type TestDatabase } from "../helpers/databases";
import { decodePngQr } from "../helpers/qr";

process.env.AUTH_SECRET ??= "registration-test-secret-".padEnd(48, "x");

let n = 0;
function delegate(over: Partial<RegistrationInput> = {}): RegistrationInput {
  n++;
  return {
    categoryCode: "chu-the-ocop", honorific: "ba", familyName: "Nguyễn Thị", givenName: "Hoa", position: "Giám đốc", organisation: "HTX Chè Tân Cương",
    provinceCode: "22", email: `dai-bieu-${n}-${Math.random().toString(36).slice(2, 6)}@example.vn`, phone: "+84 912 345 678", answers: { needs_hotel: true, dietary: "vegetarian" }, consent: true,
    ...over,
  };
}

async function fieldPaths(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).errors.map((x) => x.path).sort();
}

describe.each(DRIVERS)("registration on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  const anon = () => ctxFor(t.db, { kind: "anonymous" });
  beforeAll(async () => {
    clearEventKeyCache();
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("registers a delegate: NFC, phone normalised to 0…, confirmed, email queued, audited", async () => {
    const v = await registerDelegate(anon(), delegate({ honorific: "Bà" as never, familyName: "Nguye\u0302\u0303n Thi\u0323", givenName: "A\u0301nh Tuye\u0302\u0301t", phone: "+84 912.345.678" }));
    expect(v.honorific).toBe("ba");
    expect(v).toMatchObject({ status: "confirmed", familyName: "Nguyễn Thị", givenName: "Ánh Tuyết", fullName: "Nguyễn Thị Ánh Tuyết", phone: "0912345678", delegation: "Đoàn tỉnh Quảng Ninh", categoryCode: "chu-the-ocop" });
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, v.email!));
    expect(mail).toMatchObject({ template: "registration-status", props: expect.objectContaining({ kind: "confirmed", registrationId: v.id }) });
    expect(await t.db.$count(auditLog, and(eq(auditLog.action, "registration.created"), eq(auditLog.entityId, String(v.id))))).toBe(1);
  });

  it("refuses bad fields one error per field, with the field name as path", async () => {
    expect(await fieldPaths(registerDelegate(anon(), { ...delegate(), email: "x", phone: "12345", familyName: "", givenName: "<script>", consent: false as never }))).toEqual(["consent", "email", "familyName", "givenName", "phone"]);
    expect(await fieldPaths(registerDelegate(anon(), delegate({ categoryCode: "khong-co" })))).toEqual(["categoryCode"]);
    expect(await fieldPaths(registerDelegate(anon(), delegate({ categoryCode: "lanh-dao" })))).toEqual(["categoryCode"]); // invitation only
    expect(await fieldPaths(registerDelegate(anon(), delegate({ answers: { press_card: "123" } })))).toEqual(["answers.needs_hotel", "answers.press_card"]);
    expect(await fieldPaths(registerDelegate(anon(), delegate({ answers: { needs_hotel: "yes" as never } })))).toEqual(["answers.needs_hotel"]);
    expect(await fieldPaths(registerDelegate(anon(), delegate({ answers: { needs_hotel: true, dietary: "meat-only" } })))).toEqual(["answers.dietary"]);
    expect(await fieldPaths(registerDelegate(anon(), delegate({ provinceCode: "22", ministryCode: "bct" })))).toEqual(["ministryCode"]);
    expect(await fieldPaths(registerDelegate(anon(), delegate({ provinceCode: "99" })))).toEqual(["provinceCode"]);
    expect(await fieldPaths(registerDelegate(anon(), { ...delegate(), isVip: true } as never))).toEqual(["isVip"]);
    expect(await fieldPaths(registerDelegate(anon(), delegate({ position: "x".repeat(161) })))).toEqual(["position"]);
  });

  it("refuses the same email twice for the event (409), in any case", async () => {
    const d = delegate();
    await registerDelegate(anon(), d);
    await expect(registerDelegate(anon(), { ...d, email: d.email.toUpperCase() })).rejects.toBeInstanceOf(ConflictError);
  });

  it("resends the confirmation to a registered address only, revealing nothing", async () => {
    const d = delegate();
    const v = await registerDelegate(anon(), d);
    expect(await resendConfirmation(anon(), { email: d.email.toUpperCase() })).toEqual({ queued: true });
    expect(await resendConfirmation(anon(), { email: "nobody-here@example.vn" })).toEqual({ queued: true });
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, v.email!));
    expect(mails.map((m) => (m.props as { kind: string }).kind)).toEqual(["confirmed", "confirmed"]);
    expect(await t.db.$count(emailOutbox, eq(emailOutbox.toAddress, "nobody-here@example.vn"))).toBe(0);
    await resendConfirmation(anon(), { email: d.email });
    await resendConfirmation(anon(), { email: d.email }).catch(() => undefined);
    await expect(resendConfirmation(anon(), { email: d.email })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("needs approval for the press: pending → confirmed by an organiser, or rejected with a reason", async () => {
    const press = { categoryCode: "bao-chi", answers: { press_card: "HN-1234" } };
    const a = await registerDelegate(anon(), delegate(press));
    const b = await registerDelegate(anon(), delegate(press));
    expect(a.status).toBe("pending");
    await expect(approveRegistration(ctxFor(t.db, as.province_officer), a.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await approveRegistration(ctxFor(t.db, as.organiser), a.id)).status).toBe("confirmed");
    await expect(approveRegistration(ctxFor(t.db, as.organiser), a.id)).rejects.toBeInstanceOf(ConflictError);
    expect(await fieldPaths(rejectRegistration(ctxFor(t.db, as.organiser), b.id, { reason: "" }))).toEqual(["reason"]);
    const rejected = await rejectRegistration(ctxFor(t.db, as.organiser), b.id, { reason: "Không thuộc cơ quan báo chí" });
    expect(rejected).toMatchObject({ status: "rejected", rejectionReason: "Không thuộc cơ quan báo chí" });
    const kinds = (await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, a.email!))).map((m) => (m.props as { kind: string }).kind);
    expect(kinds).toEqual(["received", "confirmed"]);
  });

  it("waitlists when full and promotes the first waitlisted when a place frees", async () => {
    await updateCategory(ctxFor(t.db, as.organiser), "chu-the-ocop", { capacity: 0 });
    const w1 = await registerDelegate(anon(), delegate());
    const w2 = await registerDelegate(anon(), delegate());
    expect([w1.status, w2.status]).toEqual(["waitlisted", "waitlisted"]);
    const [cat] = await t.db.select().from(delegateCategories).where(eq(delegateCategories.code, "chu-the-ocop"));
    const taken = await t.db.$count(registrations, and(eq(registrations.categoryId, cat!.id), eq(registrations.status, "confirmed")));
    await updateCategory(ctxFor(t.db, as.organiser), "chu-the-ocop", { capacity: taken }); // still full: no promotion
    expect((await getRegistration(ctxFor(t.db, as.organiser), w1.id)).status).toBe("waitlisted");
    const confirmedOne = (await listRegistrations(ctxFor(t.db, as.organiser), { status: "confirmed", category: "chu-the-ocop" })).items[0]!;
    await cancelRegistration(ctxFor(t.db, as.organiser), confirmedOne.id, { reason: "Bận công tác" });
    expect((await getRegistration(ctxFor(t.db, as.organiser), w1.id)).status).toBe("confirmed");
    expect((await getRegistration(ctxFor(t.db, as.organiser), w2.id)).status).toBe("waitlisted");
    const promotedMail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w1.email!));
    expect(promotedMail.map((m) => (m.props as { kind: string }).kind)).toEqual(["waitlisted", "promoted"]);
    await updateCategory(ctxFor(t.db, as.organiser), "chu-the-ocop", { capacity: null }); // no limit: everyone in
    expect((await getRegistration(ctxFor(t.db, as.organiser), w2.id)).status).toBe("confirmed");
  });

  it("lists with filters and a diacritics-insensitive search, sorted by tên then họ đệm", async () => {
    for (const [f, g] of [["Trần Văn", "Đức"], ["Đỗ Văn", "An"], ["Lê Thị", "Ánh"], ["Hoàng", "Duy"]]) {
      await registerDelegate(anon(), delegate({ familyName: f, givenName: g, provinceCode: "49" }));
    }
    const res = await listRegistrations(ctxFor(t.db, as.organiser), { province: "49", pageSize: 10 });
    expect(res.items.map((r) => r.fullName)).toEqual(["Đỗ Văn An", "Lê Thị Ánh", "Hoàng Duy", "Trần Văn Đức"]);
    const found = await listRegistrations(ctxFor(t.db, as.organiser), { q: "tran van duc" });
    expect(found.items.map((r) => r.fullName)).toContain("Trần Văn Đức");
    await expect(listRegistrations(ctxFor(t.db, as.organiser), { status: "weird" as never })).rejects.toBeInstanceOf(ValidationError);
  });

  it("limits province officers to their own province, and audits a refused touch", async () => {
    const qn = await registerDelegate(anon(), delegate({ provinceCode: "22" }));
    const qnam = await registerDelegate(anon(), delegate({ provinceCode: "49" }));
    const officer = ctxFor(t.db, as.province_officer); // province 22
    const mine = await listRegistrations(officer, { pageSize: 200 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r) => r.provinceCode === "22")).toBe(true);
    expect((await getRegistration(officer, qn.id)).id).toBe(qn.id);
    await expect(getRegistration(officer, qnam.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateRegistration(officer, qnam.id, { position: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelRegistration(officer, qnam.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.db.$count(auditLog, and(eq(auditLog.action, "registration.access_denied"), eq(auditLog.entityId, String(qnam.id))))).toBe(3);
    await expect(updateRegistration(officer, qn.id, { doorNote: "VIP" })).rejects.toBeInstanceOf(ValidationError); // organisers only
    expect((await updateRegistration(ctxFor(t.db, as.organiser), qn.id, { doorNote: "VIP — đưa lên hàng ghế A", protocolRank: 3 })).doorNote).toBe("VIP — đưa lên hàng ghế A");
    await expect(listRegistrations(ctxFor(t.db, as.stage_manager))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("re-issues a badge: the old code is refused, the new one accepted", async () => {
    const v = await registerDelegate(anon(), delegate());
    const event = await currentEvent(t.db);
    const { code: oldCode } = await badgeCodeByLink(anon(), signLink("badge", v.id, event.id, new Date(Date.now() + 3600_000)));
    expect(await checkBadge(t.db, event.id, oldCode)).toEqual({ ok: true, registrationId: v.id, serial: 1 });
    await expect(reissueBadge(ctxFor(t.db, as.checkin_staff), v.id)).rejects.toBeInstanceOf(ForbiddenError);
    const re = await reissueBadge(ctxFor(t.db, as.checkin_supervisor), v.id);
    expect(re.badgeSerial).toBe(2);
    expect(await checkBadge(t.db, event.id, oldCode)).toEqual({ ok: false, reason: "reissued", registrationId: v.id });
    expect(await checkBadge(t.db, event.id, re.code)).toEqual({ ok: true, registrationId: v.id, serial: 2 });
    const lastDigit = re.code.at(-1) === "7" ? "8" : "7";
    expect((await checkBadge(t.db, event.id, re.code.slice(0, 169) + lastDigit)).ok).toBe(false);
  });

  it("gives working personal links even when the event lies in the past (the demo replays 2020)", async () => {
    const v = await registerDelegate(anon(), delegate());
    const event = await currentEvent(t.db);
    expect(event.conferenceEndsAt.getTime()).toBeLessThan(Date.now());
    const links = personalLinks({ id: v.id, eventId: event.id }, event);
    expect((await registrationByManageToken(anon(), links.manageToken)).view.id).toBe(v.id);
    expect((await badgeCodeByLink(anon(), links.badgeToken)).code).toMatch(/^\d{170}$/);
  });

  it("lets the manage-link holder see, edit allowed fields and cancel; forged and expired links are refused", async () => {
    const v = await registerDelegate(anon(), delegate());
    const event = await currentEvent(t.db);
    const token = signLink("manage", v.id, event.id, new Date(Date.now() + 3600_000));
    const found = await registrationByManageToken(anon(), token);
    expect(found.view.id).toBe(v.id);
    expect(found.checkpoints.sort()).toEqual(["hoi-truong", "trien-lam"]); // chủ thể OCOP: not the evening ceremony
    const edited = await updateByManageToken(anon(), token, { position: "Phó Giám đốc", phone: "0987 654 321" });
    expect(edited).toMatchObject({ position: "Phó Giám đốc", phone: "0987654321" });
    await expect(updateByManageToken(anon(), token, { email: "steal@example.vn" } as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(registrationByManageToken(anon(), `${token}x`)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(registrationByManageToken(anon(), signLink("manage", v.id, event.id, new Date(Date.now() - 1000)))).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(registrationByManageToken(anon(), signLink("badge", v.id, event.id, new Date(Date.now() + 3600_000)))).rejects.toBeInstanceOf(UnauthorizedError);
    expect((await cancelByManageToken(anon(), token)).status).toBe("cancelled");
    await expect(cancelByManageToken(anon(), token)).rejects.toBeInstanceOf(ConflictError);
  });

  it("invites guests (single or pasted list); the invited person completes a pre-filled form once", async () => {
    const pasted = parsePastedInvitees("khach1@example.org; Trần Văn; Đức; Đại sứ; Đại sứ quán\nkhong-phai-email\n\nkhach2@example.org");
    expect(pasted.invitees.map((i) => i.email)).toEqual(["khach1@example.org", "khach2@example.org"]);
    expect(pasted.errors.map((e) => e.path)).toEqual(["line.2"]);
    await expect(inviteDelegates(ctxFor(t.db, as.province_officer), { categoryCode: "khach-moi", invitees: pasted.invitees })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await fieldPaths(inviteDelegates(ctxFor(t.db, as.organiser), { categoryCode: "chu-the-ocop", invitees: pasted.invitees }))).toEqual(["categoryCode"]);
    const { created, skipped } = await inviteDelegates(ctxFor(t.db, as.organiser), { categoryCode: "khach-moi", invitees: pasted.invitees });
    expect(created).toHaveLength(2);
    expect(skipped).toEqual([]);
    expect((await inviteDelegates(ctxFor(t.db, as.organiser), { categoryCode: "khach-moi", invitees: [{ email: "khach1@example.org" }] })).skipped).toEqual(["khach1@example.org"]);
    const [mail] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, "khach1@example.org"), eq(emailOutbox.template, "invitation")));
    const token = (mail!.props as { url: string }).url.split("/invitation/")[1]!;
    const input = { honorific: "ong" as const, familyName: "Trần Văn", givenName: "Đức", position: "Đại sứ", organisation: "Đại sứ quán", email: "ignored@example.org", phone: "0912000111", consent: true as const, answers: {} };
    const v = await acceptInvitation(anon(), token, input);
    expect(v).toMatchObject({ status: "confirmed", categoryCode: "khach-moi", email: "khach1@example.org", source: "invitation" });
    await expect(acceptInvitation(anon(), token, input)).rejects.toBeInstanceOf(ConflictError);
    await expect(acceptInvitation(anon(), "forged.token", input)).rejects.toBeInstanceOf(NotFoundError);
    const second = created.find((c) => c.email === "khach2@example.org")!;
    await revokeInvitation(ctxFor(t.db, as.organiser), second.id);
    const [mail2] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, "khach2@example.org"), eq(emailOutbox.template, "invitation")));
    await expect(acceptInvitation(anon(), (mail2!.props as { url: string }).url.split("/invitation/")[1]!, input)).rejects.toBeInstanceOf(ConflictError);
  });

  it("sends the confirmation with the badge QR as a CID image that decodes to a valid code", async () => {
    const v = await registerDelegate(anon(), delegate());
    const worker = new JobWorker({ db: t.db, handlers: { [EMAIL_JOB]: makeSendEmailHandler(() => null) }, pollMs: 20 });
    worker.start();
    let mail: typeof emailOutbox.$inferSelect | undefined;
    for (let i = 0; i < 300; i++) {
      [mail] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, v.email!), eq(emailOutbox.status, "stored")));
      if (mail) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    await worker.stop();
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe("Xác nhận tham dự Hội nghị OCOP — thẻ đại biểu của Quý vị");
    expect(mail!.html).toContain('src="cid:badge-qr"');
    expect(mail!.html).toContain("/badge/");
    const qr = mail!.attachments.find((a) => a.cid === "badge-qr")!;
    const decoded = decodePngQr(Buffer.from(qr.contentBase64, "base64"));
    const event = await currentEvent(t.db);
    expect(decoded).toMatch(/^\d{170}$/);
    expect(await checkBadge(t.db, event.id, decoded!)).toEqual({ ok: true, registrationId: v.id, serial: 1 });
  });

  it("publishes public categories with their questions and checkpoints", async () => {
    const pub = await listCategories(anon());
    expect(pub.map((c) => c.code).sort()).toEqual(["bao-chi", "chu-the-ocop"]);
    expect(pub.find((c) => c.code === "bao-chi")).toMatchObject({ requiresApproval: true, selfRegistration: true, invitationOnly: false, checkpoints: ["trien-lam", "le-ton-vinh", "hoi-truong"] });
    expect((await listCategories(ctxFor(t.db, as.organiser))).length).toBe(10);
    // Unit officers also see the portal categories of their unit's kind, and no others.
    expect((await listCategories(ctxFor(t.db, as.province_officer))).map((c) => c.code).sort()).toEqual(["bao-chi", "chu-the-ocop", "lanh-dao-tinh", "so-nnptnt"]);
    expect((await listCategories(ctxFor(t.db, as.ministry_officer))).map((c) => c.code).sort()).toEqual(["bao-chi", "bo-nganh", "chu-the-ocop"]);
  });

  it("never fails with anything but a clear 4xx on fuzzed input (property)", async () => {
    const field = fc.oneof(fc.string(), fc.string({ minLength: 300, maxLength: 400 }), fc.constant("<script>alert(1)</script>"), fc.constant("😀👍"), fc.constant("Nguye\u0302\u0303n"), fc.constant(""), fc.integer(), fc.constant(null), fc.boolean());
    const keys = ["categoryCode", "honorific", "familyName", "givenName", "position", "organisation", "provinceCode", "ministryCode", "email", "phone", "notes", "answers", "consent", "locale"] as const;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...keys), field, async (key, value) => {
      const input = { ...delegate(), [key]: value } as RegistrationInput;
      try {
        const v = await registerDelegate(anon(), input);
        expect(["confirmed", "pending", "waitlisted"]).toContain(v.status);
        expect(v.familyName.normalize("NFC")).toBe(v.familyName);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).status).toBeGreaterThanOrEqual(400);
        expect((e as DomainError).status).toBeLessThan(500);
      }
    }), { numRuns: driver === "pglite" ? 60 : 30 });
  });
});

describe.each(SERVER_DRIVERS)("registration races on %s", (driver) => {
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

  it("50 parallel registrations for 10 places → exactly 10 confirmed and 40 waitlisted; a cancel promotes exactly the first waitlisted", async () => {
    await updateCategory(ctxFor(t.db, as.organiser), "chu-the-ocop", { capacity: 10 });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => registerDelegate(ctxFor(t.db, { kind: "anonymous" }), delegate())));
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(failed.map((f) => String(f.reason))).toEqual([]);
    const [cat] = await t.db.select().from(delegateCategories).where(eq(delegateCategories.code, "chu-the-ocop"));
    const rows = await t.db.select().from(registrations).where(eq(registrations.categoryId, cat!.id)).orderBy(asc(registrations.createdAt), asc(registrations.id));
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(10);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(40);
    const firstWaitlisted = rows.find((r) => r.status === "waitlisted")!;
    const victim = rows.find((r) => r.status === "confirmed")!;
    await cancelRegistration(ctxFor(t.db, as.organiser), victim.id);
    const after = await t.db.select().from(registrations).where(eq(registrations.categoryId, cat!.id));
    expect(after.filter((r) => r.status === "confirmed")).toHaveLength(10);
    expect(after.filter((r) => r.status === "waitlisted")).toHaveLength(39);
    expect(after.find((r) => r.id === firstWaitlisted.id)!.status).toBe("confirmed");
  });

  it("10 parallel cancels of confirmed delegates promote exactly 10 waitlisted, in order, without deadlock", async () => {
    const [cat] = await t.db.select().from(delegateCategories).where(eq(delegateCategories.code, "chu-the-ocop"));
    const before = await t.db.select().from(registrations).where(eq(registrations.categoryId, cat!.id)).orderBy(asc(registrations.createdAt), asc(registrations.id));
    const confirmed = before.filter((r) => r.status === "confirmed");
    const nextTen = before.filter((r) => r.status === "waitlisted").slice(0, 10).map((r) => r.id).sort();
    await Promise.all(confirmed.map((r) => cancelRegistration(ctxFor(t.db, as.organiser), r.id)));
    const after = await t.db.select().from(registrations).where(eq(registrations.categoryId, cat!.id));
    const nowConfirmed = after.filter((r) => r.status === "confirmed").map((r) => r.id).sort();
    expect(nowConfirmed).toEqual(nextTen);
    expect(after.filter((r) => r.status === "waitlisted")).toHaveLength(29);
  });

  it("one registration wins when 20 race with the same email", async () => {
    const d = delegate({ categoryCode: "bao-chi", answers: { press_card: "X" } });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => registerDelegate(ctxFor(t.db, { kind: "anonymous" }), d)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]).every((r) => r.reason instanceof ConflictError)).toBe(true);
  });
});

describe.each(SERVER_DRIVERS)("registration's category cache on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    clearEventKeyCache();
    t = await createTestDatabase(driver, { seeded: true });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("follows the category as it stands when it changed behind the few-second cache (approval turned on)", async () => {
    await registerDelegate(ctxFor(t.db, { kind: "anonymous" }), delegate()); // caches the category
    const [cat] = await t.db.select().from(delegateCategories).where(eq(delegateCategories.code, "chu-the-ocop"));
    await t.db.update(delegateCategories).set({ requiresApproval: true }).where(eq(delegateCategories.id, cat!.id));
    try {
      const v = await registerDelegate(ctxFor(t.db, { kind: "anonymous" }), delegate());
      expect(v.status).toBe("pending");
      const [row] = await t.db.select().from(registrations).where(eq(registrations.id, v.id));
      expect(row!.status).toBe("pending");
      expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, "registration.created"), eq(auditLog.entityId, String(v.id))))).toHaveLength(1);
      expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, row!.email!))).toHaveLength(1);
    } finally {
      await t.db.update(delegateCategories).set({ requiresApproval: false }).where(eq(delegateCategories.id, cat!.id));
    }
  });
});
