import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { events } from "./event";

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Database-backed job queue: claimed with FOR UPDATE SKIP LOCKED, retried with backoff. */
export const jobs = pgTable("jobs", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").references(() => events.id, { onDelete: "cascade" }),
  kind: text("kind").notNull(),
  payload: jsonb("payload").$type<unknown>().notNull().default({}),
  status: text("status").$type<JobStatus>().notNull().default("queued"),
  priority: smallint("priority").notNull().default(0),
  attempts: integer("attempts").notNull().default(0),
  maxAttempts: integer("max_attempts").notNull().default(5),
  runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
  lockedAt: timestamp("locked_at", { withTimezone: true }),
  lockedBy: text("locked_by"),
  progress: smallint("progress").notNull().default(0),
  result: jsonb("result").$type<unknown>(),
  lastError: text("last_error"),
  createdBy: text("created_by"),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index("jobs_claim_idx").on(t.runAt, t.priority, t.id).where(sql`${t.status} = 'queued'`),
  index("jobs_running_idx").on(t.lockedAt).where(sql`${t.status} = 'running'`),
  index("jobs_kind_created_idx").on(t.kind, t.createdAt),
  check("jobs_status_check", sql`${t.status} in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
  check("jobs_progress_check", sql`${t.progress} between 0 and 100`),
  check("jobs_attempts_check", sql`${t.attempts} >= 0 and ${t.maxAttempts} >= 1`),
]);
