import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Sends visitors without a session cookie from the signed-in area to sign-in, with the way back.
 * A convenience only, never the security boundary: every page and domain function checks the
 * session and the permission itself (middleware can be bypassed, cf. CVE-2025-29927).
 */
export function proxy(req: NextRequest) {
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const { pathname, search } = req.nextUrl;
  const url = req.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

// Only the signed-in area: the landing page, the API and /api/health never run this.
export const config = { matcher: ["/admin/:path*", "/account/:path*", "/checkin/:path*", "/portal/:path*"] };
