import { expect, test } from "@playwright/test";
import vi from "../../messages/vi";
import { openAs } from "../helpers/e2e";

/**
 * The organisers' console on /admin/registrations: the new filters (entry point, arrived, delegation)
 * and the bulk actions — an organiser filters the pending press registrations, selects all on the
 * page, approves them in one go, sees the counts, and the filtered list is then empty.
 */
// The whole file runs in the desktop project only (playwright.config.ts, DESKTOP_ONLY): staff screens: tested once, on the desktop profile.

const a = vi.adminRegistrations;


test("an organiser filters, selects all on the page and bulk-approves", async ({ page }) => {
  await openAs(page, "bantochuc@ocop.example", "/admin/registrations");
  await expect(page.getByRole("heading", { level: 1, name: a.title })).toBeVisible();

  // The new filters are there and travel in the URL (and to the export links).
  await page.getByLabel(a.checkpoint, { exact: true }).selectOption("hoi-truong");
  await page.getByLabel(a.arrived, { exact: true }).selectOption("no");
  await page.getByLabel(a.status, { exact: true }).selectOption("pending");
  await page.getByLabel(a.category, { exact: true }).selectOption("bao-chi");
  await page.getByRole("button", { name: vi.staff.filter, exact: true }).click();
  await expect(page).toHaveURL(/checkpoint=hoi-truong/);
  await expect(page).toHaveURL(/arrived=no/);
  await expect(page.getByTestId("export-csv")).toHaveAttribute("href", /checkpoint=hoi-truong/);
  const rows = page.locator("tbody tr[data-registration-id]");
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);

  await page.getByRole("checkbox", { name: a.bulkSelectAll }).check();
  await expect(page.locator('input[name="ids"]:checked')).toHaveCount(n);
  await page.getByLabel(a.bulkAction, { exact: true }).selectOption("approve");
  await page.getByRole("button", { name: a.bulkSubmit, exact: true }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText(a.bulkResult.replace("{done}", String(n)).replace("{failed}", "0"));
  await expect(page).toHaveURL(/status=pending/);
  await expect(page.getByText(a.emptyFiltered)).toBeVisible();

  // Door note, protocol rank and a move of category on two ticked rows.
  await page.goto("/admin/registrations?category=chu-the-ocop&status=confirmed");
  const ticked = page.locator("tbody tr[data-registration-id]").locator('input[name="ids"]');
  const ids = await page.locator("tbody tr[data-registration-id]").evaluateAll((trs) => trs.slice(0, 2).map((tr) => Number(tr.getAttribute("data-registration-id"))));
  const read = (id: number) => page.request.get(`/api/v1/registrations/${id}`).then((r) => r.json() as Promise<Record<string, unknown>>);
  const bulk = async (action: string, fill: () => Promise<unknown>, field: string, value: unknown) => {
    await ticked.nth(0).check();
    await ticked.nth(1).check();
    await page.getByLabel(a.bulkAction, { exact: true }).selectOption(action);
    await fill();
    await page.getByRole("button", { name: a.bulkSubmit, exact: true }).click();
    // The result line reads the same after each action: the change itself is what is waited for,
    // then the form's reset after the action (React resets a form once its action is done), so the
    // next action is not chosen in a form about to be cleared.
    for (const id of ids) await expect.poll(async () => (await read(id))[field]).toEqual(value);
    await expect(page.getByTestId("bulk-result")).toHaveText(a.bulkResult.replace("{done}", "2").replace("{failed}", "0"));
    await expect(ticked.nth(0)).not.toBeChecked();
    await expect(page.getByLabel(a.bulkAction, { exact: true })).toHaveValue("");
  };
  await bulk("door_note", () => page.getByLabel(a.bulkDoorNote, { exact: true }).fill("Lối khách VIP, cửa số 2"), "doorNote", "Lối khách VIP, cửa số 2");
  await bulk("protocol_rank", () => page.getByLabel(a.bulkProtocolRank, { exact: true }).fill("7"), "protocolRank", 7);
  await bulk("move", () => page.getByLabel(a.bulkCategory, { exact: true }).selectOption("khach-moi"), "categoryCode", "khach-moi");
  for (const id of ids) expect(await read(id)).toMatchObject({ doorNote: "Lối khách VIP, cửa số 2", protocolRank: 7, categoryCode: "khach-moi" });

  // Reject without the confirmation box is refused.
  await page.goto("/admin/registrations?category=bao-chi&status=confirmed");
  await page.locator('input[name="ids"]').first().check();
  await page.getByLabel(a.bulkAction, { exact: true }).selectOption("reject");
  await page.getByLabel(a.bulkReason, { exact: true }).fill("Thử");
  await page.getByRole("button", { name: a.bulkSubmit, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: a.bulkErrors.confirm })).toBeVisible();
});

