import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, xid8 } from "./columns";
import { delegateCategories, events } from "./event";
import { agencies, provinces } from "./reference";

/** The event's Ed25519 badge-signing key. The private key never leaves the server. */
export const eventKeys = pgTable("event_keys", {
  eventId: integer("event_id").primaryKey().references(() => events.id, { onDelete: "cascade" }),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: createdAt(),
});

export const REGISTRATION_STATUSES = ["pending", "confirmed", "rejected", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const invitations = pgTable("invitations", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  categoryId: integer("category_id").notNull().references(() => delegateCategories.id),
  email: text("email").notNull(),
  honorific: text("honorific"),
  familyName: text("family_name"),
  givenName: text("given_name"),
  position: text("position"),
  organisation: text("organisation"),
  locale: text("locale").notNull().default("vi"),
  status: text("status").$type<"sent" | "accepted" | "revoked">().notNull().default("sent"),
  sentCount: integer("sent_count").notNull().default(1),
  createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("invitations_event_email_active_key").on(t.eventId, t.email).where(sql`${t.status} <> 'revoked'`),
  check("invitations_status_check", sql`${t.status} in ('sent', 'accepted', 'revoked')`),
]);

/** One delegate's registration for one event; its id is the badge id. */
export const registrations = pgTable("registrations", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  categoryId: integer("category_id").notNull().references(() => delegateCategories.id),
  status: text("status").$type<RegistrationStatus>().notNull(),
  source: text("source").$type<"public" | "invitation" | "portal" | "desk" | "import" | "demo">().notNull(),
  honorific: text("honorific").$type<"ong" | "ba">().notNull(),
  familyName: text("family_name").notNull(),
  givenName: text("given_name").notNull(),
  position: text("position").notNull(),
  organisation: text("organisation").notNull(),
  provinceCode: text("province_code").references(() => provinces.code),
  agencyCode: text("agency_code").references(() => agencies.code),
  /** Null only for a delegation member without a personal email: the delegation's contact receives the badge. */
  email: text("email"),
  phone: text("phone").notNull(),
  notes: text("notes"),
  answers: jsonb("answers").$type<Record<string, string | boolean>>().notNull().default({}),
  locale: text("locale").notNull().default("vi"),
  consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
  searchKey: text("search_key").notNull(),
  /** Vietnamese sort key: tên, then họ đệm (no ICU in PGlite). */
  sortKey: text("sort_key").notNull(),
  doorNote: text("door_note"),
  protocolRank: integer("protocol_rank"),
  badgeSerial: integer("badge_serial").notNull().default(1),
  badgeIssuedAt: timestamp("badge_issued_at", { withTimezone: true }).notNull().defaultNow(),
  rejectionReason: text("rejection_reason"),
  invitationId: integer("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  /** The transaction that last changed the row (set by a trigger): the offline roster's change cursor. */
  changedXid: xid8("changed_xid").notNull().default(sql`pg_current_xact_id()`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  // The same email once per event, among registrations still alive.
  uniqueIndex("registrations_event_email_active_key").on(t.eventId, t.email).where(sql`${t.status} not in ('cancelled', 'rejected')`),
  index("registrations_category_status_idx").on(t.eventId, t.categoryId, t.status, t.id),
  index("registrations_event_status_idx").on(t.eventId, t.status),
  index("registrations_province_idx").on(t.eventId, t.provinceCode),
  index("registrations_agency_idx").on(t.eventId, t.agencyCode),
  index("registrations_search_idx").on(t.eventId, t.searchKey),
  // Lists and exports sort by the Vietnamese sort key in the "C" collation (the same order on every server): this index serves that order.
  index("registrations_sort_c_idx").on(t.eventId, sql`(${t.sortKey} collate "C")`, t.id),
  index("registrations_changed_idx").on(t.eventId, t.changedXid),
  check("registrations_status_check", sql`${t.status} in ('pending', 'confirmed', 'rejected', 'waitlisted', 'cancelled')`),
  check("registrations_honorific_check", sql`${t.honorific} in ('ong', 'ba')`),
  check("registrations_unit_check", sql`${t.provinceCode} is null or ${t.agencyCode} is null`),
  check("registrations_serial_check", sql`${t.badgeSerial} between 1 and 9999`),
  check("registrations_email_check", sql`${t.email} is not null or ${t.provinceCode} is not null or ${t.agencyCode} is not null`),
]);

/**
 * How many places a province's or ministry's delegation has (set by organisers). Members who hold
 * a place are the unit's confirmed and pending registrations; the row is locked while one is added.
 */
export const delegationQuotas = pgTable("delegation_quotas", {
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  unitKind: text("unit_kind").$type<"province" | "ministry">().notNull(),
  unitCode: text("unit_code").notNull(),
  quota: integer("quota").notNull(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("delegation_quotas_unit_key").on(t.eventId, t.unitKind, t.unitCode),
  check("delegation_quotas_kind_check", sql`${t.unitKind} in ('province', 'ministry')`),
  check("delegation_quotas_quota_check", sql`${t.quota} >= 0`),
]);

/**
 * The person a province's or ministry's delegation names to receive what its members cannot: the
 * badges of members without a personal email, as one email and one printable PDF.
 */
export const delegationContacts = pgTable("delegation_contacts", {
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  unitKind: text("unit_kind").$type<"province" | "ministry">().notNull(),
  unitCode: text("unit_code").notNull(),
  name: text("name").notNull(),
  position: text("position"),
  email: text("email").notNull(),
  phone: text("phone").notNull(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("delegation_contacts_unit_key").on(t.eventId, t.unitKind, t.unitCode),
  check("delegation_contacts_kind_check", sql`${t.unitKind} in ('province', 'ministry')`),
  check("delegation_contacts_email_check", sql`${t.email} = lower(${t.email})`),
]);

/** Fixed-window request counters for public endpoints (per client and route). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});
