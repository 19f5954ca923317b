import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests: the production build served by the custom server (server.ts) on a fresh
 * embedded PGlite database, driven by the system Chromium (/usr/bin/chromium; no browser downloads).
 * Run with `npm run test:e2e` (scripts/e2e.ts builds when stale, then runs Playwright).
 */
const PORT = Number(process.env.E2E_PORT || 3217);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** Removed before the server starts, so every run migrates and seeds an empty database. */
const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR || ".data-e2e");

/**
 * Which profile runs what: staff screens and flows that change shared data run once, on the
 * desktop profile; the public pages' budgets and the camera scanner on the phone profile; the
 * landing page on both. Chosen here (files, and tags `@desktop` / `@phone` on single tests) rather
 * than with test.skip() inside a test, which would still open a browser page for every skipped one.
 */
const DESKTOP_ONLY = ["**/auth.spec.ts", "**/console.spec.ts", "**/badge-print.spec.ts", "**/checkin-admin.spec.ts"];

export default defineConfig({
  testDir: "test/e2e",
  // Two cores: the server and one browser are enough to keep both busy.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: "list",
  outputDir: "test-results",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    video: "off",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    {
      name: "phone",
      testIgnore: DESKTOP_ONLY,
      grepInvert: /@desktop/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      name: "desktop",
      grepInvert: /@phone/,
      use: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
    },
  ],
  webServer: {
    // The webServer starts before any globalSetup, so the data directory is removed here (and by
    // scripts/e2e.ts) to make a direct `npx playwright test` start from an empty database too.
    command: `node -e "require('node:fs').rmSync(process.env.DATA_DIR, { recursive: true, force: true })" && node --import tsx server.ts`,
    url: `${BASE_URL}/api/health`,
    // OCOP_DEMO=1 seeds the demo accounts (password Demo@2020) that test/e2e/auth.spec.ts signs in with.
    env: { PORT: String(PORT), DATA_DIR: E2E_DATA_DIR, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", OCOP_DEMO: "1" },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // SIGTERM lets the server finish requests and close PGlite cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
