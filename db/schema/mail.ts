import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { events } from "./event";
import { jobs } from "./jobs";

export type OutboxAttachment = { filename: string; contentType: string; cid?: string; contentBase64: string };
export const OUTBOX_STATUSES = ["queued", "sent", "stored", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Every message is written here first. With SMTP it is delivered and marked `sent`;
 * without SMTP the outbox is the mailbox and the message is `stored` once rendered.
 */
export const emailOutbox = pgTable("email_outbox", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").references(() => events.id, { onDelete: "cascade" }),
  toAddress: text("to_address").notNull(),
  toName: text("to_name"),
  locale: text("locale").notNull().default("vi"),
  template: text("template").notNull(),
  props: jsonb("props").$type<Record<string, unknown>>().notNull().default({}),
  subject: text("subject"),
  html: text("html"),
  text: text("text"),
  attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
  status: text("status").$type<OutboxStatus>().notNull().default("queued"),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  messageId: text("message_id"),
  jobId: bigint("job_id", { mode: "number" }).references(() => jobs.id, { onDelete: "set null" }),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index("email_outbox_status_idx").on(t.status, t.createdAt),
  index("email_outbox_to_idx").on(t.toAddress),
  check("email_outbox_status_check", sql`${t.status} in ('queued', 'sent', 'stored', 'failed')`),
  check("email_outbox_locale_check", sql`${t.locale} in ('vi', 'en')`),
]);
