import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, type OutboxAttachment } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { enqueueJob } from "@/lib/jobs/queue";
import { TEMPLATES, type TemplateName, type TemplateProps } from "./templates";

export const EMAIL_JOB = "email.send";

export type QueueEmailInput<N extends TemplateName> = {
  to: string;
  toName?: string;
  locale: Locale;
  template: N;
  props: TemplateProps<N>;
  eventId?: number | null;
  attachments?: OutboxAttachment[];
};

/**
 * Writes a message to the outbox and a job that renders and delivers it. Call it in the transaction
 * of the change the message reports; the request never waits for rendering or SMTP.
 */
export async function queueEmail<N extends TemplateName>(db: DbOrTx, input: QueueEmailInput<N>): Promise<{ outboxId: number; jobId: number }> {
  const props = TEMPLATES[input.template].props.parse(input.props) as Record<string, unknown>;
  const [row] = await db.insert(emailOutbox).values({
    eventId: input.eventId ?? null,
    toAddress: input.to.trim().toLowerCase(),
    toName: input.toName ?? null,
    locale: input.locale,
    template: input.template,
    props,
    attachments: input.attachments ?? [],
  }).returning({ id: emailOutbox.id });
  const job = await enqueueJob(db, { kind: EMAIL_JOB, payload: { outboxId: row!.id }, eventId: input.eventId ?? null, maxAttempts: 8 });
  await db.update(emailOutbox).set({ jobId: job.id }).where(eq(emailOutbox.id, row!.id));
  return { outboxId: row!.id, jobId: job.id };
}
