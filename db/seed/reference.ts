import { and, eq, sql } from "drizzle-orm";
import { DEFAULT_AGENDA, loadEventConfig, type EventConfig } from "@/lib/event/defaults";
import { searchKey } from "@/lib/text/normalize";
import type { Db, DbOrTx } from "../client";
import {
  agencies, agendaItems, categoryCheckpoints, checkpoints, commendationForms, delegateCategories, events,
  ocopCriteriaVersions, ocopGroups, ocopSectors, ocopStarLevels, provinces, regions,
} from "../schema";
import provincesFile from "./data/provinces-2020.json";
import taxonomyFile from "./data/ocop-taxonomy-2019.json";
import { AGENCIES, CATEGORIES, CHECKPOINTS, COMMENDATION_FORMS } from "./reference-data";

export type SeedReport = { eventId: number; eventCreated: boolean };

/** Reference truth from the data files: upserted, so corrections in the files reach every database. */
async function seedNationalReference(tx: DbOrTx) {
  const regionRows = Object.entries(provincesFile.regions).map(([code, r]) => ({ code, nameVi: r.vi, nameEn: r.en }));
  await tx.insert(regions).values(regionRows).onConflictDoUpdate({
    target: regions.code,
    set: { nameVi: sql`excluded.name_vi`, nameEn: sql`excluded.name_en` },
  });
  await tx.insert(provinces).values(provincesFile.provinces.map((p) => ({
    code: p.code, name: p.name, fullName: p.fullName, type: p.type, regionCode: p.region, searchKey: searchKey(p.name),
  }))).onConflictDoUpdate({
    target: provinces.code,
    set: { name: sql`excluded.name`, fullName: sql`excluded.full_name`, type: sql`excluded.type`, regionCode: sql`excluded.region_code`, searchKey: sql`excluded.search_key` },
  });
  await tx.insert(agencies).values(AGENCIES.map((a, i) => ({ ...a, sortOrder: i + 1, searchKey: searchKey(`${a.nameVi} ${a.shortNameVi}`) })))
    .onConflictDoUpdate({
      target: agencies.code,
      set: { kind: sql`excluded.kind`, nameVi: sql`excluded.name_vi`, nameEn: sql`excluded.name_en`, shortNameVi: sql`excluded.short_name_vi`, sortOrder: sql`excluded.sort_order`, searchKey: sql`excluded.search_key` },
    });

  const version = taxonomyFile.criteriaVersion;
  await tx.insert(ocopCriteriaVersions).values({
    code: version,
    titleVi: "Quyết định 1048/QĐ-TTg ngày 21/8/2019 (Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP)",
    certificateValidityMonths: taxonomyFile.certificateValidityMonths,
    scoring: taxonomyFile.scoring,
    subjectTypes: taxonomyFile.subjectTypes,
  }).onConflictDoUpdate({
    target: ocopCriteriaVersions.code,
    set: { titleVi: sql`excluded.title_vi`, certificateValidityMonths: sql`excluded.certificate_validity_months`, scoring: sql`excluded.scoring`, subjectTypes: sql`excluded.subject_types` },
  });
  await tx.insert(ocopSectors).values(taxonomyFile.sectors.map((s, i) => ({ criteriaVersion: version, code: s.code, nameVi: s.vi, nameEn: s.en, sortOrder: i + 1 })))
    .onConflictDoUpdate({ target: [ocopSectors.criteriaVersion, ocopSectors.code], set: { nameVi: sql`excluded.name_vi`, nameEn: sql`excluded.name_en`, sortOrder: sql`excluded.sort_order` } });
  const groupRows = taxonomyFile.sectors.flatMap((s) => s.groups.map((g) => ({ sectorCode: s.code, g })))
    .map(({ sectorCode, g }, i) => ({ criteriaVersion: version, code: g.code, sectorCode, nameVi: g.vi, nameEn: g.en, subgroups: g.subgroups, sortOrder: i + 1 }));
  await tx.insert(ocopGroups).values(groupRows).onConflictDoUpdate({
    target: [ocopGroups.criteriaVersion, ocopGroups.code],
    set: { sectorCode: sql`excluded.sector_code`, nameVi: sql`excluded.name_vi`, nameEn: sql`excluded.name_en`, subgroups: sql`excluded.subgroups`, sortOrder: sql`excluded.sort_order` },
  });
  const bands: Record<string, [number, number]> = { "5": [90, 100], "4": [70, 89], "3": [50, 69], "2": [30, 49], "1": [0, 29] };
  await tx.insert(ocopStarLevels).values(Object.entries(taxonomyFile.stars).map(([stars, description]) => ({
    criteriaVersion: version, stars: Number(stars), minScore: bands[stars]![0], maxScore: bands[stars]![1], descriptionVi: description,
  }))).onConflictDoUpdate({
    target: [ocopStarLevels.criteriaVersion, ocopStarLevels.stars],
    set: { minScore: sql`excluded.min_score`, maxScore: sql`excluded.max_score`, descriptionVi: sql`excluded.description_vi` },
  });
}

