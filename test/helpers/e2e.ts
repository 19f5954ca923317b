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
