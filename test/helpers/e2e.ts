import { test as base, expect, type Page } from "@playwright/test";

/** The demo accounts' password (OCOP_DEMO=1 seeds them). */
export const DEMO_PASSWORD = "Demo@2020";

/**
 * Signs the page's browser context in through next-auth's credentials endpoint, as the sign-in
 * form does, without opening the form (test/e2e/auth.spec.ts tests the form itself). The session
 * cookie lands in the context, so the page and page.request are signed in.
 */
export async function signInByApi(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf", { headers: { Accept: "application/json" } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/signin/continue", json: "true" },
    headers: { Accept: "application/json", "X-Auth-Return-Redirect": "1" },
  });
  const body = (await res.json().catch(() => null)) as { url?: string } | null;
  if (!res.ok() || !body?.url || /[?&](error|csrf)=/.test(body.url)) throw new Error(`sign-in failed for ${email}: HTTP ${res.status()} ${body?.url ?? ""}`);
}

/** Signs in as `email`, then opens `path`. */
export async function openAs(page: Page, email: string, path: string): Promise<void> {
  await signInByApi(page, email);
  await page.goto(path);
}

/** Network errors the browser logs for answers a test provokes on purpose (403 pages, 404 links). */
const EXPECTED_NETWORK_ERRORS = /Failed to load resource/;

/**
 * `test` with an automatic `problems` fixture: the test fails on console errors, page errors and
 * Content-Security-Policy violations. `ignore` names further console messages a spec expects.
 */
export function testFailingOnProblems(ignore?: RegExp) {
  return base.extend<{ problems: string[] }>({
    problems: [
      async ({ page }, use) => {
        const problems: string[] = [];
        page.on("console", (msg) => {
          if (msg.type() === "error" && !EXPECTED_NETWORK_ERRORS.test(msg.text()) && !ignore?.test(msg.text())) problems.push(`console.error: ${msg.text()}`);
        });
        page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
        await page.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (e) => {
            console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`);
          });
        });
        await use(problems);
        expect(problems, "console errors, page errors or CSP violations").toEqual([]);
      },
      { auto: true },
    ],
  });
}

export type Vitals = { lcp: number; lcpElement: string; cls: number; shifts: number; ttfb: number; fcp: number };

/** LCP, CLS, FCP and TTFB of the page as loaded, from the browser's own PerformanceObserver entries. */
export function webVitals(page: Page): Promise<Vitals> {
  return page.evaluate(
    () =>
      new Promise<Vitals>((resolve) => {
        let lcp = -1;
        let lcpElement = "";
        let cls = 0;
        let shifts = 0;
        type LcpEntry = PerformanceEntry & { element?: Element | null };
        type ShiftEntry = PerformanceEntry & { value: number; hadRecentInput: boolean };
        const onLcp = (entries: PerformanceEntryList) => {
          for (const e of entries as LcpEntry[]) {
            lcp = e.startTime;
            lcpElement = e.element ? `${e.element.tagName.toLowerCase()}${e.element.id ? `#${e.element.id}` : ""}` : "";
          }
        };
        const onShift = (entries: PerformanceEntryList) => {
          for (const e of entries as ShiftEntry[]) {
            if (!e.hadRecentInput) {
              cls += e.value;
              shifts += 1;
            }
          }
        };
        const lcpObserver = new PerformanceObserver((list) => onLcp(list.getEntries()));
        lcpObserver.observe({ type: "largest-contentful-paint", buffered: true });
        const clsObserver = new PerformanceObserver((list) => onShift(list.getEntries()));
        clsObserver.observe({ type: "layout-shift", buffered: true });
        setTimeout(() => {
          onLcp(lcpObserver.takeRecords());
          onShift(clsObserver.takeRecords());
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
          const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1;
          resolve({ lcp, lcpElement, cls, shifts, ttfb: nav ? nav.responseStart : -1, fcp });
        }, 300);
      }),
  );
}
