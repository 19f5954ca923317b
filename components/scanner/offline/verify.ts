import { fromBase64url, parseBadgeCode, signedMessage } from "./code";

/** Verifies badge signatures with the event's public key: WebCrypto Ed25519, else pure JS. */
export type BadgeVerifier = {
  engine: "webcrypto" | "noble";
  /** Format and signature only; serial, status and rules are the roster's business. */
  verify: (code: string) => Promise<{ ok: true; badgeId: number; serial: number } | { ok: false; reason: "format" | "signature" }>;
};

const cache = new Map<string, Promise<BadgeVerifier>>();

/** One verifier per (event, key): importing the key once keeps each check well under a millisecond. */
export function badgeVerifier(eventId: number, publicKey: string, opts: { forceFallback?: boolean } = {}): Promise<BadgeVerifier> {
  const k = `${eventId}:${publicKey}:${opts.forceFallback ? "js" : "auto"}`;
  let v = cache.get(k);
  if (!v) {
    v = build(eventId, publicKey, opts.forceFallback ?? false);
    cache.set(k, v);
    v.catch(() => cache.delete(k));
  }
  return v;
}

async function build(eventId: number, publicKey: string, forceFallback: boolean): Promise<BadgeVerifier> {
  const raw = fromBase64url(publicKey);
  if (!forceFallback && typeof crypto !== "undefined" && crypto.subtle) {
    try {
      const key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
      // A browser that imports the key but cannot verify falls back below.
      await crypto.subtle.verify({ name: "Ed25519" }, key, new Uint8Array(64), new Uint8Array(1));
      return {
        engine: "webcrypto",
        verify: async (code) => {
          const p = parseBadgeCode(code);
          if (!p.ok) return p;
          const ok = await crypto.subtle.verify({ name: "Ed25519" }, key, p.signature, signedMessage(eventId, p.badgeId, p.serial));
          return ok ? { ok: true, badgeId: p.badgeId, serial: p.serial } : { ok: false, reason: "signature" };
        },
      };
    } catch {
      // no Ed25519 in this browser's WebCrypto: pure JS below
    }
  }
  const ed = await import("@noble/ed25519");
  return {
    engine: "noble",
    verify: async (code) => {
      const p = parseBadgeCode(code);
      if (!p.ok) return p;
      let ok = false;
      try {
        ok = await ed.verifyAsync(p.signature, signedMessage(eventId, p.badgeId, p.serial), raw);
      } catch {
        ok = false;
      }
      return ok ? { ok: true, badgeId: p.badgeId, serial: p.serial } : { ok: false, reason: "signature" };
    },
  };
}
