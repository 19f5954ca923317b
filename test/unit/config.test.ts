import { describe, expect, it } from "vitest";
import { configureAuthUrl } from "@/lib/server/auth-url";
import { isDemo, loadSecrets } from "@/lib/server/secrets";
import { isStartupError } from "@/lib/server/startup-error";

function startupMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isStartupError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error("expected a StartupError");
}

describe("production configuration fails fast with one clear sentence", () => {
  it("requires NEXTAUTH_URL for a real deployment, and trusts the host in the demo", () => {
    expect(startupMessage(() => configureAuthUrl({ DATABASE_URL: "postgres://x@h/db" }))).toMatch(/Thiếu NEXTAUTH_URL.*\n.*NEXTAUTH_URL is missing/);
    expect(startupMessage(() => configureAuthUrl({ DATABASE_URL: "postgres://x@h/db", NEXTAUTH_URL: "not a url" }))).toMatch(/NEXTAUTH_URL="not a url"/);
    const demo: Record<string, string | undefined> = {};
    configureAuthUrl(demo);
    expect(demo.AUTH_TRUST_HOST).toBe("true");
    const prod: Record<string, string | undefined> = { DATABASE_URL: "postgres://x@h/db", NEXTAUTH_URL: "https://hoinghi.example.vn" };
    configureAuthUrl(prod);
    expect(prod.AUTH_TRUST_HOST).toBeUndefined();
  });

  it("requires a long AUTH_SECRET for a real deployment; the demo generates one", () => {
    expect(startupMessage(() => loadSecrets("/nonexistent", { DATABASE_URL: "postgres://x@h/db" }))).toMatch(/Thiếu AUTH_SECRET/);
    expect(startupMessage(() => loadSecrets("/nonexistent", { AUTH_SECRET: "short" }))).toMatch(/AUTH_SECRET quá ngắn/);
    expect(loadSecrets("/nonexistent", { AUTH_SECRET: "x".repeat(40) }).authSecret).toBe("x".repeat(40));
    expect(isDemo({})).toBe(true);
    expect(isDemo({ DATABASE_URL: "postgres://x@h/db" })).toBe(false);
    expect(isDemo({ DATABASE_URL: "postgres://x@h/db", OCOP_DEMO: "1" })).toBe(true);
  });
});
