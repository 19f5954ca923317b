import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

/** The six socio-economic regions (reference data, not event-scoped). */
export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
});

/** The 63 provinces of 2020 with their GSO codes ("01" … "96"). */
export const provinces = pgTable("provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  fullName: text("full_name").notNull(),
  type: text("type").notNull(),
  regionCode: text("region_code").notNull().references(() => regions.code),
  searchKey: text("search_key").notNull(),
});

/** Ministries and central agencies (SEED.md, Appendix III of the plan). */
export const agencies = pgTable("agencies", {
  code: text("code").primaryKey(),
  kind: text("kind").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  shortNameVi: text("short_name_vi").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  searchKey: text("search_key").notNull(),
}, (t) => [check("agencies_kind_check", sql`${t.kind} in ('ministry', 'agency')`)]);

/** OCOP criteria versions (1048/QĐ-TTg of 2019, later 781/2021 and 148/2023). */
export const ocopCriteriaVersions = pgTable("ocop_criteria_versions", {
  code: text("code").primaryKey(),
  titleVi: text("title_vi").notNull(),
  certificateValidityMonths: smallint("certificate_validity_months").notNull(),
  scoring: jsonb("scoring").$type<Record<string, string>>().notNull(),
  subjectTypes: jsonb("subject_types").$type<Record<string, string>>().notNull(),
});

export const ocopSectors = pgTable("ocop_sectors", {
  criteriaVersion: text("criteria_version").notNull().references(() => ocopCriteriaVersions.code),
  code: text("code").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull(),
}, (t) => [primaryKey({ columns: [t.criteriaVersion, t.code] })]);

export const ocopGroups = pgTable("ocop_groups", {
  criteriaVersion: text("criteria_version").notNull().references(() => ocopCriteriaVersions.code),
  code: text("code").notNull(),
  sectorCode: text("sector_code").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  subgroups: jsonb("subgroups").$type<string[]>().notNull(),
  sortOrder: integer("sort_order").notNull(),
}, (t) => [primaryKey({ columns: [t.criteriaVersion, t.code] })]);

export const ocopStarLevels = pgTable("ocop_star_levels", {
  criteriaVersion: text("criteria_version").notNull().references(() => ocopCriteriaVersions.code),
  stars: smallint("stars").notNull(),
  minScore: smallint("min_score").notNull(),
  maxScore: smallint("max_score").notNull(),
  descriptionVi: text("description_vi").notNull(),
}, (t) => [
  primaryKey({ columns: [t.criteriaVersion, t.stars] }),
  check("ocop_star_levels_stars_check", sql`${t.stars} between 1 and 5`),
]);
