import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const STATIC_HEADERS: [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"],
];

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Sets the security headers on every response. Pages get a CSP with a per-request nonce, passed to
 * Next.js through the request's Content-Security-Policy header, which Next reads to nonce its scripts.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, path: string): void {
  for (const [k, v] of STATIC_HEADERS) res.setHeader(k, v);
  if (req.headers["x-forwarded-proto"] === "https") res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (path.startsWith("/_next/static/")) return;
  if (path.startsWith("/api/")) {
    res.setHeader("Content-Security-Policy", API_CSP);
    return;
  }
  const nonce = crypto.randomBytes(16).toString("base64");
  const csp = pageCsp(nonce);
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
}
