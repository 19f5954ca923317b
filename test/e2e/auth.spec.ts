import { test as base, expect, type Page } from "@playwright/test";
import vi from "../../messages/vi";
import { signInByApi } from "../helpers/e2e";

/**
 * Staff sign-in and the signed-in area (desktop profile): every demo account sees exactly the
 * sections its role may use, forbidden pages answer 403, anonymous readers go to sign-in and come
 * back, wrong passwords and throttling are explained, the admin manages a user end to end, and an
 * API token works once created and stops working once revoked.
 */
const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (msg) => {
        // The 403 pages, the wrong-password 401 and the throttled 429 are expected network errors.
        if (msg.type() === "error" && !/Failed to load resource/.test(msg.text())) problems.push(`console.error: ${msg.text()}`);
      });
      page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      await use(problems);
      expect(problems, "console errors or page errors").toEqual([]);
    },
    { auto: true },
  ],
});

// The whole file runs in the desktop project only (playwright.config.ts, DESKTOP_ONLY): the signed-in area is tested once, on the desktop profile.

const PASSWORD = "Demo@2020";
const NAV = vi.staff.nav;
const CHECKIN = vi.checkinAdmin.nav;
const CONSOLE_BASE = [NAV.admin, NAV.registrations, NAV.invitations, NAV.delegations, NAV.categories, NAV.outbox, NAV.users, NAV.audit];
const ADMIN_NAV = [...CONSOLE_BASE, CHECKIN.scanner, CHECKIN.desk, CHECKIN.dashboard, CHECKIN.checkpoints, NAV.account];
const ORGANISER_NAV = [...CONSOLE_BASE, CHECKIN.dashboard, CHECKIN.checkpoints, NAV.account];
const ACCOUNT_ONLY = [NAV.account];
const DELEGATES = [NAV.registrations, NAV.account];
const UNIT_OFFICER = [NAV.portal, NAV.registrations, NAV.account];
const SCANNER = [CHECKIN.scanner, NAV.account];
const SUPERVISOR = [NAV.registrations, CHECKIN.scanner, CHECKIN.desk, CHECKIN.dashboard, NAV.account];

/** The 12 demo accounts, what their navigation must show, and their unit as the header names it. */
const ACCOUNTS = [
  { email: "admin@ocop.example", role: "admin", nav: ADMIN_NAV, home: "/admin" },
  { email: "bantochuc@ocop.example", role: "organiser", nav: ORGANISER_NAV, home: "/admin" },
  { email: "gianhang@ocop.example", role: "booth_manager", nav: DELEGATES, home: "/account" },
  { email: "checkin@ocop.example", role: "checkin_staff", nav: SCANNER, home: "/checkin" },
  { email: "giamsat@ocop.example", role: "checkin_supervisor", nav: SUPERVISOR, home: "/checkin" },
  { email: "quangninh@ocop.example", role: "province_officer", nav: UNIT_OFFICER, home: "/portal", unit: "Quảng Ninh" },
  { email: "quangnam@ocop.example", role: "province_officer", nav: UNIT_OFFICER, home: "/portal", unit: "Quảng Nam" },
  { email: "angiang@ocop.example", role: "province_officer", nav: UNIT_OFFICER, home: "/portal", unit: "An Giang" },
  { email: "bocongthuong@ocop.example", role: "ministry_officer", nav: UNIT_OFFICER, home: "/portal", unit: "Bộ Công Thương" },
  { email: "vpdp@ocop.example", role: "mard_reviewer", nav: DELEGATES, home: "/account" },
  { email: "tdkt@ocop.example", role: "emulation_board", nav: ACCOUNT_ONLY, home: "/account" },
  { email: "sankhau@ocop.example", role: "stage_manager", nav: ACCOUNT_ONLY, home: "/account" },
] as const;

/** Fills the sign-in form (the page must be on /signin) and waits until it has left it. */
async function signIn(page: Page, email: string, password = PASSWORD) {
  await expect(page.getByRole("heading", { level: 1, name: vi.signIn.title })).toBeVisible();
  await page.getByLabel(vi.signIn.email, { exact: true }).fill(email);
  await page.getByLabel(vi.signIn.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: vi.signIn.submit, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

/** The page's own alerts (Next adds an empty role=alert route announcer outside <main>). */
function alert(page: Page) {
  return page.locator("main").getByRole("alert");
}

function nav(page: Page) {
  return page.getByRole("navigation", { name: vi.staff.navLabel });
}

async function expectForbidden(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), `${path} answers 403`).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.forbidden.title);
  await expect(page.getByRole("link", { name: vi.forbidden.signInOther })).toHaveAttribute("href", "/signin");
}

