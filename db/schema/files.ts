import { sql } from "drizzle-orm";
import { bigint, check, customType, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt } from "./columns";
import { events } from "./event";
import { jobs } from "./jobs";

/** Binary content; every driver hands back a Buffer or a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * Files the server makes for someone to download (batch badge PDFs): kept in Postgres so PGlite,
 * a Postgres server and Neon behave alike and every instance can serve them. Only the creator (or
 * jobs.read) may download one.
 */
export const generatedFiles = pgTable("generated_files", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").references(() => events.id, { onDelete: "cascade" }),
  jobId: bigint("job_id", { mode: "number" }).references(() => jobs.id, { onDelete: "cascade" }),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  kind: text("kind").notNull(),
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  createdAt: createdAt(),
}, (t) => [
  index("generated_files_job_idx").on(t.jobId),
  check("generated_files_size_check", sql`${t.byteSize} >= 0`),
]);
