import crypto from "node:crypto";

/**
 * Signed links for people without an account (the delegate's personal manage link, the badge page,
 * invitations): base64url(JSON payload) + "." + HMAC-SHA256, keyed from AUTH_SECRET per purpose.
 */
export type LinkKind = "manage" | "badge" | "invite";
export type LinkPayload = { k: LinkKind; id: number; e: number; exp: number };

const keys = new Map<string, Buffer>();

/** One derived key per purpose and secret, computed once (HKDF on every link would cost a request dearly). */
function key(kind: LinkKind): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const id = `${kind}\0${secret}`;
  let k = keys.get(id);
  if (!k) {
    k = Buffer.from(crypto.hkdfSync("sha256", secret, "ocop-signed-links", `link:${kind}`, 32));
    keys.set(id, k);
  }
  return k;
}

export function signLink(kind: LinkKind, id: number, eventId: number, expiresAt: Date): string {
  const payload: LinkPayload = { k: kind, id, e: eventId, exp: Math.floor(expiresAt.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const mac = crypto.createHmac("sha256", key(kind)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The payload if the token is authentic, of the expected kind and not expired; else null. */
export function verifyLink(kind: LinkKind, token: string, now = new Date()): LinkPayload | null {
  if (typeof token !== "string" || token.length > 400) return null;
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = crypto.createHmac("sha256", key(kind)).update(body).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as LinkPayload;
    if (p.k !== kind || !Number.isInteger(p.id) || !Number.isInteger(p.e) || typeof p.exp !== "number") return null;
    if (p.exp * 1000 < now.getTime()) return null;
    return p;
  } catch {
    return null;
  }
}
