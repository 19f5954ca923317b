import { chromium, test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import vi from "../../messages/vi";
import { signIn as apiSignIn } from "../../scripts/lib/auth-client";
import { startOutageProxy, type OutageProxy } from "../helpers/outage-proxy";
import { writeBadgeVideo } from "../helpers/y4m";

/**
 * The scanner when the hall network fails. The browser reaches the app through a TCP forwarder
 * that the test shuts (every connection, the service worker's included, is refused: a real
 * outage) and opens again. Offline: green/amber/red decided on the device with the banner, a
 * reload that opens from the service worker with the queue and roster intact, the queue drained
 * on reconnect with the original scan times; two devices admitting the same badge offline make
 * one entry and one conflict, listed on the dashboard, where revoking a device wipes it; a re-issued badge reaches the roster and its old code is refused
 * offline; and the median offline verification time over 1,000 codes in Chromium.
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
    // refused connections during the outage are expected network errors
    if (msg.type() === "error" && !/Failed to load resource|net::ERR_/.test(msg.text())) problems.push(`console.error: ${msg.text()}`);
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
const HALL = "Hội trường Hội nghị";
const CEREMONY = "Lễ công bố và tôn vinh";

type Registration = { id: number; fullName: string; status: string; categoryCode: string };
type ScanItem = { id: number; at: string; checkpoint: string; result: string; reason: string | null; device: string | null; registration: { id: number } | null };

async function adminApi(baseURL: string) {
  const session = await apiSignIn(baseURL, "admin@ocop.example", PASSWORD);
  expect(session.cookie, `admin sign-in answered ${session.status}`).toBeTruthy();
  const headers = { cookie: session.cookie!, accept: "application/json", origin: new URL(baseURL).origin };
  const get = async <T,>(path: string): Promise<T> => {
    const res = await fetch(`${baseURL}${path}`, { headers });
    expect(res.status, `GET ${path}`).toBe(200);
    return (await res.json()) as T;
  };
  return {
    get,
    delegates: async (query: Record<string, string>) =>
      (await get<{ items: Registration[] }>(`/api/v1/registrations?${new URLSearchParams({ pageSize: "50", ...query })}`)).items,
    code: async (id: number) => (await get<{ code: string }>(`/api/v1/registrations/${id}/badge`)).code,
    reissue: async (id: number) => {
      const res = await fetch(`${baseURL}/api/v1/registrations/${id}/reissue-badge`, { method: "POST", headers });
      expect(res.status, "reissue").toBeLessThan(300);
    },
    scans: async (checkpoint: string) => (await get<{ items: ScanItem[] }>(`/api/v1/checkins?checkpoint=${checkpoint}&limit=200`)).items,
  };
}

async function signInToScanner(page: Page, email: string) {
  await page.goto("/checkin");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel(vi.signIn.email, { exact: true }).fill(email);
  await page.getByLabel(vi.signIn.password, { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: vi.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/checkin$/);
}

async function startScanning(page: Page, checkpoint: string, device: string) {
  await expect(page.getByRole("heading", { level: 1, name: s.setup.title })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${checkpoint}`) }).check();
  await page.getByRole("radio", { name: new RegExp(`^${s.setup.in}`) }).check();
  await page.getByLabel(s.setup.device, { exact: true }).fill(device);
  await page.getByRole("button", { name: s.setup.start }).click();
  await expect(page.getByTestId("scanner-checkpoint")).toContainText(checkpoint);
}

/** The roster is on the device: enrolled and synced at least once (after `after`, when given). */
async function synced(page: Page, after = "") {
  await expect.poll(async () => (await page.getByTestId("offline-status").getAttribute("data-synced")) ?? "", { timeout: 15_000 }).toBeTruthy();
  if (after) await expect.poll(async () => (await page.getByTestId("offline-status").getAttribute("data-synced")) ?? "", { timeout: 15_000 }).not.toBe(after);
  return (await page.getByTestId("offline-status").getAttribute("data-synced"))!;
}

async function wedgeScan(page: Page, code: string) {
  await expect(page.getByLabel(s.wedge.label)).toBeFocused();
  await page.keyboard.insertText(code);
  await page.keyboard.press("Enter");
}

const result = (page: Page) => page.getByTestId("scan-result");

async function expectOffline(page: Page, kind: string, reason: string | null, name: string | null) {
  await expect(result(page)).toHaveAttribute("data-result", kind);
  await expect(result(page)).toHaveAttribute("data-offline", "true");
  if (reason !== null) await expect(result(page)).toHaveAttribute("data-reason", reason);
  if (name) await expect(page.getByTestId("scan-result-name")).toContainText(name);
  await page.keyboard.press("Escape");
  await expect(result(page)).toHaveCount(0);
}

const banner = (page: Page) => page.getByTestId("offline-banner");
const waiting = (n: number) => vi.scanner.offline.banner.replace("{count}", String(n));

/** A forged code: the right layout and a real badge id, a signature digit changed. */
const forge = (code: string) => `${code.slice(0, 100)}${code[100] === "1" ? "2" : "1"}${code.slice(101)}`;

let proxy: OutageProxy;
test.beforeEach(async ({ baseURL }) => {
  proxy = await startOutageProxy(baseURL!);
});
test.afterEach(async () => {
  await proxy.close();
});

test.describe("máy quét ngoại tuyến / offline scanner", () => {
  test("mất mạng thật: quyết định trên máy, tải lại vẫn còn, có mạng thì gửi hết với giờ quét gốc; 1.000 mã ≤ 1 ms", { tag: "@desktop" }, async ({ baseURL }, testInfo) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): one browser with a fake camera is enough.
    test.setTimeout(90_000);
    const admin = await adminApi(baseURL!);
    // Allowed at the ceremony: ministries' and provinces' leaders (not the delegates other specs use).
    const [m1, m2, m3] = [
      (await admin.delegates({ category: "bo-nganh", status: "confirmed" })).at(-1)!,
      (await admin.delegates({ category: "lanh-dao-tinh", status: "confirmed" })).at(-1)!,
      (await admin.delegates({ category: "bcd-tw", status: "confirmed" })).at(-1)!,
    ];
    const notAllowed = (await admin.delegates({ category: "so-nnptnt", status: "confirmed" })).at(-3)!;
    const cancelled = (await admin.delegates({ status: "cancelled" })).filter((r) => !["chu-the-ocop", "so-nnptnt"].includes(r.categoryCode)).at(-1)!;
    expect([m1, m2, m3, notAllowed, cancelled].every(Boolean)).toBe(true);
    const [c1, c2, c3, cNot, cCancelled] = (await Promise.all([m1, m2, m3, notAllowed, cancelled].map((r) => admin.code(r.id)))) as [string, string, string, string, string];

    // The camera shows m3's badge for 1 s every 10 s.
    const video = testInfo.outputPath("offline-badge.y4m");
    writeBadgeVideo(video, [{ seconds: 6 }, { seconds: 1, code: c3 }, { seconds: 3 }]);
    const args = testInfo.project.use.launchOptions?.args ?? [];
    const browser: Browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [...args, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const context = await browser.newContext({ baseURL: proxy.url, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const problems: string[] = [];
      watch(page, problems);
      await signInToScanner(page, "checkin@ocop.example");
      await startScanning(page, CEREMONY, "Cửa hội trường 2");
      await page.getByRole("button", { name: s.camera.stop }).click();
      await synced(page);
      // m1 admitted online: the device remembers it is inside.
      await page.getByLabel(s.wedge.label).focus();
      await wedgeScan(page, c1);
      await expect(result(page)).toHaveAttribute("data-result", "admitted");
      await expect(result(page)).not.toHaveAttribute("data-offline", "true");
      await page.keyboard.press("Escape");
      // The service worker controls the page and has the scanner cached: one more online visit
      // lets the QR decoder's worker and wasm go through it too.
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10_000 });
      await page.reload();
      await startScanning(page, CEREMONY, "Cửa hội trường 2");
      await expect(page.getByTestId("camera-status")).toHaveAttribute("data-state", "running", { timeout: 10_000 });
      await page.getByRole("button", { name: s.camera.stop }).click();
      await synced(page);

      // Figure: offline verification in Chromium, median per code over 1,000 codes (real codes and forged ones).
      const figure = await page.evaluate(async (codes) => {
        const w = window as unknown as { __ocopVerifyBench: (codes: string[], n: number) => Promise<{ engine: string; median: number; mean: number; valid: number }> };
        return w.__ocopVerifyBench(codes, 1000);
      }, [c1, c2, c3, cNot, cCancelled, forge(c1), forge(c2)]);
      console.log(`offline badge verification in Chromium (${figure.engine}): median ${figure.median.toFixed(3)} ms per code, mean ${figure.mean.toFixed(3)} ms, over 1,000 codes (${figure.valid} valid, the rest forged)`);
      expect(figure.engine).toBe("webcrypto");
      expect(figure.valid).toBe(Array.from({ length: 1000 }, (_, i) => i % 7 < 5).filter(Boolean).length);
      expect(figure.median).toBeLessThanOrEqual(1);

      // The outage: nothing reaches the server any more.
      await proxy.down();
      const t0 = Date.now();
      await page.getByLabel(s.wedge.label).focus();
      await wedgeScan(page, c2);
      await expectOffline(page, "admitted", "", m2.fullName);
      await expect(banner(page)).toContainText(waiting(1));
      await expect(banner(page)).toContainText(vi.scanner.offline.lastSync.replace(" {time}", ""));
      await wedgeScan(page, c1);
      await expectOffline(page, "already_admitted", "", m1.fullName);
      await wedgeScan(page, cNot);
      await expectOffline(page, "refused", "not_allowed", notAllowed.fullName);
      await wedgeScan(page, cCancelled);
      await expectOffline(page, "refused", "cancelled", cancelled.fullName);
      await wedgeScan(page, forge(c2));
      await expectOffline(page, "invalid", "signature", null);
      // One by camera.
      await page.getByRole("button", { name: s.camera.start }).click();
      await expect(result(page)).toHaveAttribute("data-result", "admitted", { timeout: 15_000 });
      await expect(result(page)).toHaveAttribute("data-offline", "true");
      await expect(page.getByTestId("scan-result-name")).toContainText(m3.fullName);
      await page.getByRole("button", { name: s.camera.stop }).click();
      await page.keyboard.press("Escape");
      await expect(banner(page)).toContainText(waiting(6));
      const t1 = Date.now();

      // A reload with no network (the browser offline too): the service worker opens the page,
      // IndexedDB still has the queue and the roster.
      await context.setOffline(true);
      await page.reload();
      await startScanning(page, CEREMONY, "Cửa hội trường 2");
      await expect(banner(page)).toContainText(waiting(6));
      await page.getByLabel(s.wedge.label).focus();
      await wedgeScan(page, c2);
      await expectOffline(page, "already_admitted", "", m2.fullName);
      await expect(banner(page)).toContainText(waiting(7));
      // Search without diacritics in the roster on the device.
      await page.getByLabel(s.search.label).fill(m2.fullName.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase());
      await expect(page.getByTestId("search-offline")).toBeVisible();
      await expect(page.getByTestId("search-results").getByRole("listitem").filter({ hasText: m2.fullName })).toContainText("Đã vào lúc");
      await page.getByLabel(s.search.label).fill("");
      await page.waitForTimeout(2000); // the scans were made well before they are uploaded

      // The network is back: the queue drains by itself.
      const uploadAt = Date.now();
      await proxy.up();
      await context.setOffline(false);
      await expect(banner(page)).toHaveCount(0, { timeout: 15_000 });
      const scans = (await admin.scans("le-ton-vinh")).filter((x) => x.device === "Cửa hội trường 2");
      const of = (id: number) => scans.filter((x) => x.registration?.id === id).sort((a, b) => a.at.localeCompare(b.at));
      const first2 = of(m2.id)[0]!;
      expect(first2.result).toBe("admitted");
      expect(Date.parse(first2.at)).toBeGreaterThanOrEqual(t0 - 1000);
      expect(Date.parse(first2.at)).toBeLessThan(t1 + 1000);
      expect(Date.parse(first2.at)).toBeLessThan(uploadAt - 1500);
      expect(of(m2.id).map((x) => x.result)).toEqual(["admitted", "already_admitted"]);
      expect(of(m1.id).map((x) => x.result)).toEqual(["admitted", "already_admitted"]);
      expect(of(m3.id).map((x) => x.result)).toEqual(["admitted"]);
      expect(of(notAllowed.id).map((x) => x.reason)).toEqual(["not_allowed"]);
      expect(of(cancelled.id).map((x) => x.reason)).toEqual(["cancelled"]);
      expect(scans.filter((x) => x.result === "invalid" && x.reason === "signature").length).toBeGreaterThanOrEqual(1);
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });

  test("hai thiết bị cùng cho một thẻ vào khi mất mạng: một lượt vào, một xung đột", { tag: "@desktop" }, async ({ browser, baseURL }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): two contexts on the desktop profile.
    test.setTimeout(60_000);
    const admin = await adminApi(baseURL!);
    const delegate = (await admin.delegates({ category: "so-nnptnt", status: "confirmed" })).at(-1)!;
    const code = await admin.code(delegate.id);
    type Stats = { checkpoints: { code: string; admitted: number }[]; conflicts: { registrationId: number; kept: { device: string | null; offline: boolean }; other: { device: string | null; offline: boolean } }[] };
    const admittedAtHall = async () => (await admin.get<Stats>("/api/v1/checkins/stats")).checkpoints.find((c) => c.code === "hoi-truong")!.admitted;
    const before = await admittedAtHall();

    const devices: { context: BrowserContext; page: Page }[] = [];
    for (const [email, name] of [["checkin@ocop.example", "Cửa A"], ["giamsat@ocop.example", "Cửa B"]] as const) {
      const context = await browser.newContext({ baseURL: proxy.url });
      const page = await context.newPage();
      watch(page, []);
      await signInToScanner(page, email);
      await startScanning(page, HALL, name);
      await page.getByRole("button", { name: s.camera.stop }).click().catch(() => undefined);
      await synced(page);
      devices.push({ context, page });
    }
    await proxy.down();
    for (const { page } of devices) {
      await page.getByLabel(s.wedge.label).focus();
      await wedgeScan(page, code);
      await expectOffline(page, "admitted", "", delegate.fullName);
      await expect(banner(page)).toContainText(waiting(1));
    }
    await proxy.up();
    // each device notices within its offline probe (5 s) and uploads its queue
    for (const { page } of devices) await expect(banner(page)).toHaveCount(0, { timeout: 15_000 });
    expect(await admittedAtHall()).toBe(before + 1);
    const stats = await admin.get<Stats>("/api/v1/checkins/stats");
    const conflicts = stats.conflicts.filter((c) => c.registrationId === delegate.id);
    expect(conflicts).toHaveLength(1);
    expect([conflicts[0]!.kept.device, conflicts[0]!.other.device].sort()).toEqual(["Cửa A", "Cửa B"]);

    // The supervisor's dashboard lists the conflict with both scans, and the scanners; revoking
    // device A makes its next sync wipe it and stop it.
    const [a, b] = devices as [{ context: BrowserContext; page: Page }, { context: BrowserContext; page: Page }];
    const d = vi.checkinAdmin.dashboard;
    await b.page.goto("/admin/checkin");
    const conflict = b.page.getByTestId("conflicts").getByRole("listitem").filter({ hasText: delegate.fullName });
    await expect(conflict).toContainText("Cửa A");
    await expect(conflict).toContainText("Cửa B");
    await expect(conflict).toContainText(d.conflictKept);
    const rowA = b.page.getByTestId("device-row").filter({ hasText: "Cửa A" }).first();
    await expect(rowA).toBeVisible();
    await rowA.getByRole("button", { name: d.deviceRevokeFor.replace("{name}", "Cửa A") }).click();
    await rowA.getByRole("button", { name: d.deviceRevokeYes, exact: true }).click();
    await expect(rowA).toContainText(d.deviceRevoked.replace(" {time}", ""));
    await a.page.getByTestId("offline-status").getByRole("button", { name: s.offline.syncNow }).click();
    await expect(a.page.getByTestId("device-revoked")).toContainText(s.offline.revokedTitle);
    const left = await a.page.evaluate(() => new Promise<number[]>((resolve, reject) => {
      const req = indexedDB.open("ocop-scanner");
      req.onsuccess = () => {
        const tx = req.result.transaction(["kv", "rows", "presence", "queue"], "readonly");
        const counts = ["kv", "rows", "presence", "queue"].map((n) => tx.objectStore(n).count());
        tx.oncomplete = () => resolve(counts.map((c) => c.result));
      };
      req.onerror = () => reject(req.error);
    }));
    expect(left, "the revoked device's IndexedDB is wiped").toEqual([0, 0, 0, 0]);
    for (const { context } of devices) await context.close();
  });

  test("thẻ cấp lại đến danh sách trên máy, mã cũ bị từ chối khi mất mạng", { tag: "@desktop" }, async ({ browser, baseURL }) => {
    // Only in the desktop project (tag @desktop, playwright.config.ts): desktop profile.
    test.setTimeout(45_000);
    const admin = await adminApi(baseURL!);
    const delegate = (await admin.delegates({ category: "so-nnptnt", status: "confirmed" })).at(-2)!;
    const oldCode = await admin.code(delegate.id);
    const context = await browser.newContext({ baseURL: proxy.url });
    const p = await context.newPage();
    const problems: string[] = [];
    watch(p, problems);
    await signInToScanner(p, "checkin@ocop.example");
    await startScanning(p, HALL, "Cửa hội trường 3");
    await p.getByRole("button", { name: s.camera.stop }).click().catch(() => undefined);
    const first = await synced(p);
    await admin.reissue(delegate.id);
    const newCode = await admin.code(delegate.id);
    expect(newCode).not.toBe(oldCode);
    // The next incremental sync (every 30 s; here at once) brings the new serial.
    const started = Date.now();
    await p.getByTestId("offline-status").getByRole("button", { name: s.offline.syncNow }).click();
    await synced(p, first);
    expect(Date.now() - started).toBeLessThan(30_000);
    await proxy.down();
    await p.getByLabel(s.wedge.label).focus();
    await wedgeScan(p, oldCode);
    await expectOffline(p, "refused", "revoked", delegate.fullName);
    await wedgeScan(p, newCode);
    await expectOffline(p, "admitted", "", delegate.fullName);
    await proxy.up();
    expect(problems).toEqual([]);
    await context.close();
  });
});
