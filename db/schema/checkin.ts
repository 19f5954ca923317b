import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { xid8 } from "./columns";
import { checkpoints, events } from "./event";
import { registrations } from "./registration";

/**
 * A phone or tablet enrolled as a scanner (named, e.g. "Cửa hội trường 2"). It keeps the roster
 * offline; supervisors see its last sync and queue, and can revoke it (its next sync wipes it).
 */
export const checkinDevices = pgTable("checkin_devices", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
  name: text("name").notNull(),
  checkpointCode: text("checkpoint_code"),
  userAgent: text("user_agent"),
  enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull().defaultNow(),
  lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
  queueLength: integer("queue_length").notNull().default(0),
  battery: real("battery"),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  revokedByUserId: integer("revoked_by_user_id").references(() => users.id, { onDelete: "set null" }),
}, (t) => [
  index("checkin_devices_event_idx").on(t.eventId, t.enrolledAt),
  check("checkin_devices_battery_check", sql`${t.battery} is null or (${t.battery} >= 0 and ${t.battery} <= 1)`),
]);

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
  deviceId: uuid("device_id").references(() => checkinDevices.id, { onDelete: "set null" }),
  /** Decided on the device without the network, uploaded later; `localResult` is what the device showed. */
  offline: boolean("offline").notNull().default(false),
  localResult: text("local_result"),
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
  /** The transaction that last changed the row: the offline roster's change cursor. */
  changedXid: xid8("changed_xid").notNull().default(sql`pg_current_xact_id()`),
}, (t) => [
  primaryKey({ columns: [t.registrationId, t.checkpointId] }),
  index("checkin_presence_event_checkpoint_idx").on(t.eventId, t.checkpointId, t.inside),
  index("checkin_presence_changed_idx").on(t.checkpointId, t.changedXid),
  check("checkin_presence_counts_check", sql`${t.entries} >= 1 and ${t.exits} >= 0 and ${t.exits} <= ${t.entries}`),
]);

/**
 * Two devices admitted the same badge at the same door while offline: both scans are kept (one
 * entry counts); supervisors see the pair on the dashboard.
 */
export const checkinConflicts = pgTable("checkin_conflicts", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  registrationId: integer("registration_id").notNull().references(() => registrations.id, { onDelete: "cascade" }),
  checkpointId: integer("checkpoint_id").notNull().references(() => checkpoints.id, { onDelete: "cascade" }),
  /** The entry that counts (the earlier by scan time) and the other one. */
  keptScanId: bigint("kept_scan_id", { mode: "number" }).notNull().references(() => checkinScans.id, { onDelete: "cascade" }),
  otherScanId: bigint("other_scan_id", { mode: "number" }).notNull().references(() => checkinScans.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex("checkin_conflicts_pair_key").on(t.keptScanId, t.otherScanId),
  index("checkin_conflicts_event_idx").on(t.eventId, t.createdAt),
]);

/** Presence rows removed by an undo, so that offline rosters forget them too (cursor: changed_xid). */
export const checkinPresenceRemoved = pgTable("checkin_presence_removed", {
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  registrationId: integer("registration_id").notNull().references(() => registrations.id, { onDelete: "cascade" }),
  checkpointId: integer("checkpoint_id").notNull().references(() => checkpoints.id, { onDelete: "cascade" }),
  changedXid: xid8("changed_xid").notNull().default(sql`pg_current_xact_id()`),
}, (t) => [
  primaryKey({ columns: [t.registrationId, t.checkpointId] }),
  index("checkin_presence_removed_changed_idx").on(t.checkpointId, t.changedXid),
]);
