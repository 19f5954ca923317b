import { expect, type Browser, type Page } from "@playwright/test";
import vi from "../../messages/vi";
import { openAs, signInByApi, testFailingOnProblems } from "../helpers/e2e";

/**
 * The delegation portal (/portal): a Quảng Ninh officer sees the places an organiser allotted,
 * adds a member (a field error first, then success), substitutes a member (the old badge is then
 * refused at the door) and cancels one; the delegation full shows it and hides "add". A Quảng Nam
 * officer never sees Quảng Ninh's members: not on the page, not in the CSV, not on a badge page.
 * On a 360 px phone the page does not scroll sideways. Fails on console errors, page errors and
 * CSP violations.
 */
const test = testFailingOnProblems();

const p = vi.portal;
const d = vi.delegate;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
const stamp = () => Date.now().toString(36);


/** Another signed-in user in their own browser context (its page.request carries the session cookie). */
async function session(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByApi(page, email);
  // A cheap page of the site, so page.url() gives the Origin that API writes must carry.
  await page.goto("/api/health");
  return page;
}

function origin(page: Page) {
  return { Origin: new URL(page.url()).origin };
}

async function setQuota(organiser: Page, quota: number | null) {
  const res = await organiser.request.put("/api/v1/delegations/province/22/quota", { headers: origin(organiser), data: { quota } });
  expect(res.status(), await res.text()).toBe(200);
}

async function figure(page: Page, id: string): Promise<number> {
  return Number((await page.getByTestId(id).textContent())?.trim());
}

/** Fills the person's fields of the delegate form (category and consent apart). */
async function fillPerson(page: Page, person: { honorific: "ong" | "ba"; family: string; given: string; email: string; phone: string }) {
  await page.getByRole("radio", { name: d.honorifics[person.honorific], exact: true }).check();
  await page.locator("#f-familyName").fill(person.family);
  await page.locator("#f-givenName").fill(person.given);
  await page.locator("#f-position").fill("Phó Giám đốc Sở");
  await page.locator("#f-organisation").fill("Sở NN&PTNT tỉnh Quảng Ninh");
  await page.locator("#f-email").fill(person.email);
  // The categories of the province portal ask whether a hotel room is needed (required).
  await page.getByRole("radiogroup", { name: /khách sạn/ }).getByRole("radio", { name: d.no, exact: true }).check();
  await page.getByRole("checkbox", { name: d.consent }).check();
  // Last: leaving a wrong phone shows its error at once, which moves the fields below it.
  await page.locator("#f-phone").fill(person.phone);
}

function row(page: Page, id: number) {
  return page.getByTestId("members").locator(`tr[data-registration-id="${id}"]`);
}