test.describe("đăng nhập và phân quyền / sign-in and permissions", () => {
  for (const account of ACCOUNTS) {
    test(`${account.email}: điều hướng đúng vai trò ${account.role}`, async ({ page }) => {
      // The form itself is tested below; here the role's landing page after signing in.
      await signInByApi(page, account.email);
      await page.goto("/signin/continue");
      await expect(page).toHaveURL(account.home);
      // The scanner is full-screen, without the staff header: the navigation is checked on /account
      // (unit officers land on their delegation's portal: the account page is checked below too).
      if (account.home === "/checkin" || account.home === "/portal") await page.goto("/account");

      await expect(nav(page).getByRole("link")).toHaveText([...account.nav]);
      await expect(page.getByTestId("staff-role")).toHaveText(vi.roles[account.role]);
      if ("unit" in account) await expect(page.getByTestId("staff-unit")).toContainText(account.unit);
      else await expect(page.getByTestId("staff-unit")).toHaveCount(0);

      if (account.home !== "/admin") {
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.account.title);
        // Sections this role may not use are not linked; opening one directly is a polite 403 page
        // (the users list for most, the audit log for province officers), the others answer 403 too.
        const shown = account.role === "province_officer" ? "/admin/audit" : "/admin/users";
        await expectForbidden(page, shown);
        for (const path of ["/admin", "/admin/users", "/admin/audit", "/admin/users/1"].filter((p) => p !== shown)) {
          expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
        }
        // The delegation portal is for unit officers (and organisers acting for a unit).
        if (account.home !== "/portal") expect((await page.request.get("/portal", { maxRedirects: 0 })).status(), "/portal").toBe(403);
      } else if (account.role === "organiser") {
        // users.read without users.manage: the list, but no create form.
        await nav(page).getByRole("link", { name: NAV.users }).click();
        await expect(page).toHaveURL("/admin/users");
        await expect(page.getByText(vi.users.readOnly)).toBeVisible();
        await expect(page.getByRole("cell", { name: "admin@ocop.example" })).toBeVisible();
        await expect(page.getByRole("heading", { name: vi.users.createTitle })).toHaveCount(0);
        await page.getByRole("link", { name: "Quản trị hệ thống" }).click();
        await expect(page.getByRole("heading", { name: vi.users.editForm })).toHaveCount(0);
        await expect(page.getByRole("link", { name: vi.users.disable.button })).toHaveCount(0);
      }
    });
  }

  test("khách bị chuyển tới trang đăng nhập rồi quay lại đúng trang", async ({ page, context, baseURL }) => {
    await page.goto("/admin/users?q=quang");
    await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent("/admin/users?q=quang")}`);
    await signIn(page, "admin@ocop.example");
    await expect(page).toHaveURL("/admin/users?q=quang");
    await expect(page.getByRole("link", { name: "Cán bộ tỉnh Quảng Ninh" })).toBeVisible();

    // A session cookie that is no longer valid passes the proxy; the page itself sends the reader to sign in.
    await context.clearCookies();
    await context.addCookies([{ name: "next-auth.session-token", value: "not-a-valid-token", url: baseURL! }]);
    await page.goto("/account");
    await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
    await expect(page.getByRole("heading", { level: 1, name: vi.signIn.title })).toBeVisible();

    // A callback to another site is ignored: door staff land on their home, the scanner.
    await context.clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("//evil.example/")}`);
    await signIn(page, "checkin@ocop.example");
    await expect(page).toHaveURL("/checkin");
  });

  test("sai mật khẩu, rồi bị tạm khoá đăng nhập kèm thời gian chờ", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel(vi.signIn.email, { exact: true }).fill("giamsat@ocop.example");
    await page.getByLabel(vi.signIn.password, { exact: true }).fill("sai-mat-khau-1");
    await page.getByRole("button", { name: vi.signIn.submit, exact: true }).click();
    await expect(alert(page)).toHaveText(vi.signIn.invalid);
    await expect(page).toHaveURL("/signin");
    await expect(page.getByLabel(vi.signIn.password, { exact: true })).toBeFocused();

    // Empty fields are explained next to the fields, in Vietnamese.
    await page.getByLabel(vi.signIn.email, { exact: true }).fill("");
    await page.getByRole("button", { name: vi.signIn.submit, exact: true }).click();
    await expect(page.getByText(vi.fields.required)).toHaveCount(2);

    // The sixth wrong password within a minute is refused with 429 and a wait time.
    const email = "khongtontai@ocop.example";
    await page.getByLabel(vi.signIn.email, { exact: true }).fill(email);
    for (let i = 1; i <= 6; i++) {
      await page.getByLabel(vi.signIn.password, { exact: true }).fill(`sai-${i}`);
      const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/callback/credentials"));
      await page.getByRole("button", { name: vi.signIn.submit, exact: true }).click();
      const res = await answer;
      if (i < 6) {
        expect(res.status(), `attempt ${i}`).not.toBe(429);
        await expect(alert(page)).toHaveText(vi.signIn.invalid);
      } else {
        expect(res.status()).toBe(429);
        expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
      }
    }
    await expect(alert(page)).toHaveText(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/);
  });

  test("quản trị tạo cán bộ tỉnh, tìm không dấu, khoá rồi mở khoá", async ({ page }) => {
    await page.goto("/admin/users");
    await signIn(page, "admin@ocop.example");
    await expect(page).toHaveURL("/admin/users");
    const form = page.locator("section", { has: page.getByRole("heading", { name: vi.users.createTitle }) });

    // Field-level errors in Vietnamese.
    await form.getByRole("button", { name: vi.users.createSubmit }).click();
    await expect(form.getByRole("alert")).toHaveText(vi.staff.formErrors);
    await expect(form.getByLabel(vi.users.name)).toHaveAccessibleDescription(vi.fields.required);
    await expect(form.getByLabel(vi.users.email)).toHaveAccessibleDescription(vi.fields.email);
    await expect(form.getByLabel(vi.users.role)).toHaveAccessibleDescription(vi.fields.choice);
    await expect(form.getByLabel(vi.users.name)).toBeFocused();

    const suffix = Date.now().toString(36);
    const name = `Nguyễn Thị Thu Hà ${suffix}`;
    const email = `thuha.${suffix}@ocop.example`;
    await form.getByLabel(vi.users.name).fill(name);
    await form.getByLabel(vi.users.email).fill(email);
    await expect(form.getByLabel(vi.users.province)).toHaveCount(0);
    await form.getByLabel(vi.users.role).selectOption("province_officer");
    // The province is required for a province officer.
    await form.getByRole("button", { name: vi.users.createSubmit }).click();
    await expect(form.getByLabel(vi.users.province)).toHaveAccessibleDescription(vi.fields.provinceRequired);
    await expect(form.getByLabel(vi.users.name)).toHaveValue(name);
    await form.getByLabel(vi.users.province).selectOption("22");
    await form.getByRole("button", { name: vi.users.createSubmit }).click();
    await expect(page.getByRole("status").filter({ hasText: email })).toContainText(vi.users.createdLink.replace("{email}", email));

    // Search without diacritics finds the name with diacritics.
    await page.getByLabel(vi.users.search).fill(`nguyen thi thu ha ${suffix}`);
    await page.getByRole("button", { name: vi.staff.filter, exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=nguyen\+thi\+thu\+ha/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText(email);
    await expect(rows.nth(1)).toContainText(vi.roles.province_officer);
    await expect(rows.nth(1)).toContainText("Quảng Ninh");

    // Disable, with a confirmation step.
    await rows.nth(1).getByRole("link", { name }).click();
    await expect(page.getByTestId("user-status")).toHaveText(vi.users.statusActive);
    await page.getByRole("link", { name: vi.users.disable.button }).click();
    await expect(page.getByText(vi.users.disable.confirm.replace("{name}", name))).toBeVisible();
    await page.getByRole("link", { name: vi.staff.cancel }).click();
    await expect(page.getByTestId("user-status")).toHaveText(vi.users.statusActive);
    await page.getByRole("link", { name: vi.users.disable.button }).click();
    await page.getByRole("button", { name: vi.users.disable.confirmButton }).click();
    await expect(page.getByRole("status").filter({ hasText: vi.users.disable.done })).toBeVisible();
    await expect(page.getByTestId("user-status")).toHaveText(vi.users.statusDisabled);

    // Re-enable, with a confirmation step.
    await page.getByRole("link", { name: vi.users.enable.button }).click();
    await page.getByRole("button", { name: vi.users.enable.confirmButton }).click();
    await expect(page.getByRole("status").filter({ hasText: vi.users.enable.done })).toBeVisible();
    await expect(page.getByTestId("user-status")).toHaveText(vi.users.statusActive);

    // Both changes are in the audit log.
    await nav(page).getByRole("link", { name: NAV.audit }).click();
    await page.getByLabel(vi.audit.action).fill("user.");
    await page.getByRole("button", { name: vi.staff.filter, exact: true }).click();
    const log = page.getByRole("table");
    await expect(log.getByRole("row").nth(1)).toContainText("user.enabled");
    await expect(log.getByRole("row").nth(2)).toContainText("user.disabled");
    await expect(log.getByRole("row").nth(1)).toContainText("Quảng Ninh");
    const time = log.getByRole("row").nth(1).getByRole("cell").first();
    await expect(time).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    // Date filters are days in Vietnam time, written dd/mm/yyyy.
    const today = (await time.textContent())!.slice(0, 10);
    await page.getByLabel(vi.audit.from).fill(today);
    await page.getByLabel(vi.audit.to).fill(today);
    await page.getByRole("button", { name: vi.staff.filter, exact: true }).click();
    await expect(log.getByRole("row").nth(1)).toContainText("user.enabled");
    await page.getByLabel(vi.audit.from).fill("31/02/2020");
    await page.getByRole("button", { name: vi.staff.filter, exact: true }).click();
    await expect(page.getByLabel(vi.audit.from)).toHaveAccessibleDescription(`${vi.audit.dateHint} ${vi.fields.invalid}`);
  });

  test("mã truy cập API: tạo, hiện một lần, dùng được, thu hồi thì hết dùng", async ({ page, request }) => {
    await page.goto("/account");
    await signIn(page, "quangninh@ocop.example");
    await expect(page).toHaveURL("/account");
    await expect(page.getByText(vi.account.tokens.empty)).toBeVisible();

    await page.getByLabel(vi.account.tokens.name).fill("Phần mềm của tỉnh");
    await page.getByRole("button", { name: vi.account.tokens.create }).click();
    await expect(page.getByText(vi.account.tokens.createdWarning)).toBeVisible();
    const token = await page.getByTestId("new-token").inputValue();
    expect(token).toMatch(/^ocop_/);
    await expect(page.getByRole("row", { name: /Phần mềm của tỉnh/ })).toContainText(vi.account.tokens.active);

    const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ role: "province_officer", provinceCode: "22", email: "quangninh@ocop.example" });

    // Shown once: a fresh load of the page no longer has it.
    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(token);

    await page.getByRole("link", { name: vi.account.tokens.revokeFor.replace("{name}", "Phần mềm của tỉnh") }).click();
    await page.getByRole("button", { name: vi.account.tokens.revokeConfirmButton }).click();
    await expect(page.getByRole("status").filter({ hasText: vi.account.tokens.revokedDone.replace("{name}", "Phần mềm của tỉnh") })).toBeVisible();
    await expect(page.getByRole("row", { name: /Phần mềm của tỉnh/ })).toContainText(vi.account.tokens.revoked);

    const after = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
  });

  test("trên điện thoại 360 px: không tràn ngang, điều hướng xuống dòng", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/admin/users");
    await signIn(page, "bantochuc@ocop.example");
    for (const path of ["/admin/users", "/admin/audit", "/account", "/admin", "/admin/registrations", "/admin/delegations", "/admin/checkin"]) {
      if (path !== "/admin/users") await page.goto(path);
      await expect(nav(page)).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} fits 360 px`).toBeLessThanOrEqual(360);
    }
    // The sign-out button works and leaves the signed-in area.
    await page.getByRole("button", { name: vi.staff.signOut }).click();
    await page.waitForURL("/");
    await page.goto("/account");
    await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
  });
});