/**
 * The event and its configuration: inserted when missing, never overwritten, since organisers
 * edit them (times, checkpoints, categories, forms) after the first start.
 */
async function seedEvent(tx: DbOrTx, config: EventConfig): Promise<SeedReport> {
  const inserted = await tx.insert(events).values({
    code: config.code, nameVi: config.nameVi, nameEn: config.nameEn, venueVi: config.venueVi, venueEn: config.venueEn,
    addressVi: config.addressVi, city: config.city, timezone: config.timezone,
    exhibitionStartsAt: new Date(config.exhibitionStartsAt), exhibitionEndsAt: new Date(config.exhibitionEndsAt),
    ceremonyStartsAt: new Date(config.ceremonyStartsAt), ceremonyEndsAt: new Date(config.ceremonyEndsAt),
    conferenceStartsAt: new Date(config.conferenceStartsAt), conferenceEndsAt: new Date(config.conferenceEndsAt),
    isCurrent: false,
  }).onConflictDoNothing({ target: events.code }).returning({ id: events.id });
  const eventCreated = inserted.length > 0;
  const [event] = await tx.select().from(events).where(eq(events.code, config.code));
  if (!event) throw new Error(`event ${config.code} missing after seeding`);
  // The first event becomes the current one when none is.
  await tx.execute(sql`update ${events} set is_current = true where id = ${event.id} and not exists (select 1 from ${events} where is_current)`);

  const agendaCount = await tx.$count(agendaItems, eq(agendaItems.eventId, event.id));
  if (agendaCount === 0) {
    const starts = { exhibition: event.exhibitionStartsAt, ceremony: event.ceremonyStartsAt, conference: event.conferenceStartsAt };
    await tx.insert(agendaItems).values(DEFAULT_AGENDA.map((a, i) => ({
      eventId: event.id, part: a.part, startsAt: new Date(starts[a.part].getTime() + a.offsetMinutes * 60_000), titleVi: a.vi, titleEn: a.en, sortOrder: i + 1,
    }))).onConflictDoNothing();
  }

  await tx.insert(checkpoints).values(CHECKPOINTS.map((c) => ({ eventId: event.id, ...c }))).onConflictDoNothing();
  const cps = await tx.select({ id: checkpoints.id, code: checkpoints.code }).from(checkpoints).where(eq(checkpoints.eventId, event.id));
  const cpId = new Map(cps.map((c) => [c.code, c.id]));

  const newCategories = await tx.insert(delegateCategories).values(CATEGORIES.map((c, i) => ({
    eventId: event.id, code: c.code, nameVi: c.nameVi, nameEn: c.nameEn, registrationMode: c.registrationMode,
    portalUnitKind: c.portalUnitKind, requiresApproval: c.requiresApproval, badgeColour: c.badgeColour,
    badgeColourName: c.badgeColourName, questions: c.questions, sortOrder: i + 1,
  }))).onConflictDoNothing().returning({ id: delegateCategories.id, code: delegateCategories.code });
  const access = newCategories.flatMap((cat) => {
    const def = CATEGORIES.find((c) => c.code === cat.code)!;
    return def.checkpoints.map((code) => ({ eventId: event.id, categoryId: cat.id, checkpointId: cpId.get(code)! }));
  }).filter((r) => r.checkpointId !== undefined);
  if (access.length > 0) await tx.insert(categoryCheckpoints).values(access).onConflictDoNothing();

  await tx.insert(commendationForms).values(COMMENDATION_FORMS.map((f, i) => ({
    eventId: event.id, code: f.code, nameVi: f.nameVi, nameEn: f.nameEn, decidedByVi: f.decidedByVi, decidedByEn: f.decidedByEn,
    level: f.level, route: [...f.route], sortOrder: i + 1,
  }))).onConflictDoNothing();

  return { eventId: event.id, eventCreated };
}

/** Seeds every reference table; safe to run on every start and concurrently. */
export async function seedReference(db: Db, config: EventConfig = loadEventConfig()): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(2020121701)`);
    await seedNationalReference(tx);
    return seedEvent(tx, config);
  });
}

/** The current event's id. */
export async function currentEventId(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ id: events.id }).from(events).where(and(eq(events.isCurrent, true)));
  if (!row) throw new Error("no current event: the reference seed has not run");
  return row.id;
}
