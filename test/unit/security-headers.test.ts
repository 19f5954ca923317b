import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders } from "@/lib/server/security-headers";

function fake(headers: Record<string, string> = {}) {
  const set = new Map<string, string>();
  const req = { headers: { ...headers } } as unknown as IncomingMessage;
  const res = { setHeader: (k: string, v: string) => set.set(k.toLowerCase(), v) } as unknown as ServerResponse;
  return { req, res, set };
}

describe("security headers", () => {
  it("gives pages a CSP with a fresh nonce that Next can read from the request", () => {
    const a = fake();
    applySecurityHeaders(a.req, a.res, "/");
    const csp = a.set.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(a.req.headers["content-security-policy"]).toBe(csp);
    const b = fake();
    applySecurityHeaders(b.req, b.res, "/");
    expect(b.set.get("content-security-policy")).not.toBe(csp);
    expect(a.set.get("x-content-type-options")).toBe("nosniff");
    expect(a.set.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.set.get("strict-transport-security")).toBeUndefined();
  });

  it("gives API responses a deny-all CSP and adds HSTS behind HTTPS", () => {
    const a = fake({ "x-forwarded-proto": "https" });
    applySecurityHeaders(a.req, a.res, "/api/health");
    expect(a.set.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(a.set.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});