test("an organiser sets and removes a ministry delegation's quota beside the provinces'", async ({ page }) => {
  const d = vi.adminDelegations;
  await openAs(page, "bantochuc@ocop.example", "/admin/delegations");
  await expect(page.getByRole("heading", { level: 1, name: d.title })).toBeVisible();
  await expect(page.getByTestId("delegations-provinces").locator('tr[data-unit="province:49"]')).toContainText("Quảng Nam");
  const csv = await page.request.get((await page.getByTestId("delegations-export-csv").getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain("Bộ Công Thương");
  const row = page.getByTestId("delegations-ministries").locator('tr[data-unit="ministry:bct"]');
  const name = (await row.getByRole("rowheader").textContent())!.trim();
  expect(name).toBe("Bộ Công Thương");
  const field = row.getByLabel(d.quotaFor.replace("{name}", name), { exact: true });

  // A wrong value: the error stays next to the field.
  await field.fill("-3");
  await row.getByRole("button", { name: d.saveFor.replace("{name}", name), exact: true }).click();
  await expect(row.getByText(d.quotaInvalid)).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");

  await field.fill("40");
  await row.getByRole("button", { name: d.saveFor.replace("{name}", name), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: d.saved.replace("{name}", name) })).toBeVisible();
  const used = Number(await row.locator("td").nth(0).textContent());
  await expect(row.locator("td").nth(1)).toHaveText(String(Math.max(0, 40 - used)));
  await expect(row.getByLabel(d.quotaFor.replace("{name}", name), { exact: true })).toHaveValue("40");

  await row.getByRole("button", { name: d.clearFor.replace("{name}", name), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: d.cleared.replace("{name}", name) })).toBeVisible();
  await expect(row.locator("td").nth(1)).toHaveText(d.noQuota);
});

test("an organiser reads the overview charts and a registration's history", async ({ page }) => {
  await openAs(page, "bantochuc@ocop.example", "/admin/registrations/overview");
  await expect(page.getByRole("heading", { level: 1, name: a.overviewTitle })).toBeVisible();
  const total = Number((await page.getByTestId("overview-total").textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(400); // the demo's ~500 delegates
  // The table behind the status chart adds up to the total.
  const status = page.getByTestId("chart-status");
  await status.locator("summary").click();
  const counts = await status.locator("tbody td:nth-child(2)").allTextContents();
  expect(counts.reduce((s, c) => s + Number(c), 0)).toBe(total);
  await expect(page.getByTestId("chart-province").locator("tbody tr").first()).toBeAttached();

  // A registration made now has its history (the demo's seeded delegates have none).
  const res = await page.request.post("/api/v1/registrations", {
    data: { categoryCode: "chu-the-ocop", honorific: "ba", familyName: "Vũ Thị", givenName: "Lịch Sử", position: "Giám đốc", organisation: "HTX Gốm Bát Tràng",
      provinceCode: "01", email: `lich-su-${Date.now()}@example.vn`, phone: "0912345678", answers: { needs_hotel: false }, consent: true },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: number };
  await page.goto(`/admin/registrations/${id}`);
  await expect(page.getByRole("heading", { level: 2, name: a.historyTitle })).toBeVisible();
  await expect(page.getByTestId("registration-history")).toContainText(a.historyActions["registration.created"]);
});
