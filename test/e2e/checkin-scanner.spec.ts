import { chromium, test as base, expect, type Page } from "@playwright/test";
import en from "../../messages/en";
import vi from "../../messages/vi";
import { signIn as apiSignIn } from "../../scripts/lib/auth-client";
import { writeBadgeVideo, type Y4mTimeline } from "../helpers/y4m";

/**
 * The door scanner (/checkin). On the phone profile, a Chromium whose fake camera plays a generated
 * y4m video of real badge QRs (each after a blank stretch): green with the right name and the door
 * note, the same badge after more than 3 s amber, refused badges red with the reason, and the
 * latency from the first video frame showing a badge to the painted result screen. On the desktop
 * profile (a desk PC with a USB scanner): keyboard-wedge scans, a failed request decided on the device,
 * supervisors' undo (from the result and from the recent scans) after which the badge is green
 * again, search without diacritics and manual check-in; a check-in staff member sees none of the
 * supervisor tools, other roles get 403. Fails on console errors, page errors and CSP violations.
 */
const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      watch(page, problems);
      await use(problems);
      expect(problems, "console errors, page errors or CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});

function watch(page: Page, problems: string[]): void {
  page.on("console", (msg) => {
    // Aborted requests (the network failure test) and the 403 page are expected network errors.
    if (msg.type() === "error" && !/Failed to load resource/.test(msg.text())) problems.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`);
    });
  });
}

const PASSWORD = "Demo@2020";
const s = vi.scanner;

type Registration = { id: number; fullName: string; status: string; categoryCode: string };

/** Admin API access from Node (the admin's session cookie), to pick delegates and read their badge codes. */
async function adminApi(baseURL: string) {
  const session = await apiSignIn(baseURL, "admin@ocop.example", PASSWORD);
  expect(session.cookie, `admin sign-in answered ${session.status}`).toBeTruthy();
  const get = async <T,>(path: string): Promise<T> => {
    const res = await fetch(`${baseURL}${path}`, { headers: { cookie: session.cookie!, accept: "application/json" } });
    expect(res.status, `GET ${path}`).toBe(200);
    return (await res.json()) as T;
  };
  return {
    delegates: async (query: Record<string, string>) =>
      (await get<{ items: Registration[] }>(`/api/v1/registrations?${new URLSearchParams({ pageSize: "50", ...query })}`)).items,
    code: async (id: number) => (await get<{ code: string }>(`/api/v1/registrations/${id}/badge`)).code,
  };
}

/** "Nguyễn Thị Ánh" → "nguyen thi anh": what a person types without Vietnamese input. */
function plain(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/** /checkin sends an anonymous reader to sign in and back. */
async function signInToScanner(page: Page, email: string) {
  await page.goto("/checkin");
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent("/checkin")}`);
  await page.getByLabel(vi.signIn.email, { exact: true }).fill(email);
  await page.getByLabel(vi.signIn.password, { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: vi.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/checkin");
}

async function startScanning(page: Page, checkpoint: string, device: string) {
  await expect(page.getByRole("heading", { level: 1, name: s.setup.title })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${checkpoint}`) }).check();
  await page.getByRole("radio", { name: new RegExp(`^${s.setup.in}`) }).check();
  await page.getByLabel(s.setup.device, { exact: true }).fill(device);
  await page.getByRole("button", { name: s.setup.start }).click();
  await expect(page.getByTestId("scanner-checkpoint")).toContainText(checkpoint);
}

/**
 * A handheld scanner's burst into the focused wedge field, then Enter: key by key when `keys`
 * (as a USB scanner types), else as one text insertion (faster; the 3-second check needs it).
 */
async function wedgeScan(page: Page, code: string, keys = false) {
  await expect(page.getByLabel(s.wedge.label)).toBeFocused();
  if (keys) await page.keyboard.type(code);
  else await page.keyboard.insertText(code);
  await page.keyboard.press("Enter");
}

function result(page: Page) {
  return page.getByTestId("scan-result");
}

async function expectResult(page: Page, kind: string, name: string | null, timeout = 5_000) {
  await expect(result(page)).toHaveAttribute("data-result", kind, { timeout });
  // "Ông Nguyễn Văn An": the honorific, then the full name
  if (name) await expect(page.getByTestId("scan-result-name")).toContainText(name);
}

type Timing = { seq: number; source: string; badge: string; frameAt?: number; decodedAt?: number; paintedAt?: number; result?: string };
type Onset = { at: number; badge: boolean };

const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

test.describe("máy quét tại cửa / door scanner", () => {
  test("camera: xanh, vàng sau 3 giây, đỏ kèm lý do; độ trễ khung hình → kết quả", { tag: "@phone" }, async ({ baseURL }, testInfo) => {
    // Only in the phone project (tag @phone, playwright.config.ts): the camera scanner runs on the phone profile (its own Chromium with a fake camera).
    test.setTimeout(90_000);
    const admin = await adminApi(baseURL!);
    // At the invitation-only evening ceremony: a leader (door note) and an honoured guest are admitted,
    // a self-registered OCOP producer is refused (not allowed), a cancelled registration is refused.
    const leader = (await admin.delegates({ category: "lanh-dao", status: "confirmed" }))[0]!;
    const honoured = (await admin.delegates({ category: "khen-thuong", status: "confirmed" }))[0]!;
    const producer = (await admin.delegates({ category: "chu-the-ocop", status: "confirmed" }))[0]!;
    const cancelled = (await admin.delegates({ status: "cancelled" })).find((r) => r.categoryCode !== "chu-the-ocop" && r.categoryCode !== "so-nnptnt")!;
    expect(cancelled, "a cancelled delegate of a category allowed at the ceremony").toBeTruthy();
    const [a, b, c, d] = await Promise.all([leader, producer, honoured, cancelled].map((r) => admin.code(r.id)));

    const video = testInfo.outputPath("badges.y4m");
    const blank = (seconds: number) => ({ seconds });
    const timeline: Y4mTimeline = writeBadgeVideo(video, [
      blank(2), { seconds: 0.8, code: a }, blank(3.6), { seconds: 0.8, code: a }, blank(1.4),
      { seconds: 0.8, code: b }, blank(1.4), { seconds: 0.8, code: c }, blank(1.4), { seconds: 0.8, code: d }, blank(3),
    ]);
    expect(timeline.frames).toBeGreaterThan(300);

    const args = testInfo.project.use.launchOptions?.args ?? [];
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [...args, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`, "--autoplay-policy=no-user-gesture-required"],
    });
    try {
      const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const page = await context.newPage();
      const problems: string[] = [];
      watch(page, problems);
      await signInToScanner(page, "checkin@ocop.example");
      await startScanning(page, "Lễ công bố và tôn vinh", "Cửa lễ tôn vinh 1");
      await expect(page.getByTestId("camera-status")).toHaveAttribute("data-state", "running", { timeout: 10_000 });

      // Test-side watch of every presented frame: when the corner marker turns black (a badge is shown).
      await page.evaluate(() => {
        type Meta = { captureTime?: number; presentationTime?: number };
        const w = window as unknown as { __badgeOnsets: Onset[] };
        w.__badgeOnsets = [];
        const video = document.querySelector<HTMLVideoElement>("[data-testid=scanner-video]")!;
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 1;
        const g = canvas.getContext("2d", { willReadFrequently: true })!;
        let shown = false;
        const onFrame = (now: number, meta: Meta) => {
          const sx = video.videoWidth / 640;
          const sy = video.videoHeight / 480;
          g.drawImage(video, 6 * sx, 6 * sy, 12 * sx, 12 * sy, 0, 0, 1, 1);
          const badge = g.getImageData(0, 0, 1, 1).data[0]! < 128;
          if (badge !== shown) w.__badgeOnsets.push({ at: meta.captureTime ?? meta.presentationTime ?? now, badge });
          shown = badge;
          video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
      });

      // 1. The leader: green, name, door note.
      await expectResult(page, "admitted", leader.fullName, 15_000);
      await expect(page.getByTestId("scan-result-word")).toHaveText(s.result.admitted);
      await expect(page.getByTestId("scan-result-note")).toContainText("VIP — đón tại sảnh, đưa lên hàng ghế A");
      // 2. The same badge again after more than 3 s: amber, with when, where and by whom.
      await expectResult(page, "already_admitted", leader.fullName, 10_000);
      await expect(page.getByTestId("scan-result-word")).toHaveText(s.result.alreadyAdmitted);
      await expect(page.getByTestId("scan-result-first")).toContainText("Lễ công bố và tôn vinh");
      await expect(page.getByTestId("scan-result-first")).toContainText("Cửa lễ tôn vinh 1");
      // 3. A self-registered producer at the invitation-only ceremony: red, not allowed.
      await expectResult(page, "refused", producer.fullName, 10_000);
      await expect(page.getByTestId("scan-result-reason")).toHaveText(s.reasons.not_allowed);
      // 4. An honoured guest: green.
      await expectResult(page, "admitted", honoured.fullName, 10_000);
      // 5. A cancelled registration: red, cancelled.
      await expectResult(page, "refused", cancelled.fullName, 10_000);
      await expect(page.getByTestId("scan-result-reason")).toHaveText(s.reasons.cancelled);
      await expect(page.getByTestId("scan-announcement")).toContainText(s.reasons.cancelled);
      await page.getByRole("button", { name: s.camera.stop }).click();

      // Latency: from the capture time of the first frame that showed each badge (seen by the watch
      // above, on every presented frame) to the first task after the frame that painted its result.
      const { timings, onsets, decoder } = await page.evaluate(() => {
        const w = window as unknown as { __scanTimings: Timing[]; __badgeOnsets: Onset[]; __scanDecoder: { presented: number; grabbed: number; decoded: number; decodeMs: number[]; engine: string } };
        return { timings: w.__scanTimings, onsets: w.__badgeOnsets, decoder: w.__scanDecoder };
      });
      const scans = timings.filter((t) => t.source === "camera" && t.paintedAt !== undefined && t.frameAt !== undefined).slice(0, 5);
      expect(scans.map((t) => t.result)).toEqual(["admitted", "already_admitted", "refused", "admitted", "refused"]);
      const rows = scans.map((t) => {
        const onset = onsets.filter((o) => o.badge && o.at <= t.frameAt! + 0.5).at(-1);
        expect(onset, `a badge onset before scan ${t.seq}`).toBeTruthy();
        return { total: t.paintedAt! - onset!.at, untilDecodedFrame: t.frameAt! - onset!.at, decode: t.decodedAt! - t.frameAt!, answerAndPaint: t.paintedAt! - t.decodedAt! };
      });
      const totals = rows.map((r) => r.total);
      const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
      console.log(
        [
          `scanner latency, first video frame showing a badge → painted result screen: median ${median(totals).toFixed(0)} ms over ${rows.length} scans [${fmt(totals)}]`,
          `  of which first badge frame → frame decoded (frames skipped while busy or not readable): [${fmt(rows.map((r) => r.untilDecodedFrame))}] ms`,
          `  decoded frame → code on the main thread (frame copy, worker decode): [${fmt(rows.map((r) => r.decode))}] ms`,
          `  code → answer from the server → result painted: [${fmt(rows.map((r) => r.answerAndPaint))}] ms`,
          `  decoder (${decoder.engine}): ${decoder.presented} frames presented, ${decoder.grabbed} decoded (${((100 * decoder.grabbed) / Math.max(1, decoder.presented)).toFixed(0)}%), decode median ${median(decoder.decodeMs).toFixed(1)} ms`,
        ].join("\n"),
      );
      expect(decoder.engine).toBe("zxing-wasm");
      expect(median(totals)).toBeLessThanOrEqual(300);
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });

  test("máy quét cầm tay, lỗi mạng, hoàn tác, tìm không dấu và điểm danh thủ công (giám sát)", { tag: "@desktop" }, async ({ page, baseURL }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): keyboard wedge and supervisor tools: a desk PC with a USB scanner, tested once.
    test.setTimeout(60_000);
    const admin = await adminApi(baseURL!);
    // Provincial agriculture departments may enter the conference hall.
    const [e, f, g, h, i] = await admin.delegates({ category: "so-nnptnt", status: "confirmed" });
    const [codeE, codeF, codeH, codeI] = await Promise.all([e!, f!, h!, i!].map((r) => admin.code(r.id)));
    await signInToScanner(page, "giamsat@ocop.example");
    await startScanning(page, "Hội trường Hội nghị", "Bàn PC 1");

    // A keyboard-wedge scan: the code typed key by key into the focused field, then Enter.
    await wedgeScan(page, codeE!, true);
    await expectResult(page, "admitted", e!.fullName);
    await expect(page.getByTestId("scan-result-word")).toHaveText(s.result.admitted);
    await expect(page.getByTestId("scan-announcement")).toContainText(e!.fullName);
    await page.keyboard.press("Escape");
    await expect(result(page)).toHaveCount(0);
    // The same code again within 3 s is ignored: nothing is sent, the first answer stays.
    await wedgeScan(page, codeI!);
    await expectResult(page, "admitted", i!.fullName);
    let posts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/checkins") posts++;
    });
    await wedgeScan(page, codeI!);
    await page.waitForTimeout(300);
    expect(posts).toBe(0);
    await expect(page.getByTestId("scan-result-word")).toHaveText(s.result.admitted);
    await page.keyboard.press("Escape");
    await expect(result(page)).toHaveCount(0);

    // The scan request fails: the device decides from its roster (the same screen, marked as decided
    // offline), queues the scan with its nonce and uploads it once the network answers again
    // (test/e2e/checkin-offline.spec.ts cuts the network for real).
    await expect.poll(async () => (await page.getByTestId("offline-status").getAttribute("data-synced")) ?? "", { timeout: 15_000 }).toBeTruthy();
    const isScan = (url: URL) => url.pathname === "/api/v1/checkins";
    await page.route(isScan, (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
    await wedgeScan(page, codeH!);
    await expectResult(page, "admitted", h!.fullName);
    await expect(result(page)).toHaveAttribute("data-offline", "true");
    await expect(page.getByTestId("scan-result-offline")).toHaveText(s.offline.decided);
    await expect(result(page).getByRole("button", { name: s.result.undo })).toHaveCount(0);
    await page.unroute(isScan);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("offline-banner")).toHaveCount(0, { timeout: 15_000 });

    // Undo from the result screen: afterwards the same badge is green again, not amber.
    await wedgeScan(page, codeF!);
    await expectResult(page, "admitted", f!.fullName);
    await result(page).getByRole("button", { name: s.result.undo }).click();
    const dialog = page.getByRole("dialog", { name: s.undo.title });
    await expect(dialog).toContainText(f!.fullName);
    await dialog.getByRole("button", { name: s.undo.confirm }).click();
    await expect(dialog).toHaveCount(0);
    await expect(result(page)).toHaveCount(0);
    await expect(page.getByTestId("scan-announcement")).toContainText(f!.fullName);
    await wedgeScan(page, codeF!);
    await expectResult(page, "admitted", f!.fullName);
    await page.keyboard.press("Escape");

    // Undo from the recent scans at this checkpoint.
    const recent = page.getByTestId("recent-scans");
    const rowE = recent.getByRole("listitem").filter({ hasText: e!.fullName });
    await expect(rowE).toHaveCount(1);
    await expect(rowE).toContainText("Bàn PC 1");
    await rowE.getByRole("button", { name: new RegExp(s.recent.undo) }).click();
    await dialog.getByRole("button", { name: s.undo.confirm }).click();
    await expect(rowE).toContainText(s.recent.undone);
    await expect(recent.getByRole("listitem").filter({ hasText: f!.fullName }).first()).toContainText(s.result.admitted);
    await page.getByLabel(s.wedge.label).focus();
    await wedgeScan(page, codeE!);
    await expectResult(page, "admitted", e!.fullName);
    await page.keyboard.press("Escape");

    // A lost badge: found by name typed without diacritics, checked in by hand.
    await page.getByLabel(s.search.label).fill(plain(g!.fullName));
    const found = page.getByTestId("search-results").getByRole("listitem").filter({ hasText: g!.fullName });
    await expect(found).toContainText(s.search.notCheckedIn);
    await found.getByRole("button", { name: new RegExp(s.search.manual) }).click();
    await expectResult(page, "admitted", g!.fullName);
    await expect(result(page)).toContainText(s.result.manual);
    await page.keyboard.press("Escape");
    await expect(found).toContainText("Đã vào lúc");
  });

  test("nhân viên điểm danh: không có công cụ giám sát, lựa chọn được ghi nhớ; vai trò khác bị từ chối", { tag: "@desktop" }, async ({ page, baseURL }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): permissions are checked once, on the desktop profile.
    const admin = await adminApi(baseURL!);
    const producer = (await admin.delegates({ category: "chu-the-ocop", status: "confirmed" }))[1]!;
    await signInToScanner(page, "checkin@ocop.example");
    await startScanning(page, "Khu trưng bày gian hàng", "Cửa triển lãm 1");
    await wedgeScan(page, await admin.code(producer.id));
    await expectResult(page, "admitted", producer.fullName);
    await expect(result(page).getByRole("button", { name: s.result.undo })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("heading", { name: s.recent.title })).toHaveCount(0);
    await page.getByLabel(s.search.label).fill(plain(producer.fullName));
    const found = page.getByTestId("search-results").getByRole("listitem").filter({ hasText: producer.fullName });
    await expect(found).toContainText("Đã vào lúc");
    await expect(found.getByRole("button")).toHaveCount(0);

    // The choice is remembered on this device: in English after a reload, the same door and device.
    await page.getByRole("link", { name: vi.common.switchToLabel }).click();
    await expect(page.getByRole("heading", { level: 1, name: en.scanner.setup.title })).toBeVisible();
    await expect(page.getByRole("radio", { name: /^Booth exhibition/ })).toBeChecked();
    await expect(page.getByLabel(en.scanner.setup.device, { exact: true })).toHaveValue("Cửa triển lãm 1");
    await page.getByRole("link", { name: en.common.switchToLabel }).click();
    await expect(page.getByRole("heading", { level: 1, name: s.setup.title })).toBeVisible();

    // Another role is refused.
    await page.getByRole("button", { name: s.signOut }).click();
    await page.waitForURL("/");
    await page.context().clearCookies();
    await page.goto("/checkin");
    await page.getByLabel(vi.signIn.email, { exact: true }).fill("tdkt@ocop.example");
    await page.getByLabel(vi.signIn.password, { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: vi.signIn.submit, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.forbidden.title);
  });
});