test.describe("cổng đoàn đại biểu / delegation portal", () => {
  test("cán bộ Quảng Ninh: suất, thêm đại biểu, thay người (thẻ cũ bị từ chối), huỷ", { tag: "@desktop" }, async ({ page, browser }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): changes shared data: once, on the desktop profile.
    const organiser = await session(browser, "bantochuc@ocop.example");

    await openAs(page, "quangninh@ocop.example", "/portal");
    await expect(page).toHaveURL("/portal");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.title);
    await expect(page.getByTestId("delegation-name")).toHaveText("Đoàn tỉnh Quảng Ninh");
    await expect(page.getByTestId("quota-total")).toHaveText(p.unlimited);

    // The organiser allots two places more than used.
    const used = await figure(page, "quota-used");
    await setQuota(organiser, used + 2);
    await page.reload();
    await expect(page.getByTestId("quota-total")).toHaveText(String(used + 2));
    await expect(page.getByTestId("quota-left")).toHaveText("2");

    // Add: a wrong phone is explained next to the field, in Vietnamese; fixed, the member is added.
    await page.getByRole("link", { name: p.add }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.addTitle);
    const categories = page.getByRole("radiogroup", { name: vi.register.chooseCategory }).getByRole("radio");
    await expect(categories).toHaveCount(2);
    await page.getByRole("radio", { name: /Sở NN&PTNT, VPĐP NTM tỉnh/ }).check();
    const id = stamp();
    await fillPerson(page, { honorific: "ba", family: "Nguyễn Thị Ánh", given: "Tuyết", email: `tuyet.${id}@qn.example`, phone: "12345" });
    const phone = page.locator("#f-phone");
    await phone.press("Enter");
    await expect(phone).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(vi.fields.phone)).toBeVisible();
    await expect(phone).toBeFocused();
    await phone.fill("0912 345 678");
    await page.getByRole("button", { name: p.addSubmit }).click();
    await expect(page).toHaveURL(/\/portal\?done=added&rid=\d+$/);
    await expect(page.locator("main").getByRole("status").filter({ hasText: fill(p.done.added, { name: "Bà Nguyễn Thị Ánh Tuyết" }) })).toBeVisible();
    const addedId = Number(new URL(page.url()).searchParams.get("rid"));
    await expect(row(page, addedId)).toContainText(d.statuses.confirmed);
    await expect(page.getByTestId("quota-left")).toHaveText("1");

    // Edit: the fields an officer may change, the email shown but fixed.
    await row(page, addedId).getByRole("link", { name: fill(p.editFor, { name: "Bà Nguyễn Thị Ánh Tuyết" }) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.editTitle);
    await expect(page.locator("#f-email")).toHaveCount(0);
    await page.locator("#f-position").fill("Giám đốc Sở");
    await page.getByRole("button", { name: p.editSubmit }).click();
    await expect(page.locator("main").getByRole("status").filter({ hasText: fill(p.done.updated, { name: "Bà Nguyễn Thị Ánh Tuyết" }) })).toBeVisible();
    await expect(row(page, addedId)).toContainText("Giám đốc Sở ·");

    // Substitute: the warning says the old badge stops working; the place is kept.
    const { code: oldCode } = (await (await page.request.get(`/api/v1/registrations/${addedId}/badge`)).json()) as { code: string };
    expect(oldCode).toMatch(/^\d{170}$/);
    await row(page, addedId).getByRole("link", { name: fill(p.substituteFor, { name: "Bà Nguyễn Thị Ánh Tuyết" }) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.substituteTitle);
    await expect(page.locator("#substitute-warning")).toContainText("thẻ cũ không còn vào cửa được");
    await fillPerson(page, { honorific: "ong", family: "Trần Văn", given: "Hùng", email: `hung.${id}@qn.example`, phone: "0987654321" });
    await page.getByRole("button", { name: p.substituteSubmit }).click();
    await expect(page).toHaveURL(/\/portal\?done=substituted&rid=\d+$/);
    const newId = Number(new URL(page.url()).searchParams.get("rid"));
    await expect(page.locator("main").getByRole("status").filter({ hasText: fill(p.done.substituted, { name: "Ông Trần Văn Hùng" }) })).toBeVisible();
    await expect(row(page, addedId)).toContainText(d.statuses.cancelled);
    await expect(row(page, newId)).toContainText(d.statuses.confirmed);
    await expect(page.getByTestId("quota-left")).toHaveText("1");

    // The old badge is refused at the door.
    const door = await session(browser, "checkin@ocop.example");
    const scan = await door.request.post("/api/v1/checkins", { headers: origin(door), data: { code: oldCode, checkpoint: "hoi-truong", device: "e2e-portal" } });
    expect(scan.status()).toBe(200);
    expect(((await scan.json()) as { result: string }).result).toBe("refused");
    await door.context().close();

    // The substitute's badge prints from the portal.
    await row(page, newId).getByRole("link", { name: fill(p.badgeFor, { name: "Ông Trần Văn Hùng" }) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.badgeTitle);
    await expect(page.getByTestId("badge-name")).toContainText("Trần Văn Hùng");
    await page.getByRole("link", { name: p.backToPortal }).click();

    // Cancel with confirmation: the place returns.
    await row(page, newId).getByRole("link", { name: fill(p.cancelFor, { name: "Ông Trần Văn Hùng" }) }).click();
    await expect(page.getByText(fill(p.cancelConfirm, { name: "Ông Trần Văn Hùng" }))).toBeVisible();
    await page.getByRole("button", { name: p.cancelButton }).click();
    await expect(page.locator("main").getByRole("status").filter({ hasText: fill(p.done.cancelled, { name: "Ông Trần Văn Hùng" }) })).toBeVisible();
    await expect(row(page, newId)).toContainText(d.statuses.cancelled);
    await expect(page.getByTestId("quota-left")).toHaveText("2");

    // Full: said so, and no way to add.
    await setQuota(organiser, used);
    await page.reload();
    await expect(page.getByTestId("quota-left")).toHaveText("0");
    await expect(page.getByText(fill(p.full, { quota: used }))).toBeVisible();
    await expect(page.getByRole("link", { name: p.add })).toHaveCount(0);
    await setQuota(organiser, null);

    // An organiser opens the unit's portal to act for it.
    await organiser.goto("/portal");
    await organiser.getByLabel(p.unit, { exact: true }).selectOption("province:22");
    await organiser.getByRole("button", { name: p.open }).click();
    await expect(organiser.getByTestId("delegation-name")).toHaveText("Đoàn tỉnh Quảng Ninh");
    await expect(organiser.getByText(fill(p.actingFor, { name: "Đoàn tỉnh Quảng Ninh" }))).toBeVisible();
    await expect(organiser.getByTestId("quota-total")).toHaveText(p.unlimited);
    await organiser.context().close();
  });

  test("cán bộ Quảng Nam không bao giờ thấy đại biểu Quảng Ninh (trang, CSV, thẻ)", { tag: "@desktop" }, async ({ page, browser }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): once, on the desktop profile.
    const organiser = await session(browser, "bantochuc@ocop.example");
    const list = await organiser.request.get("/api/v1/registrations?province=22&status=confirmed&pageSize=20");
    expect(list.status()).toBe(200);
    // Members without a personal email (allowed in a delegation) are checked by id only.
    const ninh = ((await list.json()) as { items: { id: number; email: string | null }[] }).items.map((m) => ({ id: m.id, email: m.email ?? `#${m.id}#` }));
    expect(ninh.length).toBeGreaterThan(0);
    await organiser.context().close();

    await openAs(page, "quangnam@ocop.example", "/portal");
    await expect(page.getByTestId("delegation-name")).toHaveText("Đoàn tỉnh Quảng Nam");
    const html = await page.content();
    for (const m of ninh) {
      await expect(page.locator(`tr[data-registration-id="${m.id}"]`)).toHaveCount(0);
      expect(html).not.toContain(m.email);
    }

    // The list as CSV: the officer's unit only, whatever the filter asks.
    await expect(page.getByTestId("export-csv")).toHaveAttribute("href", "/api/v1/registrations/export?format=csv");
    for (const url of ["/api/v1/registrations/export?format=csv", "/api/v1/registrations/export?format=csv&province=22"]) {
      const res = await page.request.get(url);
      expect(res.status()).toBe(200);
      const csv = await res.text();
      for (const m of ninh) expect(csv, url).not.toContain(m.email);
    }

    // The delegations' summary: their own row only (no count of Quảng Ninh's delegates).
    const summary = await page.request.get("/api/v1/delegations/export?format=csv");
    expect(summary.status()).toBe(200);
    expect(await summary.text()).not.toContain("Quảng Ninh");

    // Another unit's badge or edit page: refused.
    for (const path of [`/portal/badge/${ninh[0]!.id}`, `/portal/members/${ninh[0]!.id}/edit`, `/portal/members/${ninh[0]!.id}/substitute`]) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }
    const res = await page.goto(`/portal/badge/${ninh[0]!.id}`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.forbidden.title);
    expect((await page.request.get("/portal/badge/999999")).status()).toBe(404);
  });

  test("trên điện thoại 360 px: không cuộn ngang, dùng được bằng bàn phím", { tag: "@phone" }, async ({ page }) => {
    // Only in the phone project (tag @phone, playwright.config.ts): the phone profile.
    await openAs(page, "quangninh@ocop.example", "/portal");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expect(page.getByRole("link", { name: p.add })).toBeVisible();
    await page.getByRole("link", { name: p.add }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.addTitle);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
