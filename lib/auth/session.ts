import { decode } from "next-auth/jwt";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

export function hasSessionCookie(cookieHeader: string | null): boolean {
  return COOKIE_NAMES.some((n) => readCookie(cookieHeader, n) !== undefined);
}

/** The user id and issue time in a valid next-auth session cookie, or null. */
export async function readSession(cookieHeader: string | null): Promise<{ userId: number; issuedAt?: number } | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of COOKIE_NAMES) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      const id = Number(payload?.sub);
      if (Number.isInteger(id) && id > 0) return { userId: id, issuedAt: typeof payload?.iat === "number" ? payload.iat : undefined };
    } catch {
      return null;
    }
  }
  return null;
}
