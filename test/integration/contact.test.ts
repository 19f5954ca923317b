import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, generatedFiles, jobs, registrations, users } from "@/db/schema";
import { actorFromUser } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { getJob, getJobFile } from "@/lib/badges/print";
import type { UserActor } from "@/lib/context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { JobWorker } from "@/lib/jobs/worker";
import { EMAIL_JOB } from "@/lib/mail/outbox";
import { makeSendEmailHandler } from "@/lib/mail/send-job";
import { CONTACT_BADGES_JOB, contactBadgesState, getDelegationContact, makeContactBadgesHandler, sendContactBadges, setDelegationContact } from "@/lib/registration/contact";
import { addDelegationMember } from "@/lib/registration/delegation";
import { cancelRegistration, reissueBadge, updateRegistration } from "@/lib/registration/manage";
import { registerDelegate } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schemas";
import { substituteDelegate } from "@/lib/registration/substitute";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../helpers/databases";

process.env.AUTH_SECRET ??= "contact-test-secret-".padEnd(48, "x");

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: PdfJs;

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  let out = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    out += content.items.map((i) => ("str" in i ? i.str + (i.hasEOL ? "\n" : "") : "")).join("").normalize("NFC");
  }
  await doc.destroy();
  return out;
}

let n = 0;
const member = (over: Record<string, unknown> = {}) => ({
  categoryCode: "so-nnptnt", honorific: "ba", familyName: "Nguyễn Thị Ánh", givenName: "Tuyết", position: "Chuyên viên", organisation: "Văn phòng Điều phối NTM tỉnh",
  email: "", phone: "0912 000 111", answers: { needs_hotel: false }, consent: true, ...over,
});
const contact = { name: "Trần Văn Bình", position: "Chánh Văn phòng Sở", email: "VanPhong.Snn@QuangNinh.gov.vn", phone: "+84 912 345 678" };

