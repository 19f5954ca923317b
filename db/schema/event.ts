import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

/**
 * One conference edition. The app serves the current one, but provinces may hold their own
 * summary conferences and the programme repeats, so every event-scoped row carries event_id.
 */
export const events = pgTable("events", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  code: text("code").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  venueVi: text("venue_vi").notNull(),
  venueEn: text("venue_en").notNull(),
  addressVi: text("address_vi").notNull(),
  city: text("city").notNull(),
  timezone: text("timezone").notNull().default("Asia/Ho_Chi_Minh"),
  exhibitionStartsAt: timestamp("exhibition_starts_at", { withTimezone: true }).notNull(),
  exhibitionEndsAt: timestamp("exhibition_ends_at", { withTimezone: true }).notNull(),
  ceremonyStartsAt: timestamp("ceremony_starts_at", { withTimezone: true }).notNull(),
  ceremonyEndsAt: timestamp("ceremony_ends_at", { withTimezone: true }).notNull(),
  conferenceStartsAt: timestamp("conference_starts_at", { withTimezone: true }).notNull(),
  conferenceEndsAt: timestamp("conference_ends_at", { withTimezone: true }).notNull(),
  isCurrent: boolean("is_current").notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("events_code_key").on(t.code),
  // At most one current event.
  uniqueIndex("events_one_current_key").on(t.isCurrent).where(sql`${t.isCurrent}`),
  check("events_ceremony_order_check", sql`${t.ceremonyStartsAt} < ${t.ceremonyEndsAt}`),
  check("events_conference_order_check", sql`${t.conferenceStartsAt} < ${t.conferenceEndsAt}`),
  check("events_exhibition_order_check", sql`${t.exhibitionStartsAt} < ${t.exhibitionEndsAt}`),
]);

/** The programme of the event (agenda items of the ceremony and the conference day). */
export const agendaItems = pgTable("agenda_items", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  part: text("part").notNull(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  titleVi: text("title_vi").notNull(),
  titleEn: text("title_en").notNull(),
  sortOrder: integer("sort_order").notNull(),
}, (t) => [
  uniqueIndex("agenda_items_event_order_key").on(t.eventId, t.part, t.sortOrder),
  check("agenda_items_part_check", sql`${t.part} in ('exhibition', 'ceremony', 'conference')`),
]);

/** Doors where badges are scanned: trien-lam, le-ton-vinh, hoi-truong. */
export const checkpoints = pgTable("checkpoints", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  code: text("code").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  part: text("part").notNull(),
  allowReentry: boolean("allow_reentry").notNull().default(true),
  sortOrder: integer("sort_order").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("checkpoints_event_code_key").on(t.eventId, t.code),
  check("checkpoints_part_check", sql`${t.part} in ('exhibition', 'ceremony', 'conference')`),
]);

/** Optional opening windows of a checkpoint; none means open whenever staff scan. */
export const checkpointWindows = pgTable("checkpoint_windows", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  checkpointId: integer("checkpoint_id").notNull().references(() => checkpoints.id, { onDelete: "cascade" }),
  opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
  closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
}, (t) => [
  index("checkpoint_windows_checkpoint_idx").on(t.checkpointId),
  check("checkpoint_windows_order_check", sql`${t.opensAt} < ${t.closesAt}`),
]);

export type CategoryQuestion = {
  key: string;
  type: "text" | "choice" | "yesno" | "date";
  labelVi: string;
  labelEn: string;
  required: boolean;
  options?: { value: string; labelVi: string; labelEn: string }[];
};

/** Delegate categories (DOMAIN.md defaults; organisers may change every field). */
export const delegateCategories = pgTable("delegate_categories", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  code: text("code").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  registrationMode: text("registration_mode").notNull(),
  portalUnitKind: text("portal_unit_kind"),
  requiresApproval: boolean("requires_approval").notNull().default(false),
  capacity: integer("capacity"),
  badgeColour: text("badge_colour").notNull(),
  badgeColourName: text("badge_colour_name").notNull(),
  questions: jsonb("questions").$type<CategoryQuestion[]>().notNull().default([]),
  sortOrder: integer("sort_order").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("delegate_categories_event_code_key").on(t.eventId, t.code),
  check("delegate_categories_mode_check", sql`${t.registrationMode} in ('public', 'invitation', 'portal')`),
  check("delegate_categories_unit_check", sql`(${t.registrationMode} = 'portal') = (${t.portalUnitKind} is not null) and (${t.portalUnitKind} is null or ${t.portalUnitKind} in ('province', 'ministry'))`),
  check("delegate_categories_capacity_check", sql`${t.capacity} is null or ${t.capacity} >= 0`),
  check("delegate_categories_colour_check", sql`${t.badgeColour} ~ '^#[0-9a-f]{6}$'`),
]);

/** Which checkpoints a category may enter. */
export const categoryCheckpoints = pgTable("category_checkpoints", {
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  categoryId: integer("category_id").notNull().references(() => delegateCategories.id, { onDelete: "cascade" }),
  checkpointId: integer("checkpoint_id").notNull().references(() => checkpoints.id, { onDelete: "cascade" }),
}, (t) => [primaryKey({ columns: [t.categoryId, t.checkpointId] })]);

/** Forms of commendation with the deciding authority and the route a dossier travels. */
export const commendationForms = pgTable("commendation_forms", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  eventId: integer("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  code: text("code").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  decidedByVi: text("decided_by_vi").notNull(),
  decidedByEn: text("decided_by_en").notNull(),
  route: jsonb("route").$type<string[]>().notNull(),
  level: text("level").notNull(),
  sortOrder: integer("sort_order").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("commendation_forms_event_code_key").on(t.eventId, t.code),
  check("commendation_forms_level_check", sql`${t.level} in ('state', 'government', 'ministry', 'province')`),
]);
