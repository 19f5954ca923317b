import crypto from "node:crypto";
import { expect, type Browser, type Page, type Response } from "@playwright/test";
import vi from "../../messages/vi";
import { decodePngQr } from "../helpers/qr";
import { openAs, testFailingOnProblems, webVitals } from "../helpers/e2e";

/**
 * Delegates end to end: a producer registers on a phone (performance budget of /register, client and
 * server field errors, duplicate email and resend), the admin reads the confirmation in the outbox,
 * follows the badge link and scans the QR (decoded from the rendered SVG and verified with the event's
 * Ed25519 public key); an organiser invites a guest who confirms through the invitation link, then
 * manages the registration (edit, calendar file, cancel); an organiser approves and rejects press
 * registrations; categories are edited with readable errors. Fails on console errors, page errors and
 * CSP violations.
 */
// Invalid links answer 404 on purpose; the outbox's email preview is a sandboxed frame without
// scripts, where Chromium logs refusing this test's own init script.
const test = testFailingOnProblems(/Blocked script execution in 'about:srcdoc'/);

const d = vi.delegate;
const r = vi.register;
const HOTEL = "Cần Ban Tổ chức hỗ trợ đặt phòng khách sạn";
const unique = () => `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;


const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Tên" + "(bắt buộc)" as an accessible name, with or without a space between the label and its mark. */
function labelled(label: string, required = true): RegExp {
  return new RegExp(`^${escape(label)}\\s?${escape(required ? d.required : d.optional)}$`);
}

/** A text field of the delegate form by its label (labels carry "(bắt buộc)" / "(không bắt buộc)"). */
function field(page: Page, label: string, required = true) {
  return page.getByRole("textbox", { name: labelled(label, required) });
}

function group(page: Page, name: string | RegExp) {
  return page.getByRole("radiogroup", { name });
}

/** Opens the newest outbox message to `to` whose subject is `subject`, reloading while the email job renders it (~1–2 s). */
async function openEmail(page: Page, to: string, subject: string): Promise<string> {
  await page.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
  const link = page.getByRole("link", { name: subject, exact: true }).first();
  for (let i = 0; i < 20 && !(await link.isVisible()); i++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  await link.click();
  await expect(page.getByTestId("outbox-subject")).toHaveText(subject);
  const text = await page.getByTestId("outbox-text").textContent();
  expect(text).toBeTruthy();
  return text!;
}

/** The path of the first link to `/kind/<token>` in an email's text body (links point at the configured public address). */
function linkPath(text: string, kind: "badge" | "invitation" | "registration"): string {
  const m = new RegExp(`https?://[^\\s\\]\\)>]+(/${kind}/[A-Za-z0-9_.-]+)`).exec(text);
  expect(m, `a /${kind}/ link in:\n${text}`).toBeTruthy();
  return m![1]!;
}

