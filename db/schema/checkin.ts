import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { checkpoints, events } from "./event";
import { registrations } from "./registration";

export const SCAN_RESULTS = ["admitted", "already_admitted", "refused", "invalid"] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/**
 * Every scan at a door, refusals and forged codes included: who, where, when, on which device,
 * and the answer given. A nonce (one per scan, chosen by the scanner) makes a replayed request
 * return the original answer instead of recording a second scan.
 */
export const checkinScans = pgTable("checkin_scans", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  checkpointId: integer("checkpoint_id").notNull().references(() => checkpoints.id, { onDelete: "cascade" }),
  registrationId: integer("registration_id").references(() => registrations.id, { onDelete: "set null" }),
  direction: text("direction").$type<"in" | "out">().notNull(),
  result: text("result").$type<ScanResult>().notNull(),
  reason: text("reason"),
  method: text("method").$type<"scan" | "manual">().notNull().default("scan"),
  nonce: text("nonce"),
  /** Badge serial read from the code (a re-issued badge's old serial is kept for the record). */
  serial: integer("serial"),
  scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  staffUserId: integer("staff_user_id").references(() => users.id, { onDelete: "set null" }),
  device: text("device"),
  /** For "already admitted": the first entry as it stood when this scan was answered. */
  firstAt: timestamp("first_at", { withTimezone: true }),
  firstByUserId: integer("first_by_user_id").references(() => users.id, { onDelete: "set null" }),
  firstDevice: text("first_device"),
  undoneAt: timestamp("undone_at", { withTimezone: true }),
  undoneByUserId: integer("undone_by_user_id").references(() => users.id, { onDelete: "set null" }),
}, (t) => [
  uniqueIndex("checkin_scans_event_nonce_key").on(t.eventId, t.nonce).where(sql`${t.nonce} is not null`),
  index("checkin_scans_event_id_idx").on(t.eventId, t.id),
  index("checkin_scans_registration_idx").on(t.registrationId),
  index("checkin_scans_event_undone_idx").on(t.eventId, t.undoneAt).where(sql`${t.undoneAt} is not null`),
  check("checkin_scans_direction_check", sql`${t.direction} in ('in', 'out')`),
  check("checkin_scans_result_check", sql`${t.result} in ('admitted', 'already_admitted', 'refused', 'invalid')`),
  check("checkin_scans_method_check", sql`${t.method} in ('scan', 'manual')`),
]);

/**
 * Who is (or was) inside each checkpoint. The primary key is the guarantee of one first entry per
 * badge and checkpoint; the row is updated under its lock by every later scan of that badge there.
 */
export const checkinPresence = pgTable("checkin_presence", {
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  registrationId: integer("registration_id").notNull().references(() => registrations.id, { onDelete: "cascade" }),
  checkpointId: integer("checkpoint_id").notNull().references(() => checkpoints.id, { onDelete: "cascade" }),
  firstScanId: bigint("first_scan_id", { mode: "number" }).notNull(),
  firstAt: timestamp("first_at", { withTimezone: true }).notNull(),
  firstByUserId: integer("first_by_user_id").references(() => users.id, { onDelete: "set null" }),
  firstDevice: text("first_device"),
  inside: boolean("inside").notNull(),
  entries: integer("entries").notNull(),
  exits: integer("exits").notNull(),
  lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
  /** The outcome of the latest scan applied to this row, returned by the upsert that applied it. */
  lastOutcome: text("last_outcome").notNull(),
}, (t) => [
  primaryKey({ columns: [t.registrationId, t.checkpointId] }),
  index("checkin_presence_event_checkpoint_idx").on(t.eventId, t.checkpointId, t.inside),
  check("checkin_presence_counts_check", sql`${t.entries} >= 1 and ${t.exits} >= 0 and ${t.exits} <= ${t.entries}`),
]);
