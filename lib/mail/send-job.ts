import { eq } from "drizzle-orm";
import { z } from "zod";
import { emailOutbox } from "@/db/schema";
import { toLocale } from "@/lib/i18n";
import { PermanentJobError, type JobContext } from "@/lib/jobs/worker";
import { renderEmail } from "./render";
import { mailFrom, mailTransport, type MailTransport } from "./transport";

const payloadSchema = z.object({ outboxId: z.number().int().positive() });

/**
 * Renders an outbox message (once) and delivers it over SMTP, or, without SMTP, marks it `stored`:
 * the outbox is then the mailbox. A failure is recorded on the message and retried by the queue.
 */
export function makeSendEmailHandler(getTransport: () => MailTransport | null = () => mailTransport()) {
  return async function sendEmail({ db, job }: JobContext): Promise<unknown> {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError("invalid email job payload");
    const [msg] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, parsed.data.outboxId));
    if (!msg) throw new PermanentJobError(`outbox message ${parsed.data.outboxId} not found`);
    if (msg.status === "sent" || msg.status === "stored") return { outboxId: msg.id, status: msg.status, skipped: true };

    let { subject, html, text, attachments } = msg;
    if (subject === null || html === null || text === null) {
      try {
        const rendered = await renderEmail(msg.template, toLocale(msg.locale), msg.props, db);
        ({ subject, html, text } = rendered);
        attachments = [...attachments, ...rendered.attachments];
      } catch (e) {
        await db.update(emailOutbox).set({ status: "failed", attempts: msg.attempts + 1, lastError: `render: ${(e as Error).message}`, updatedAt: new Date() }).where(eq(emailOutbox.id, msg.id));
        throw new PermanentJobError(`render failed: ${(e as Error).message}`);
      }
      await db.update(emailOutbox).set({ subject, html, text, attachments, updatedAt: new Date() }).where(eq(emailOutbox.id, msg.id));
    }

    const transport = getTransport();
    if (!transport) {
      await db.update(emailOutbox).set({ status: "stored", attempts: msg.attempts + 1, lastError: null, updatedAt: new Date() }).where(eq(emailOutbox.id, msg.id));
      return { outboxId: msg.id, status: "stored" };
    }
    try {
      const info = await transport.send({
        from: mailFrom(),
        to: msg.toName ? `"${msg.toName.replace(/"/g, "'")}" <${msg.toAddress}>` : msg.toAddress,
        subject: subject!,
        html: html!,
        text: text!,
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, cid: a.cid, content: Buffer.from(a.contentBase64, "base64") })),
      });
      await db.update(emailOutbox).set({ status: "sent", attempts: msg.attempts + 1, messageId: info.messageId, sentAt: new Date(), lastError: null, updatedAt: new Date() }).where(eq(emailOutbox.id, msg.id));
      return { outboxId: msg.id, status: "sent", messageId: info.messageId };
    } catch (e) {
      const final = job.attempts >= job.maxAttempts;
      await db.update(emailOutbox).set({ status: final ? "failed" : "queued", attempts: msg.attempts + 1, lastError: (e as Error).message.slice(0, 2000), updatedAt: new Date() }).where(eq(emailOutbox.id, msg.id));
      throw e;
    }
  };
}