describe.each(DRIVERS)("a delegation's contact person on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  let quangNam: UserActor;
  beforeAll(async () => {
    pdfjs ??= await import("pdfjs-dist/legacy/build/pdf.mjs");
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
    const [row] = await t.db.insert(users).values({ email: "quangnam@test.example", name: "Cán bộ Quảng Nam", role: "province_officer", provinceCode: "49", passwordHash: "x", searchKey: "can bo quang nam" }).returning();
    quangNam = actorFromUser(row!, "session");
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function runJobs(kind: string): Promise<void> {
    const worker = new JobWorker({ db: t.db, pollMs: 10, handlers: { [CONTACT_BADGES_JOB]: makeContactBadgesHandler(), [EMAIL_JOB]: makeSendEmailHandler(() => null) } });
    worker.start();
    const start = Date.now();
    for (;;) {
      const open = await t.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.kind, kind));
      const mails = await t.db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.status, "queued"));
      if (open.every((j) => j.status === "succeeded" || j.status === "failed") && mails.length === 0) break;
      if (Date.now() - start > 20_000) throw new Error("jobs did not finish");
      await new Promise((r) => setTimeout(r, 20));
    }
    await worker.stop();
  }

  it("lets members go without a personal email only inside a delegation, and sends them no email of their own", async () => {
    const officer = ctxFor(t.db, as.province_officer);
    const a = await addDelegationMember(officer, member({ email: "  " }) as never);
    expect(a).toMatchObject({ email: null, provinceCode: "22", status: "confirmed" });
    const b = await addDelegationMember(officer, member({ familyName: "Hoàng", givenName: "Đức", honorific: "ong", email: undefined }) as never);
    expect(b.email).toBeNull();
    // Two members without email do not collide on the one-email-per-event rule; no status email went anywhere for them.
    expect(await t.db.select().from(emailOutbox).where(isNull(emailOutbox.toAddress))).toHaveLength(0);
    // A public registration still needs an email.
    await expect(registerDelegate(ctxFor(t.db, { kind: "anonymous" }), { ...member({ categoryCode: "chu-the-ocop", provinceCode: "22" }), email: "" } as RegistrationInput))
      .rejects.toBeInstanceOf(ValidationError);
    // The database refuses a registration outside any delegation without an email.
    await expect(t.db.update(registrations).set({ provinceCode: null }).where(eq(registrations.id, a.id))).rejects.toThrow();
  });

  it("keeps the contact per unit: an officer sets and sees their own unit's only", async () => {
    const officer = ctxFor(t.db, as.province_officer);
    expect(await getDelegationContact(officer)).toBeNull();
    await expect(setDelegationContact(officer, { ...contact, email: "not-an-email" })).rejects.toBeInstanceOf(ValidationError);
    // The unit asked for is ignored for an officer: it is always their own.
    const saved = await setDelegationContact(officer, contact, { kind: "province", code: "49" });
    expect(saved).toMatchObject({ name: "Trần Văn Bình", email: "vanphong.snn@quangninh.gov.vn", phone: "0912345678" });
    expect(await getDelegationContact(ctxFor(t.db, quangNam), { kind: "province", code: "22" })).toBeNull();
    expect(await getDelegationContact(ctxFor(t.db, as.organiser), { kind: "province", code: "22" })).toMatchObject({ name: "Trần Văn Bình" });
    expect(await getDelegationContact(ctxFor(t.db, as.organiser), { kind: "province", code: "49" })).toBeNull();
    await expect(setDelegationContact(ctxFor(t.db, as.checkin_staff), contact, { kind: "province", code: "22" })).rejects.toMatchObject({ status: 403 });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "delegation.contact_set"))).toHaveLength(1);
  });

  it("sends the contact one email with one printable PDF and each QR code; other units cannot follow or download it", async () => {
    const officer = ctxFor(t.db, as.province_officer);
    await expect(sendContactBadges(ctxFor(t.db, quangNam))).rejects.toMatchObject({ code: "delegations.contact_missing" });
    await setDelegationContact(ctxFor(t.db, quangNam), { ...contact, email: "vp@quangnam.gov.vn" });
    // Quảng Nam has no member without email: Quảng Ninh's are never theirs to send.
    await expect(sendContactBadges(ctxFor(t.db, quangNam), { kind: "province", code: "22" })).rejects.toMatchObject({ code: "delegations.no_contact_badges" });
    const c = await addDelegationMember(officer, member({ familyName: "Lê", givenName: "Huế", email: null }) as never);
    await cancelRegistration(officer, c.id, {}); // cancelled: no badge
    const withEmail = await addDelegationMember(officer, member({ givenName: "Riêng", email: `rieng-${++n}@example.vn` }) as never);
    expect(await contactBadgesState(officer)).toMatchObject({ pending: 2, unsent: 2, last: null });

    const sent = await sendContactBadges(officer);
    expect(sent).toMatchObject({ count: 2, to: "vanphong.snn@quangninh.gov.vn" });
    await runJobs(CONTACT_BADGES_JOB);
    const job = await getJob(officer, sent.jobId);
    expect(job).toMatchObject({ status: "succeeded", downloadUrl: `/api/v1/jobs/${sent.jobId}/download` });
    await expect(getJob(ctxFor(t.db, quangNam), sent.jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getJobFile(ctxFor(t.db, quangNam), sent.jobId)).rejects.toBeInstanceOf(NotFoundError);

    const file = await getJobFile(officer, sent.jobId);
    const text = await pdfText(file.content);
    expect(text).toContain("Bà Nguyễn Thị Ánh Tuyết");
    expect(text).toContain("Ông Hoàng Đức");
    expect(text).toContain("Đoàn tỉnh Quảng Ninh");
    expect(text).not.toContain("Lê Huế");
    expect(text).not.toContain("Riêng");

    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "vanphong.snn@quangninh.gov.vn"));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.status).toBe("stored");
    expect(mail.subject).toBe("Thẻ đại biểu của Đoàn tỉnh Quảng Ninh (2 thẻ)");
    expect(mail.text).toContain("Kính gửi Trần Văn Bình,");
    expect(mail.text).toContain("Bà Nguyễn Thị Ánh Tuyết");
    const kinds = mail.attachments.map((a) => a.contentType).sort();
    expect(kinds).toEqual(["application/pdf", "image/png", "image/png"]);
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf")!;
    expect(Buffer.from(pdf.contentBase64, "base64").equals(file.content)).toBe(true);
    expect(await contactBadgesState(officer)).toMatchObject({ pending: 2, unsent: 0, last: { jobId: sent.jobId, status: "succeeded", count: 2 } });
    // A member added since, and a badge re-issued since (a new code): two not yet sent (a new sending carries all again).
    await addDelegationMember(officer, member({ givenName: "Mới", email: null }) as never);
    expect(await contactBadgesState(officer)).toMatchObject({ pending: 3, unsent: 1 });
    const [tuyet] = await t.db.select().from(registrations).where(and(eq(registrations.givenName, "Tuyết"), isNull(registrations.email), eq(registrations.status, "confirmed")));
    await reissueBadge(ctxFor(t.db, as.organiser), tuyet!.id);
    expect(await contactBadgesState(officer)).toMatchObject({ pending: 3, unsent: 2 });
    expect(await t.db.select().from(generatedFiles).where(and(eq(generatedFiles.jobId, sent.jobId)))).toHaveLength(1);
    expect(withEmail.email).toMatch(/^rieng-/);
  });

  it("keeps a member without email in a delegation and refuses the same person twice", async () => {
    const officer = ctxFor(t.db, as.province_officer);
    const m = await addDelegationMember(officer, member({ familyName: "Phan Văn", givenName: "Trùng", phone: "0987 654 321", email: null }) as never);
    // Same name (other case, no diacritics) and phone, no email: the same person.
    await expect(addDelegationMember(officer, member({ familyName: "PHAN VAN", givenName: "trung", phone: "+84987654321", email: null }) as never))
      .rejects.toMatchObject({ code: "delegations.duplicate_person" });
    // Another unit may have their own namesake.
    expect((await addDelegationMember(ctxFor(t.db, quangNam), member({ familyName: "Phan Văn", givenName: "Trùng", phone: "0987 654 321", email: null }) as never)).provinceCode).toBe("49");
    // An organiser cannot take them out of every delegation: nobody would receive the badge.
    await expect(updateRegistration(ctxFor(t.db, as.organiser), m.id, { provinceCode: null })).rejects.toBeInstanceOf(ValidationError);
    expect((await updateRegistration(ctxFor(t.db, as.organiser), m.id, { provinceCode: null, ministryCode: "bct" })).ministryCode).toBe("bct");
  });

  it("lets a substitute without a personal email take a delegation member's place", async () => {
    const officer = ctxFor(t.db, as.province_officer);
    const old = await addDelegationMember(officer, member({ givenName: "Cũ", email: `cu-${++n}@example.vn` }) as never);
    const { categoryCode: _c, ...person } = member({ givenName: "Thay" });
    const { substitute } = await substituteDelegate(officer, old.id, { ...person, email: "" } as never);
    expect(substitute).toMatchObject({ email: null, provinceCode: "22", status: "confirmed" });
  });
});
