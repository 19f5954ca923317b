import { sql, type SQL } from "drizzle-orm";
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
 * The common table expressions that write one message and its job, drawn once per row of `gate`
 * (a relation of the enclosing statement: the message is written only if the change was). They
 * define `mail_ids`, `mail_job` and `mail_out` (returning id, job_id).
 */
export function emailCtes<N extends TemplateName>(input: QueueEmailInput<N>, gate: SQL): SQL {
  const props = TEMPLATES[input.template].props.parse(input.props) as Record<string, unknown>;
  // The outbox id is drawn first so the job can name it and the message its job.
  return sql`
    mail_ids as (select nextval(pg_get_serial_sequence('email_outbox', 'id')) as oid from ${gate}),
    mail_job as (
      insert into ${jobs} (kind, payload, event_id, max_attempts)
      select ${EMAIL_JOB}, jsonb_build_object('outboxId', mail_ids.oid), ${input.eventId ?? null}::integer, 8 from mail_ids
      returning id
    ),
    mail_out as (
      insert into ${emailOutbox} (id, event_id, to_address, to_name, locale, template, props, attachments, job_id)
      overriding system value
      select mail_ids.oid, ${input.eventId ?? null}::integer, ${input.to.trim().toLowerCase()}, ${input.toName ?? null}, ${input.locale}, ${input.template},
        ${JSON.stringify(props)}::jsonb, ${JSON.stringify(input.attachments ?? [])}::jsonb, mail_job.id
      from mail_ids, mail_job
      returning id, job_id
    )`;
}

/**
 * Writes a message to the outbox and a job that renders and delivers it, in one round trip. Call it
 * in the transaction of the change the message reports; the request never waits for rendering or SMTP.
 */
export async function queueEmail<N extends TemplateName>(db: DbOrTx, input: QueueEmailInput<N>): Promise<{ outboxId: number; jobId: number }> {
  const res = await db.execute(sql`with one as (select 1), ${emailCtes(input, sql`one`)} select id, job_id from mail_out`);
  const row = (res as unknown as { rows: { id: string | number; job_id: string | number }[] }).rows[0]!;
  emailQueued();
  return { outboxId: Number(row.id), jobId: Number(row.job_id) };
}

/** Wakes the job workers shortly after a message was queued (by queueEmail or a statement using emailCtes). */
export function emailQueued(): void {
  setTimeout(wakeWorkers, 5).unref?.();
}

/**
 * Many messages and their jobs in one statement (bulk imports): the same rows queueEmail writes,
 * drawn from a JSON array. Call it in the transaction of the change.
 */
export async function queueEmails(db: DbOrTx, inputs: QueueEmailInput<TemplateName>[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const rows = inputs.map((input, idx) => ({
    idx, event_id: input.eventId ?? null, to_address: input.to.trim().toLowerCase(), to_name: input.toName ?? null, locale: input.locale, template: input.template,
    props: TEMPLATES[input.template].props.parse(input.props), attachments: input.attachments ?? [],
  }));
  const res = await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(idx integer, event_id integer, to_address text, to_name text, locale text, template text, props jsonb, attachments jsonb)
    ),
    ids as (select idx, nextval(pg_get_serial_sequence('email_outbox', 'id')) as oid from input),
    mail_job as (
      insert into ${jobs} (kind, payload, event_id, max_attempts)
      select ${EMAIL_JOB}, jsonb_build_object('outboxId', ids.oid), input.event_id, 8 from input join ids using (idx)
      returning id, (payload->>'outboxId')::bigint as oid
    ),
    mail_out as (
      insert into ${emailOutbox} (id, event_id, to_address, to_name, locale, template, props, attachments, job_id)
      overriding system value
      select ids.oid, input.event_id, input.to_address, input.to_name, input.locale, input.template, input.props, input.attachments, mail_job.id
      from input join ids using (idx) join mail_job on mail_job.oid = ids.oid
      returning id
    )
    select count(*)::int as n from mail_out`);
  emailQueued();
  return Number((res as unknown as { rows: { n: number }[] }).rows[0]!.n);
}
