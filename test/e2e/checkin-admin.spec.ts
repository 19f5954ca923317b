import crypto from "node:crypto";
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import vi from "../../messages/vi";
import { decodePngQr } from "../helpers/qr";
import { openAs, testFailingOnProblems } from "../helpers/e2e";

/**
 * Check-in for organisers and supervisors: the live dashboard follows a scan made through the API
 * without reloading (tiles, recent scans, the VIPs present in protocol order), attendance per
 * delegation on screen and as CSV (BOM, Vietnamese) and XLSX; an organiser edits a door's rules
 * (a field error for a window that ends before it starts, a confirmation when a category loses
 * access, then restores them); a supervisor registers a walk-in at the desk, prints the badge and
 * re-issues it as a lost badge; door staff get the 403 page. Fails on console errors, page errors
 * and CSP violations.
 */
const test = testFailingOnProblems();

// The whole file runs in the desktop project only (playwright.config.ts, DESKTOP_ONLY): staff screens that change shared data: tested once, on the desktop profile.

const c = vi.checkinAdmin;
const d = vi.delegate;
const unique = () => `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));


/** Same-origin writes with the page's session cookie (the API checks Origin on cookie writes). */
function origin(baseURL: string | undefined) {
  return { Origin: new URL(baseURL!).origin };
}

type RegistrationItem = { id: number; fullName: string; honorific: "ong" | "ba"; protocolRank: number | null; status: string };

async function badgeQr(page: Page): Promise<string> {
  const qr = page.getByTestId("badge-qr");
  await expect(qr.locator("svg")).toBeVisible();
  const code = decodePngQr(await qr.screenshot());
  expect(code).toMatch(/^\d{170}$/);
  return code!;
}

test.describe("điểm danh: bảng trực tiếp, quy tắc, bàn đón tiếp / check-in dashboard, rules, desk", () => {
  test("bảng điểm danh cập nhật khi quét thẻ, không tải lại; VIP có mặt; điểm danh theo đoàn, CSV và XLSX", async ({ page, baseURL }) => {
    await openAs(page, "giamsat@ocop.example", "/admin/checkin");
    await expect(page).toHaveURL("/admin/checkin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.dashboard.title);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live");
    const hall = page.getByTestId("tile-hoi-truong");
    const before = Number((await hall.getByTestId("admitted").textContent())?.replace(/\D/g, ""));

    // A Party and State leader (protocol rank) enters the hall: scanned through the API with the real badge code.
    const list = await page.request.get("/api/v1/registrations?category=lanh-dao&status=confirmed&pageSize=50");
    expect(list.status()).toBe(200);
    const leaders = ((await list.json()) as { items: RegistrationItem[] }).items.filter((r) => r.protocolRank !== null);
    const vip = leaders.sort((a, b) => a.protocolRank! - b.protocolRank!)[0]!;
    const { code } = (await (await page.request.get(`/api/v1/registrations/${vip.id}/badge`)).json()) as { code: string };
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const scan = await page.request.post("/api/v1/checkins", { headers: origin(baseURL), data: { code, checkpoint: "hoi-truong", device: "e2e" } });
    expect(scan.status()).toBe(200);
    expect(((await scan.json()) as { result: string }).result).toBe("admitted");

    await expect(hall.getByTestId("admitted")).toHaveText(String(before + 1), { timeout: 10_000 });
    await expect(hall.getByTestId("inside")).not.toHaveText("0");
    const vipName = `${d.honorifics[vip.honorific]} ${vip.fullName}`;
    await expect(page.getByTestId("vip-list")).toContainText(vipName);
    const row = page.getByTestId("recent-scans").getByRole("row").filter({ hasText: vip.fullName }).first();
    await expect(row).toContainText(c.results.admitted);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), "updated without reload").toBe(true);
    await expect(page.getByTestId("arrivals-chart")).toBeVisible();
    await expect(page.getByTestId("by-category").getByRole("row", { name: /Lãnh đạo Đảng, Nhà nước/ })).toBeVisible();

    // The MC's list: large type, protocol order, printable.
    await page.getByRole("link", { name: c.dashboard.vipLink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.vips.title);
    await expect(page.getByTestId("vip-list").getByRole("listitem").first()).toContainText(vipName);
    await expect(page.getByRole("button", { name: c.vips.print })).toBeVisible();

    // Attendance per delegation: search without diacritics opens the delegate's block.
    await page.goto("/admin/checkin/attendance");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.attendance.title);
    const plain = vip.fullName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
    await page.getByLabel(c.attendance.search).fill(plain.toLowerCase());
    const block = page.getByTestId("delegation").filter({ hasText: vip.fullName });
    await expect(block.getByRole("row", { name: new RegExp(escape(vip.fullName)) })).toBeVisible();
    await expect(block.getByRole("row", { name: new RegExp(escape(vip.fullName)) })).not.toContainText(c.attendance.notArrived);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
    const csv = fs.readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)], "UTF-8 BOM").toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8");
    expect(text).toContain("Họ và tên");
    expect(text).toContain(vip.fullName);
    expect(text).toContain("Đoàn tỉnh Quảng Ninh");
    const xlsx = await page.request.get("/api/v1/checkins/attendance?format=xlsx");
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString("latin1"), "a zip (XLSX)").toBe("PK");
  });

  test("ban tổ chức sửa quy tắc điểm kiểm soát: lỗi khung giờ, xác nhận, lưu, khôi phục", async ({ page }) => {
    const k = c.checkpoints;
    await openAs(page, "bantochuc@ocop.example", "/admin/checkpoints");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(k.title);
    for (const code of ["trien-lam", "le-ton-vinh", "hoi-truong"]) await expect(page.getByTestId(`checkpoint-${code}`)).toBeVisible();
    const card = page.getByTestId("checkpoint-le-ton-vinh");
    await expect(card.getByTestId("rule-windows")).toHaveText(k.noWindows);
    await expect(card.getByTestId("rule-categories")).toContainText("Báo chí");
    await card.getByRole("link", { name: k.edit }).click();
    await expect(page).toHaveURL("/admin/checkpoints/le-ton-vinh");

    // A window that closes before it opens: the error sits on the closing time, in Vietnamese.
    await page.getByRole("button", { name: k.addWindow }).click();
    const w1 = page.getByRole("group", { name: fill(k.window, { n: 1 }) });
    await w1.getByLabel(k.opensAt).fill("2020-12-17T21:00");
    await w1.getByLabel(k.closesAt).fill("2020-12-17T18:00");
    await page.getByRole("button", { name: vi.staff.save }).click();
    await expect(page.locator("main").getByRole("alert").first()).toHaveText(vi.staff.formErrors);
    await expect(w1.getByLabel(k.closesAt)).toHaveAccessibleDescription(k.windowOrder);
    await expect(w1.getByLabel(k.closesAt)).toBeFocused();

    // Fixed; the press loses access, which asks for confirmation first.
    await w1.getByLabel(k.closesAt).fill("2099-12-31T23:00");
    await page.getByRole("checkbox", { name: "Báo chí" }).uncheck();
    await page.getByRole("button", { name: vi.staff.save }).click();
    const confirm = page.getByTestId("confirm-panel");
    await expect(confirm).toContainText("Báo chí");
    await confirm.getByRole("button", { name: k.confirmSave }).click();
    await expect(page).toHaveURL(/\/admin\/checkpoints\?saved=le-ton-vinh$/);
    await expect(page.getByRole("status").filter({ hasText: fill(k.saved, { name: "Lễ công bố và tôn vinh (buổi tối)" }) })).toBeVisible();
    await expect(card.getByTestId("rule-windows")).toHaveText("17/12/2020 21:00 – 31/12/2099 23:00");
    await expect(card.getByTestId("rule-categories")).not.toContainText("Báo chí");

    // Back as it was (other tests scan at this door): no window, the press allowed again.
    await card.getByRole("link", { name: k.edit }).click();
    await page.getByRole("button", { name: fill(k.removeWindow, { n: 1 }) }).click();
    await page.getByRole("checkbox", { name: "Báo chí" }).check();
    await page.getByRole("button", { name: vi.staff.save }).click();
    await expect(page).toHaveURL(/\/admin\/checkpoints\?saved=le-ton-vinh$/);
    await expect(card.getByTestId("rule-windows")).toHaveText(k.noWindows);
    await expect(card.getByTestId("rule-categories")).toContainText("Báo chí");
  });

  test("giám sát đăng ký khách tại bàn đón tiếp, in thẻ, cấp lại thẻ bị mất", async ({ page }) => {
    const k = c.desk;
    await openAs(page, "giamsat@ocop.example", "/checkin/desk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(k.title);
    await page.getByRole("link", { name: k.walkInTitle }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(k.walkInTitle);

    const field = (label: string) => page.getByRole("textbox", { name: new RegExp(`^${escape(label)}\\s?${escape(d.required)}$`) });
    const org = `Hợp tác xã Trà Tân Cương ${unique()}`;
    await page.getByRole("radio", { name: /Chủ thể OCOP/ }).check();
    await page.getByRole("radiogroup", { name: new RegExp(`^${d.honorific}`) }).getByRole("radio", { name: d.honorifics.ba }).check();
    await field(d.familyName).fill("Đặng Thị");
    await field(d.givenName).fill("Tuyết");
    await field(d.position).fill("Giám đốc");
    await field(d.organisation).fill(org);
    await field(d.email).fill(`walkin-${unique()}@example.org`);
    await field(d.phone).fill("0912345678");
    await page.getByRole("radiogroup", { name: /khách sạn/ }).getByRole("radio", { name: d.no }).check();
    await page.getByRole("checkbox", { name: d.consent }).check();
    await page.getByRole("button", { name: k.submit }).click();

    await expect(page).toHaveURL(/\/checkin\/desk\/walk-in\/\d+$/);
    const id = Number(page.url().split("/").pop());
    await expect(page.getByTestId("registration-status")).toHaveText(d.statuses.confirmed);
    await page.getByRole("link", { name: k.print }).click();
    await expect(page).toHaveURL(`/checkin/desk/badge/${id}`);
    await expect(page.getByTestId("badge-name")).toHaveText("Bà Đặng Thị Tuyết");
    const first = await badgeQr(page);
    expect(Number(first.slice(1, 11)), "badge id in the code").toBe(id);
    // Printing: one A6 page whatever surrounds the badge (105 × 148 mm ≈ 297.6 × 419.5 pt).
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), "one page").toHaveLength(1);

    // Lost badge: found without diacritics, re-issued after confirmation; the new code has the next serial.
    await page.getByRole("navigation", { name: k.navLabel }).getByRole("link", { name: k.lost }).click();
    await page.getByLabel(k.search).fill("dang thi tuyet");
    await page.getByRole("button", { name: k.searchButton }).click();
    const result = page.getByTestId("desk-result").filter({ hasText: org });
    await result.getByRole("link", { name: fill(k.reissueFor, { name: "Bà Đặng Thị Tuyết" }) }).click();
    await expect(result).toContainText(fill(k.reissueConfirm, { name: "Bà Đặng Thị Tuyết" }));
    await result.getByRole("button", { name: k.reissueButton }).click();
    await expect(page).toHaveURL(`/checkin/desk/badge/${id}?reissued=1`);
    await expect(page.getByRole("status").filter({ hasText: k.reissued })).toBeVisible();
    const second = await badgeQr(page);
    expect(Number(second.slice(11, 15)), "serial").toBe(Number(first.slice(11, 15)) + 1);
  });

  test("nhân viên soát vé không vào được bảng điểm danh, quy tắc, bàn đón tiếp", async ({ page }) => {
    await openAs(page, "checkin@ocop.example", "/admin/checkin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.forbidden.title);
    for (const path of ["/admin/checkin", "/admin/checkin/attendance", "/admin/checkpoints", "/checkin/desk", "/checkin/desk/lost"]) {
      expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    }
    await page.goto("/account");
    const nav = page.getByRole("navigation", { name: vi.staff.navLabel });
    await expect(nav.getByRole("link", { name: c.nav.scanner })).toHaveAttribute("href", "/checkin");
    await expect(nav.getByRole("link", { name: c.nav.dashboard })).toHaveCount(0);
  });
});
