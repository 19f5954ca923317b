import { sql } from "drizzle-orm";
import { bigint, check, index, inet, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { events } from "./event";
import { agencies, provinces } from "./reference";

export const ROLES = [
  "admin", "organiser", "booth_manager", "checkin_staff", "checkin_supervisor",
  "province_officer", "ministry_officer", "mard_reviewer", "emulation_board", "stage_manager",
] as const;
export type Role = (typeof ROLES)[number];

/** Staff accounts (delegates have none: they use a signed personal link). */
export const users = pgTable("users", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  role: text("role").$type<Role>().notNull(),
  provinceCode: text("province_code").references(() => provinces.code),
  agencyCode: text("agency_code").references(() => agencies.code),
  passwordHash: text("password_hash").notNull(),
  searchKey: text("search_key").notNull(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("users_email_key").on(t.email),
  index("users_search_idx").on(t.searchKey),
  check("users_role_check", sql`${t.role} in ('admin', 'organiser', 'booth_manager', 'checkin_staff', 'checkin_supervisor', 'province_officer', 'ministry_officer', 'mard_reviewer', 'emulation_board', 'stage_manager')`),
  check("users_scope_check", sql`(${t.role} = 'province_officer') = (${t.provinceCode} is not null) and (${t.role} = 'ministry_officer') = (${t.agencyCode} is not null)`),
  check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
]);

/** Failed sign-in counters per account and per client, in fixed one-minute windows. */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});

export const passwordResets = pgTable("password_resets", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("password_resets_token_key").on(t.tokenHash)]);

/** API bearer tokens: only a hash is stored; the token is shown once. */
export const apiTokens = pgTable("api_tokens", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull(),
  prefix: text("prefix").notNull(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)]);

/** Every write: who (user or token), what, when, the unit, before and after. Same transaction as the change. */
export const auditLog = pgTable("audit_log", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").references(() => events.id, { onDelete: "set null" }),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  actorKind: text("actor_kind").notNull(),
  actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
  actorTokenId: integer("actor_token_id").references(() => apiTokens.id, { onDelete: "set null" }),
  actorLabel: text("actor_label").notNull(),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id"),
  provinceCode: text("province_code"),
  agencyCode: text("agency_code"),
  before: jsonb("before").$type<unknown>(),
  after: jsonb("after").$type<unknown>(),
  requestId: text("request_id"),
  ip: inet("ip"),
}, (t) => [
  index("audit_log_at_idx").on(t.at),
  index("audit_log_actor_idx").on(t.actorUserId, t.at),
  index("audit_log_entity_idx").on(t.entityType, t.entityId),
  index("audit_log_action_idx").on(t.action, t.at),
  check("audit_log_actor_kind_check", sql`${t.actorKind} in ('user', 'token', 'system', 'anonymous')`),
]);
