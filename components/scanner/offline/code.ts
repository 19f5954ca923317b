/**
 * The 170-digit badge code, read on the scanner (the same layout as lib/badges/code.ts, without
 * node:crypto): 1 version digit, 10 badge id digits, 4 serial digits, 155 digits of the Ed25519
 * signature over `OCOP-BADGE|v1|event:{eventId}|id:{id}|serial:{serial}`.
 */
export const CODE_VERSION = 1;
const ID_DIGITS = 10;
const SERIAL_DIGITS = 4;
const SIG_DIGITS = 155;
export const CODE_LENGTH = 1 + ID_DIGITS + SERIAL_DIGITS + SIG_DIGITS;

export type ParsedCode = { ok: true; badgeId: number; serial: number; signature: Uint8Array<ArrayBuffer> } | { ok: false; reason: "format" | "signature" };

/** Splits a code into its claims and signature bytes; a wrong version reads as a bad signature, as on the server. */
export function parseBadgeCode(raw: string): ParsedCode {
  const digits = raw.trim();
  if (digits.length !== CODE_LENGTH || !/^\d+$/.test(digits)) return { ok: false, reason: "format" };
  if (Number(digits[0]) !== CODE_VERSION) return { ok: false, reason: "format" };
  const badgeId = Number(digits.slice(1, 1 + ID_DIGITS));
  const serial = Number(digits.slice(1 + ID_DIGITS, 1 + ID_DIGITS + SERIAL_DIGITS));
  const hex = BigInt(digits.slice(1 + ID_DIGITS + SERIAL_DIGITS)).toString(16);
  if (hex.length > 128 || badgeId <= 0 || serial <= 0) return { ok: false, reason: "format" };
  const padded = hex.padStart(128, "0");
  const signature = new Uint8Array(64);
  for (let i = 0; i < 64; i++) signature[i] = parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  return { ok: true, badgeId, serial, signature };
}

const encoder = new TextEncoder();

/** The bytes the event's key signed for this badge. */
export function signedMessage(eventId: number, badgeId: number, serial: number): Uint8Array<ArrayBuffer> {
  return encoder.encode(`OCOP-BADGE|v${CODE_VERSION}|event:${eventId}|id:${badgeId}|serial:${serial}`);
}

/** base64url (no padding) → bytes. */
export function fromBase64url(s: string): Uint8Array<ArrayBuffer> {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(s.length / 4) * 4, "=");
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
