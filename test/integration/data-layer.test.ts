import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/db/migrate";
import {
  agencies, agendaItems, categoryCheckpoints, checkpoints, commendationForms, delegateCategories, events,
  ocopGroups, ocopSectors, ocopStarLevels, provinces, regions,
} from "@/db/schema";
import { currentEventId, seedReference } from "@/db/seed/reference";
import { isStartupError } from "@/lib/server/startup-error";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../helpers/databases";

function rows(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

describe.each(DRIVERS)("data layer on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("reports its driver kind and answers a round trip", async () => {
    expect(t.kind).toBe(driver);
    const r = rows(await t.db.execute(sql`select 1 as one`));
    expect(Number(r[0]!.one)).toBe(1);
  });

  it("applies every migration on an empty database, then none on the second run", async () => {
    const first = await migrate(t.db);
    expect(first.applied).toBeGreaterThan(0);
    expect(first.applied).toBe(first.total);
    const second = await migrate(t.db);
    expect(second.applied).toBe(0);
    const tables = rows(await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`)).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(["events", "checkpoints", "provinces", "jobs", "email_outbox", "delegate_categories"]));
  });

  it("seeds the reference data, and seeding again changes nothing", async () => {
    const first = await seedReference(t.db);
    expect(first.eventCreated).toBe(true);
    const counts = async () => ({
      regions: await t.db.$count(regions),
      provinces: await t.db.$count(provinces),
      agencies: await t.db.$count(agencies),
      sectors: await t.db.$count(ocopSectors),
      groups: await t.db.$count(ocopGroups),
      stars: await t.db.$count(ocopStarLevels),
      events: await t.db.$count(events),
      checkpoints: await t.db.$count(checkpoints),
      categories: await t.db.$count(delegateCategories),
      access: await t.db.$count(categoryCheckpoints),
      forms: await t.db.$count(commendationForms),
      agenda: await t.db.$count(agendaItems),
    });
    const before = await counts();
    expect(before).toMatchObject({ regions: 6, provinces: 63, sectors: 6, groups: 16, stars: 5, events: 1, checkpoints: 3, categories: 10, forms: 4 });
    const second = await seedReference(t.db);
    expect(second.eventCreated).toBe(false);
    expect(second.eventId).toBe(first.eventId);
    expect(await counts()).toEqual(before);
  });

  it("has the 63 provinces with GSO codes and regions, and the five centrally-run cities", async () => {
    const qn = await t.db.select().from(provinces).where(eq(provinces.code, "22"));
    expect(qn[0]).toMatchObject({ name: "Quảng Ninh", regionCode: "DBSH" });
    const ag = await t.db.select().from(provinces).where(eq(provinces.code, "89"));
    expect(ag[0]).toMatchObject({ name: "An Giang", regionCode: "DBSCL", searchKey: "an giang" });
    const cities = await t.db.select({ code: provinces.code }).from(provinces).where(eq(provinces.type, "thanh_pho_truc_thuoc_tw")).orderBy(asc(provinces.code));
    expect(cities.map((c) => c.code)).toEqual(["01", "31", "48", "79", "92"]);
  });

  it("seeds the default event: ceremony the evening of 17/12/2020, conference 18/12/2020 in Hà Nội, three checkpoints", async () => {
    const eventId = await currentEventId(t.db);
    const [event] = await t.db.select().from(events).where(eq(events.id, eventId));
    expect(event!.city).toBe("Hà Nội");
    expect(event!.ceremonyStartsAt.toISOString()).toBe("2020-12-17T12:30:00.000Z"); // 19:30 in Hà Nội
    expect(event!.conferenceStartsAt.toISOString()).toBe("2020-12-18T01:00:00.000Z"); // 08:00 in Hà Nội
    const cps = await t.db.select().from(checkpoints).where(eq(checkpoints.eventId, eventId)).orderBy(asc(checkpoints.sortOrder));
    expect(cps.map((c) => c.code)).toEqual(["trien-lam", "le-ton-vinh", "hoi-truong"]);
    const windows = rows(await t.db.execute(sql`select count(*)::int as n from checkpoint_windows`));
    expect(Number(windows[0]!.n)).toBe(0);
  });

  it("gives each category the checkpoint access of DOMAIN.md", async () => {
    const access = rows(await t.db.execute(sql`
      select c.code as category, string_agg(cp.code, ',' order by cp.sort_order) as cps
      from delegate_categories c join category_checkpoints cc on cc.category_id = c.id join checkpoints cp on cp.id = cc.checkpoint_id
      group by c.code`));
    const map = Object.fromEntries(access.map((r) => [r.category, r.cps]));
    expect(map["so-nnptnt"]).toBe("trien-lam,hoi-truong");
    expect(map["chu-the-ocop"]).toBe("trien-lam,hoi-truong");
    expect(map["lanh-dao"]).toBe("trien-lam,le-ton-vinh,hoi-truong");
    expect(map["bao-chi"]).toBe("trien-lam,le-ton-vinh,hoi-truong");
    const [press] = await t.db.select().from(delegateCategories).where(eq(delegateCategories.code, "bao-chi"));
    expect(press).toMatchObject({ registrationMode: "public", requiresApproval: true, badgeColourName: "grey" });
    const [ministry] = await t.db.select().from(delegateCategories).where(eq(delegateCategories.code, "bo-nganh"));
    expect(ministry).toMatchObject({ registrationMode: "portal", portalUnitKind: "ministry" });
  });

  it("keeps organisers' edits when seeding again", async () => {
    const eventId = await currentEventId(t.db);
    const moved = new Date("2020-12-16T12:00:00.000Z");
    await t.db.update(events).set({ ceremonyStartsAt: moved }).where(eq(events.id, eventId));
    await t.db.update(delegateCategories).set({ capacity: 42 }).where(eq(delegateCategories.code, "chu-the-ocop"));
    const [pressCat] = await t.db.select().from(delegateCategories).where(eq(delegateCategories.code, "bao-chi"));
    await t.db.delete(categoryCheckpoints).where(eq(categoryCheckpoints.categoryId, pressCat!.id));
    await seedReference(t.db);
    const [event] = await t.db.select().from(events).where(eq(events.id, eventId));
    expect(event!.ceremonyStartsAt.toISOString()).toBe(moved.toISOString());
    const [cat] = await t.db.select().from(delegateCategories).where(eq(delegateCategories.code, "chu-the-ocop"));
    expect(cat!.capacity).toBe(42);
    expect(await t.db.$count(categoryCheckpoints, eq(categoryCheckpoints.categoryId, pressCat!.id))).toBe(0);
  });

  it("lists the ministries of the plan, with the Ministry of Industry and Trade as bct", async () => {
    const [bct] = await t.db.select().from(agencies).where(eq(agencies.code, "bct"));
    expect(bct!.nameVi).toBe("Bộ Công Thương");
    const all = await t.db.select({ code: agencies.code }).from(agencies);
    expect(all.map((a) => a.code)).toEqual(expect.arrayContaining(["bnnptnt", "btc", "bgtvt", "bkhcn", "byt", "bvhttdl", "btttt", "nhnn", "bng", "ban-tdkt-tw", "vpdp-ntm-tw"]));
  });

  it("rolls a failed transaction back entirely", async () => {
    const before = await t.db.$count(regions);
    await expect(t.db.transaction(async (tx) => {
      await tx.insert(regions).values({ code: "TMP", nameVi: "Tạm", nameEn: "Temp" });
      throw new Error("boom");
    })).rejects.toThrow("boom");
    expect(await t.db.$count(regions)).toBe(before);
  });

  it("refuses bad data with database constraints", async () => {
    const eventId = await currentEventId(t.db);
    await expect(t.db.insert(delegateCategories).values({
      eventId, code: "x", nameVi: "x", nameEn: "x", registrationMode: "portal", portalUnitKind: null, badgeColour: "#000000", badgeColourName: "black", sortOrder: 99,
    })).rejects.toThrow();
    await expect(t.db.insert(events).values({
      code: "bad-times", nameVi: "x", nameEn: "x", venueVi: "x", venueEn: "x", addressVi: "x", city: "x",
      exhibitionStartsAt: new Date(2), exhibitionEndsAt: new Date(1), ceremonyStartsAt: new Date(1), ceremonyEndsAt: new Date(2),
      conferenceStartsAt: new Date(1), conferenceEndsAt: new Date(2),
    })).rejects.toThrow();
  });

  it("stops with a clear sentence when the migration table is damaged", async () => {
    await t.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('not-a-hash', 1)`);
    const err = await migrate(t.db).catch((e: unknown) => e);
    expect(isStartupError(err)).toBe(true);
    expect((err as Error).message).toMatch(/drizzle\.__drizzle_migrations.*(hỏng|damaged)/s);
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'not-a-hash'`);
    await t.db.execute(sql`alter table drizzle.__drizzle_migrations drop column created_at`);
    const err2 = await migrate(t.db).catch((e: unknown) => e);
    expect(isStartupError(err2)).toBe(true);
    expect((err2 as Error).message).toContain("created_at");
  });
});
