import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoAccounts } from "@/db/seed/demo-accounts";
import { seedDemoDelegates } from "@/db/seed/demo-delegates";
import { registrations, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";

describe("demo data", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite", { seeded: true });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("seeds the 12 demo accounts once, with password Demo@2020", async () => {
    expect(await seedDemoAccounts(t.db)).toBe(12);
    expect(await seedDemoAccounts(t.db)).toBe(0);
    const rows = await t.db.select().from(users);
    expect(rows.map((u) => u.email).sort()).toEqual([
      "admin@ocop.example", "angiang@ocop.example", "bantochuc@ocop.example", "bocongthuong@ocop.example", "checkin@ocop.example", "giamsat@ocop.example",
      "gianhang@ocop.example", "quangnam@ocop.example", "quangninh@ocop.example", "sankhau@ocop.example", "tdkt@ocop.example", "vpdp@ocop.example",
    ]);
    const qn = rows.find((u) => u.email === "quangninh@ocop.example")!;
    expect(qn).toMatchObject({ role: "province_officer", provinceCode: "22" });
    expect(rows.find((u) => u.email === "bocongthuong@ocop.example")).toMatchObject({ role: "ministry_officer", agencyCode: "bct" });
    expect(await verifyPassword("Demo@2020", qn.passwordHash)).toBe(true);
  });

  it("loads ~500 fictional delegates across categories, provinces and statuses, only into an empty database", async () => {
    const count = await seedDemoDelegates(t.db);
    expect(count).toBeGreaterThanOrEqual(450);
    expect(count).toBeLessThanOrEqual(550);
    expect(await seedDemoDelegates(t.db)).toBe(0);
    const stats = (await t.db.execute(sql`select count(distinct category_id)::int as cats, count(distinct province_code)::int as provs, count(distinct status)::int as statuses, bool_and(email like '%@demo.ocop.example') as fictional from ${registrations}`)) as unknown as { rows: { cats: number; provs: number; statuses: number; fictional: boolean }[] };
    expect(stats.rows[0]).toMatchObject({ cats: 10, fictional: true });
    expect(stats.rows[0]!.provs).toBeGreaterThanOrEqual(60);
    expect(stats.rows[0]!.statuses).toBeGreaterThanOrEqual(4);
    const names = await t.db.select({ f: registrations.familyName, g: registrations.givenName }).from(registrations).limit(50);
    expect(names.every((n) => n.f.normalize("NFC") === n.f && /\p{L}/u.test(n.g))).toBe(true);
  });
});
