import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, jobs, type OutboxAttachment } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { wakeWorkers } from "@/lib/jobs/queue";
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
  // One round trip: the outbox id is drawn first so the job can name it and the message its job.
  const res = await db.execute(sql`
    with ids as (select nextval(pg_get_serial_sequence('email_outbox', 'id')) as oid),
    j as (
      insert into ${jobs} (kind, payload, event_id, max_attempts)
      select ${EMAIL_JOB}, jsonb_build_object('outboxId', ids.oid), ${input.eventId ?? null}::integer, 8 from ids
      returning id
    ),
    o as (
      insert into ${emailOutbox} (id, event_id, to_address, to_name, locale, template, props, attachments, job_id)
      overriding system value
      select ids.oid, ${input.eventId ?? null}::integer, ${input.to.trim().toLowerCase()}, ${input.toName ?? null}, ${input.locale}, ${input.template},
        ${JSON.stringify(props)}::jsonb, ${JSON.stringify(input.attachments ?? [])}::jsonb, j.id
      from ids, j
      returning id, job_id
    )
    select id, job_id from o`);
  const row = (res as unknown as { rows: { id: string | number; job_id: string | number }[] }).rows[0]!;
  setTimeout(wakeWorkers, 5).unref?.();
  return { outboxId: Number(row.id), jobId: Number(row.job_id) };
}