async function newGuestPage(browser: Browser, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/Failed to load resource/.test(msg.text())) problems.push(`guest console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`guest pageerror: ${err.message}`));
  return page;
}

test.describe("đăng ký đại biểu / delegate registration", () => {
  test("chủ thể OCOP đăng ký trên điện thoại; quản trị mở thư, thẻ và quét mã QR", { tag: "@phone" }, async ({ page, baseURL }, testInfo) => {
    // Only in the phone project (tag @phone, playwright.config.ts): the public form is measured on the phone profile.
    const responses: Response[] = [];
    page.on("response", (res) => responses.push(res));
    await page.goto("/register", { waitUntil: "load" });
    await page.waitForLoadState("networkidle");

    // Transferred JavaScript of /register (compressed bodies plus headers) and layout stability.
    const scripts = responses.filter((res) => res.request().resourceType() === "script");
    let jsBytes = 0;
    for (const res of scripts) {
      const sizes = await res.request().sizes();
      jsBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    const { cls, shifts } = await webVitals(page);
    const kb = (jsBytes / 1024).toFixed(1);
    console.log(`E2E-FIGURES register js=${kb}KB (${scripts.length} files) cls=${cls} (${shifts} shifts)`);
    testInfo.annotations.push({ type: "figures", description: `register js=${kb}KB cls=${cls}` });
    expect(jsBytes, "JavaScript transferred by /register").toBeLessThanOrEqual(180 * 1024);
    expect(cls, "Cumulative Layout Shift of /register").toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), "fits 360 px").toBeLessThanOrEqual(360);

    // Submitting empty: Vietnamese messages next to the fields, focus on the first one.
    await page.getByRole("button", { name: r.submit }).click();
    await expect(page.locator("main").getByRole("alert").first()).toHaveText(vi.staff.formErrors);
    await expect(group(page, r.chooseCategory)).toBeFocused();
    await expect(field(page, d.familyName)).toHaveAccessibleDescription(`${d.familyNameHint} ${vi.fields.required}`);
    await expect(page.getByText(vi.fields.consent)).toBeVisible();

    await page.getByRole("radio", { name: /Chủ thể OCOP/ }).check();
    await expect(page.getByText(r.noApproval).first()).toBeVisible();
    await group(page, new RegExp(`^${d.honorific}`)).getByRole("radio", { name: d.honorifics.ba }).check();
    await field(page, d.familyName).fill("Nguyễn Thị Ánh");
    await field(page, d.givenName).fill("Tuyết");
    await field(page, d.position).fill("Giám đốc");
    await field(page, d.organisation).fill("Hợp tác xã Chè Tân Cương");
    await group(page, new RegExp(`^${d.delegation}`)).getByRole("radio", { name: d.delegationProvince }).check();
    await page.getByRole("combobox", { name: labelled(d.province) }).selectOption({ label: "Quảng Ninh" });
    const email = `delegate-${unique()}@example.org`;
    await field(page, d.email).fill("khong-phai-email");
    await field(page, d.phone).fill("12345");
    await field(page, d.phone).blur();
    await expect(field(page, d.email)).toHaveAccessibleDescription(`${d.emailHint} ${vi.fields.email}`);
    await expect(field(page, d.phone)).toHaveAccessibleDescription(`${d.phoneHint} ${vi.fields.phone}`);
    await field(page, d.email).fill(email);
    await field(page, d.phone).fill("+84 912.345.678");
    await field(page, d.phone).blur();
    await expect(field(page, d.phone)).toHaveAccessibleDescription(d.phoneHint);
    // The required yes/no question of the category.
    await group(page, new RegExp(`^${HOTEL}`)).getByRole("radio", { name: d.no }).check();
    await page.getByRole("checkbox", { name: d.consent }).check();
    await page.getByRole("button", { name: r.submit }).click();

    await expect(page).toHaveURL(/\/register\/done\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.doneTitle);
    await expect(page.getByTestId("registration-status")).toHaveText(d.statuses.confirmed);
    await expect(page.getByText(r.emailOnItsWay.replace("{email}", email))).toBeVisible();
    await expect(page.getByRole("link", { name: r.badgeLink })).toHaveAttribute("href", /^\/badge\//);

    // The same email again. First a name the server refuses (its message, next to the field), then the
    // duplicate: the server says so and offers to send the confirmation again.
    await page.goto("/register?category=chu-the-ocop");
    await group(page, new RegExp(`^${d.honorific}`)).getByRole("radio", { name: d.honorifics.ong }).check();
    await field(page, d.familyName).fill("Lê Văn");
    await field(page, d.givenName).fill("Nam 2");
    await field(page, d.position).fill("Chủ cơ sở");
    await field(page, d.organisation).fill("Cơ sở mật ong");
    await field(page, d.email).fill(email.toUpperCase());
    await field(page, d.phone).fill("0987654321");
    await group(page, new RegExp(`^${HOTEL}`)).getByRole("radio", { name: d.yes }).check();
    await page.getByRole("checkbox", { name: d.consent }).check();
    await page.getByRole("button", { name: r.submit }).click();
    await expect(field(page, d.givenName)).toHaveAccessibleDescription(`${d.givenNameHint} ${vi.fields.personName}`);
    await expect(field(page, d.givenName)).toBeFocused();
    await field(page, d.givenName).fill("Nam");
    await page.getByRole("button", { name: r.submit }).click();
    await expect(page.getByText(r.duplicateTitle)).toBeVisible();
    await expect(field(page, d.email)).toHaveAccessibleDescription(`${d.emailHint} ${r.duplicateField}`);
    await expect(field(page, d.familyName)).toHaveValue("Lê Văn");
    await page.getByRole("button", { name: r.duplicateResendButton }).click();
    await expect(page.getByText(r.resent.replace("{email}", email))).toBeVisible();

    // The organiser's mailbox: the confirmation email, its badge link, its QR attachment.
    await openAs(page, "admin@ocop.example", `/admin/outbox?to=${encodeURIComponent(email)}`);
    const text = await openEmail(page, email, vi.email.registration.subject.confirmed);
    const srcdoc = await page.locator("iframe[sandbox]").getAttribute("srcdoc");
    expect(srcdoc).toContain("data:image/png;base64,");
    expect(srcdoc).not.toContain("cid:badge-qr");
    await expect(page.getByRole("img", { name: "the-dai-bieu-qr.png" })).toBeVisible();
    const badgePath = linkPath(text, "badge");

    // The badge page: the QR read back from the rendered SVG, 170 digits, signed by the event's key.
    await page.goto(badgePath);
    await expect(page.getByTestId("badge-name")).toHaveText("Bà Nguyễn Thị Ánh Tuyết");
    await expect(page.getByText("Đoàn tỉnh Quảng Ninh")).toBeVisible();
    const qr = page.getByTestId("badge-qr");
    await expect(qr.locator("svg")).toBeVisible();
    const code = decodePngQr(await qr.screenshot());
    expect(code).toMatch(/^\d{170}$/);
    expect(await page.content(), "the code is only in the QR").not.toContain(code!);
    // Printing: one A6 page (105 × 148 mm ≈ 297.6 × 419.5 pt).
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), "one page").toHaveLength(1);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(Math.abs(Number(box?.[1]) - 297.6), `A6 width, MediaBox ${box?.[0]}`).toBeLessThan(2);
    expect(Math.abs(Number(box?.[2]) - 419.5), `A6 height, MediaBox ${box?.[0]}`).toBeLessThan(2);

    const key = (await (await page.request.get("/api/v1/badges/public-key")).json()) as { eventId: number; publicKey: string };
    const id = Number(code!.slice(1, 11));
    const serial = Number(code!.slice(11, 15));
    const signature = Buffer.from(BigInt(code!.slice(15)).toString(16).padStart(128, "0"), "hex");
    const publicKey = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: key.publicKey }, format: "jwk" });
    expect(crypto.verify(null, Buffer.from(`OCOP-BADGE|v1|event:${key.eventId}|id:${id}|serial:${serial}`), publicKey, signature), "Ed25519 signature").toBe(true);
    const byApi = await page.request.get(`/api/v1/registrations/${id}/badge`);
    expect(byApi.status()).toBe(200);
    expect(((await byApi.json()) as { code: string }).code).toBe(code);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test("khách mời: quản trị mời, khách xác nhận qua liên kết, sửa, tải lịch và huỷ", { tag: "@desktop" }, async ({ page, browser, problems }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): tested once, on the desktop profile.
    const a = vi.adminInvitations;
    const guest = `guest-${unique()}@example.org`;
    await openAs(page, "admin@ocop.example", "/admin/invitations");
    const single = page.getByRole("region", { name: a.singleTitle });
    await single.getByLabel(a.category).selectOption({ label: "Khách mời, khách quốc tế" });
    await single.getByLabel(a.email).fill(guest);
    await single.getByLabel(a.honorific).selectOption("ong");
    await single.getByLabel(a.familyName).fill("Trần Văn");
    await single.getByLabel(new RegExp(`^${a.givenName}`)).fill("Đức");
    await single.getByLabel(a.position).fill("Chuyên gia");
    await single.getByLabel(a.organisation).fill("Tổ chức Nông nghiệp quốc tế");
    await single.getByRole("button", { name: a.send }).click();
    await expect(single.getByText(a.sent.replace("{count}", "1"))).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(guest) })).toContainText(a.statuses.sent);

    // A pasted list: a wrong line is named and nothing is sent; then two invitations, one withdrawn, one resent.
    const paste = page.getByRole("region", { name: a.pasteTitle });
    const [p1, p2] = [`paste1-${unique()}@example.org`, `paste2-${unique()}@example.org`];
    await paste.getByLabel(a.category).selectOption({ label: "Khách mời, khách quốc tế" });
    await paste.getByLabel(a.pasteLabel).fill(`${p1}; Lê Thị; Hà; Chuyên gia; Viện Lúa\nkhong-phai-email; Ai đó`);
    await paste.getByRole("button", { name: a.pasteSend }).click();
    await expect(paste.getByLabel(a.pasteLabel)).toHaveAccessibleDescription(`${a.pasteHint} ${a.lineError.replace("{line}", "2").replace("{message}", vi.fields.email)}`);
    await paste.getByLabel(a.pasteLabel).fill(`${p1}; Lê Thị; Hà; Chuyên gia; Viện Lúa\n\n${p2}`);
    await paste.getByRole("button", { name: a.pasteSend }).click();
    await expect(paste.getByText(a.sent.replace("{count}", "2"))).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(p1) })).toContainText("Lê Thị Hà");
    await page.getByRole("link", { name: a.revokeFor.replace("{email}", p2) }).click();
    await expect(page.getByText(a.revokeConfirm.replace("{email}", p2))).toBeVisible();
    await page.getByRole("button", { name: a.revokeButton }).click();
    await expect(page.getByRole("status").filter({ hasText: a.revoked.replace("{email}", p2) })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(p2) })).toContainText(a.statuses.revoked);
    await page.getByRole("button", { name: a.resendFor.replace("{email}", p1) }).click();
    await expect(page.getByRole("status").filter({ hasText: a.resent.replace("{email}", p1) })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(p1) }).getByRole("cell").nth(3)).toHaveText("2");

    const text = await openEmail(page, guest, vi.email.invitation.subject);
    const invitationPath = linkPath(text, "invitation");

    // The guest, in a browser of their own.
    const guestPage = await newGuestPage(browser, problems);
    await guestPage.goto(invitationPath);
    await expect(guestPage.getByRole("heading", { level: 1 })).toHaveText(vi.invitationPage.title);
    const fixed = guestPage.getByRole("textbox", { name: d.email, exact: true });
    await expect(fixed).toHaveValue(guest);
    await expect(fixed).toHaveAttribute("readonly", "");
    await expect(field(guestPage, d.familyName)).toHaveValue("Trần Văn");
    await expect(field(guestPage, d.givenName)).toHaveValue("Đức");
    await expect(group(guestPage, new RegExp(`^${d.honorific}`)).getByRole("radio", { name: d.honorifics.ong })).toBeChecked();
    await field(guestPage, d.phone).fill("0912345678");
    await guestPage.getByRole("combobox", { name: labelled("Chế độ ăn", false) }).selectOption("vegetarian");
    await guestPage.getByRole("checkbox", { name: d.consent }).check();
    await guestPage.getByRole("button", { name: vi.invitationPage.submit }).click();
    await expect(guestPage).toHaveURL(/\/register\/done\//);
    await expect(guestPage.getByTestId("registration-status")).toHaveText(d.statuses.confirmed);
    const donePath = new URL(guestPage.url()).pathname;

    // The invitation cannot be used twice; a forged one is a polite 404.
    await guestPage.goto(invitationPath);
    await expect(guestPage.getByRole("heading", { level: 1 })).toHaveText(vi.invitationPage.usedTitle);
    const forged = await guestPage.goto(`${invitationPath.slice(0, -3)}xyz`);
    expect(forged?.status()).toBe(404);
    await expect(guestPage.getByRole("heading", { level: 1 })).toHaveText(vi.invitationPage.invalidTitle);

    // The personal manage link: edit, calendar file, cancel with a confirmation step.
    await guestPage.goto(donePath);
    await guestPage.getByRole("link", { name: r.manageLink }).click();
    await expect(guestPage.getByRole("heading", { level: 1 })).toHaveText(vi.manage.title);
    await expect(guestPage.getByRole("region", { name: vi.manage.detailsTitle })).toContainText("Ăn chay");
    await field(guestPage, d.position).fill("Trưởng đại diện");
    await guestPage.getByRole("button", { name: vi.manage.save }).click();
    await expect(guestPage.getByRole("status").filter({ hasText: vi.manage.saved })).toBeVisible();
    await expect(guestPage.getByRole("region", { name: vi.manage.detailsTitle })).toContainText("Trưởng đại diện");

    const manageUrl = guestPage.url().split("?")[0]!;
    const ics = await guestPage.request.get(`${manageUrl}/calendar.ics`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(ics.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.ics"$/);
    const cal = await ics.text();
    expect(cal).toContain("BEGIN:VCALENDAR");
    expect(cal).toContain("TZID=Asia/Ho_Chi_Minh");
    expect(cal.match(/BEGIN:VEVENT/g)).toHaveLength(2); // guests are admitted to the evening ceremony too

    await guestPage.getByRole("link", { name: vi.manage.cancelButton }).click();
    await expect(guestPage.getByText(vi.manage.cancelConfirm)).toBeVisible();
    await guestPage.getByRole("link", { name: vi.manage.keep }).click();
    await expect(guestPage.getByTestId("registration-status")).toHaveText(d.statuses.confirmed);
    await guestPage.getByRole("link", { name: vi.manage.cancelButton }).click();
    await guestPage.getByRole("button", { name: vi.manage.cancelConfirmButton }).click();
    await expect(guestPage.getByRole("status").filter({ hasText: vi.manage.cancelled })).toBeVisible();
    await expect(guestPage.getByTestId("registration-status")).toHaveText(d.statuses.cancelled);
    await expect(guestPage.getByRole("button", { name: vi.manage.save })).toHaveCount(0);

    const bad = await guestPage.goto(`${new URL(manageUrl).pathname}x`);
    expect(bad?.status()).toBe(404);
    await expect(guestPage.getByRole("heading", { level: 1 })).toHaveText(vi.manage.invalidTitle);
    expect((await guestPage.request.get(`${new URL(manageUrl).pathname}x/calendar.ics`)).status()).toBe(404);
    await guestPage.context().close();

    // The list shows the invitation as used.
    await page.goto("/admin/invitations");
    await expect(page.getByRole("row", { name: new RegExp(guest) })).toContainText(a.statuses.accepted);
  });

  test("ban tổ chức duyệt và từ chối đăng ký báo chí", { tag: "@desktop" }, async ({ page, request }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): tested once, on the desktop profile.
    const a = vi.adminRegistrations;
    const tag = unique();
    const press = async (givenName: string) => {
      const res = await request.post("/api/v1/registrations", {
        data: {
          categoryCode: "bao-chi", honorific: "ba", familyName: "Phạm Thị", givenName, position: "Phóng viên", organisation: `Báo Nông thôn ngày nay ${tag}`,
          email: `press-${givenName.toLowerCase()}-${tag}@example.org`, phone: "0901234567", consent: true, answers: { press_card: "NB-12345" },
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      expect(((await res.json()) as { status: string }).status).toBe("pending");
    };
    await press("Hoa");
    await press("Lan");

    await openAs(page, "bantochuc@ocop.example", "/admin/registrations");
    await expect(page.getByRole("navigation", { name: vi.staff.navLabel }).getByRole("link", { name: vi.staff.nav.registrations, exact: true })).toHaveAttribute("aria-current", "page");
    await page.getByLabel(a.search).fill(tag);
    await page.getByLabel(a.status).selectOption("pending");
    await page.getByRole("button", { name: vi.staff.filter, exact: true }).click();
    await expect(page).toHaveURL(/status=pending/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(3);

    const hoa = page.getByRole("row", { name: /Phạm Thị Hoa/ });
    await hoa.getByRole("button", { name: a.approveFor.replace("{name}", "Bà Phạm Thị Hoa") }).click();
    await expect(page.getByRole("status").filter({ hasText: a.done.approved.replace("{name}", "Bà Phạm Thị Hoa") })).toBeVisible();
    await expect(page).toHaveURL(/status=pending/);
    await expect(rows).toHaveCount(2); // Hoa is no longer pending

    // Rejecting asks for a reason.
    const lan = page.getByRole("row", { name: /Phạm Thị Lan/ });
    await lan.getByRole("link", { name: a.rejectFor.replace("{name}", "Bà Phạm Thị Lan") }).click();
    await page.getByRole("button", { name: a.rejectButton }).click();
    await expect(page.getByLabel(a.rejectReason)).toHaveAccessibleDescription(vi.fields.required);
    await page.getByLabel(a.rejectReason).fill("Chưa có thẻ nhà báo hợp lệ");
    await page.getByRole("button", { name: a.rejectButton }).click();
    await expect(page.getByRole("status").filter({ hasText: a.done.rejected.replace("{name}", "Bà Phạm Thị Lan") })).toBeVisible();

    // Both, without the status filter: confirmed and rejected.
    await page.goto(`/admin/registrations?q=${tag}`);
    await expect(page.getByRole("row", { name: /Phạm Thị Hoa/ })).toContainText(d.statuses.confirmed);
    await expect(page.getByRole("row", { name: /Phạm Thị Lan/ })).toContainText(d.statuses.rejected);
    await page.getByRole("link", { name: "Bà Phạm Thị Lan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.detailTitle.replace("{name}", "Bà Phạm Thị Lan"));
    await expect(page.getByRole("region", { name: a.detailsTitle })).toContainText("NB-12345");
    await expect(page.getByRole("region", { name: a.detailsTitle })).toContainText("Chưa có thẻ nhà báo hợp lệ");
  });

  test("quản trị sửa loại đại biểu, lỗi dễ đọc", { tag: "@desktop" }, async ({ page }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): tested once, on the desktop profile.
    const c = vi.adminCategories;
    await openAs(page, "admin@ocop.example", "/admin/categories");
    await page.getByRole("link", { name: c.editFor.replace("{name}", "Ban Tổ chức, phục vụ") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.editTitle.replace("{name}", "Ban Tổ chức, phục vụ"));

    await page.getByLabel(c.capacity).fill("nhiều");
    await page.getByLabel(c.questions).fill('[{"key": "Bad Key", "type": "text"}]');
    await page.getByRole("button", { name: vi.staff.save }).click();
    await expect(page.getByLabel(c.capacity)).toHaveAccessibleDescription(`${c.capacityHint} ${vi.fields.integer}`);
    await page.getByLabel(c.capacity).fill("120");
    await page.getByRole("button", { name: vi.staff.save }).click();
    await expect(page.locator("#f-questions-error")).toContainText(c.questionAt.replace("{n}", "1").replace("{field}", "key").replace("{message}", vi.fields.invalid));
    await expect(page.locator("#f-questions-error")).toContainText(c.questionAt.replace("{n}", "1").replace("{field}", "labelVi").replace("{message}", vi.fields.required));
    await page.getByLabel(c.questions).fill('[{"key": "shirt_size", "type": "choice", "labelVi": "Cỡ áo", "labelEn": "Shirt size", "required": false, "options": [{"value": "m", "labelVi": "M", "labelEn": "M"}]}]');
    await page.getByRole("button", { name: vi.staff.save }).click();
    await expect(page).toHaveURL("/admin/categories?saved=ban-to-chuc");
    const row = page.getByRole("row", { name: /Ban Tổ chức, phục vụ/ });
    await expect(row).toContainText("120");
    await expect(row).toContainText(c.questionsCount.replace("{count}", "1"));
  });
});
