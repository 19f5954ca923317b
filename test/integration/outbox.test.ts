import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, jobs } from "@/db/schema";
import { JobWorker } from "@/lib/jobs/worker";
import { EMAIL_JOB, queueEmail } from "@/lib/mail/outbox";
import { makeSendEmailHandler } from "@/lib/mail/send-job";
import { mailTransport } from "@/lib/mail/transport";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../helpers/databases";
import { startSmtp } from "../helpers/smtp";

async function waitForStatus(t: TestDatabase, id: number, statuses: string[], timeoutMs = 15_000) {
  const start = Date.now();
  for (;;) {
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    if (row && statuses.includes(row.status)) return row;
    if (Date.now() - start > timeoutMs) throw new Error(`outbox ${id} stayed ${row?.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(DRIVERS)("email outbox on %s", (driver) => {
  let t: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { seeded: true });
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.drop();
  });

  it("writes the message and its job in the caller's transaction, and nothing when it rolls back", async () => {
    const { outboxId, jobId } = await t.db.transaction((tx) => queueEmail(tx, { to: "Ong.A@Example.vn", toName: "Ông A", locale: "vi", template: "test-message", props: { name: "Ông Nguyễn Văn A" } }));
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row).toMatchObject({ toAddress: "ong.a@example.vn", status: "queued", html: null, jobId });
    const [job] = await t.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(job).toMatchObject({ kind: EMAIL_JOB, status: "queued", payload: { outboxId } });

    const before = await t.db.$count(emailOutbox);
    await expect(t.db.transaction(async (tx) => {
      await queueEmail(tx, { to: "b@example.vn", locale: "vi", template: "test-message", props: { name: "B" } });
      throw new Error("rollback");
    })).rejects.toThrow("rollback");
    expect(await t.db.$count(emailOutbox)).toBe(before);
  });

  it("refuses props that do not fit the template", async () => {
    await expect(queueEmail(t.db, { to: "c@example.vn", locale: "vi", template: "test-message", props: { name: "" } })).rejects.toThrow();
  });

  it("without SMTP, renders the message into the outbox (the outbox is the mailbox)", async () => {
    const worker = new JobWorker({ db: t.db, handlers: { [EMAIL_JOB]: makeSendEmailHandler(() => null) }, pollMs: 20 });
    worker.start();
    const { outboxId } = await queueEmail(t.db, { to: "tuyet@example.vn", locale: "vi", template: "test-message", props: { name: "Bà Nguyễn Thị Ánh Tuyết" } });
    const row = await waitForStatus(t, outboxId, ["stored", "failed"]);
    await worker.stop();
    expect(row.status).toBe("stored");
    expect(row.subject).toBe("Thư thử nghiệm từ hệ thống Hội nghị OCOP");
    expect(row.html).toContain("Bà Nguyễn Thị Ánh Tuyết");
    expect(row.html).toContain("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN");
    expect(row.html).toMatch(/<html[^>]*lang="vi"/);
    expect(row.text).toContain("Kính gửi Bà Nguyễn Thị Ánh Tuyết,");
  });

  it("renders in the recipient's language", async () => {
    const worker = new JobWorker({ db: t.db, handlers: { [EMAIL_JOB]: makeSendEmailHandler(() => null) }, pollMs: 20 });
    worker.start();
    const { outboxId } = await queueEmail(t.db, { to: "guest@example.org", locale: "en", template: "test-message", props: { name: "Ms Jane Doe" } });
    const row = await waitForStatus(t, outboxId, ["stored", "failed"]);
    await worker.stop();
    expect(row.subject).toBe("Test message from the OCOP Conference system");
    expect(row.text).toContain("Dear Ms Jane Doe,");
  });

  it("delivers over SMTP with attachments, retrying after a temporary failure", async () => {
    const transport = mailTransport({ SMTP_URL: smtp.url });
    const worker = new JobWorker({ db: t.db, handlers: { [EMAIL_JOB]: makeSendEmailHandler(() => transport) }, pollMs: 20, baseBackoffMs: 50 });
    smtp.failNext(1);
    worker.start();
    const png = Buffer.from("89504e470d0a1a0a", "hex");
    const { outboxId } = await queueEmail(t.db, {
      to: "delegate@example.vn", toName: "Ông Trần Văn Đức", locale: "vi", template: "test-message", props: { name: "Ông Trần Văn Đức" },
      attachments: [{ filename: "qr.png", contentType: "image/png", cid: "badge-qr", contentBase64: png.toString("base64") }],
    });
    const row = await waitForStatus(t, outboxId, ["sent", "failed"]);
    await worker.stop();
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(2);
    expect(row.messageId).toBeTruthy();
    const mail = smtp.received.find((m) => m.to.includes("delegate@example.vn"));
    expect(mail).toBeDefined();
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.subject).toBe("Thư thử nghiệm từ hệ thống Hội nghị OCOP");
    expect(parsed.html || "").toContain("Ông Trần Văn Đức");
    expect(parsed.attachments[0]).toMatchObject({ contentType: "image/png", cid: "badge-qr" });
  });
});
