import crypto from "node:crypto";

/**
 * The badge QR code: digits only (QR numeric mode), so a keyboard-wedge scanner typing through a
 * Vietnamese input method (Telex, VNI) cannot mangle it. 170 digits:
 *   1 version · 10 badge id · 4 serial · 155 Ed25519 signature (64 bytes as a decimal number)
 * The signature covers the event id too, so a code from another event never verifies.
 */
export const CODE_VERSION = 1;
const ID_DIGITS = 10;
const SERIAL_DIGITS = 4;
const SIG_DIGITS = 155;
export const CODE_LENGTH = 1 + ID_DIGITS + SERIAL_DIGITS + SIG_DIGITS;

export type BadgeClaims = { eventId: number; badgeId: number; serial: number };
export type VerifyResult = { ok: true; badgeId: number; serial: number } | { ok: false; reason: "format" | "version" | "signature" };

export function signedMessage(c: BadgeClaims): Buffer {
  return Buffer.from(`OCOP-BADGE|v${CODE_VERSION}|event:${c.eventId}|id:${c.badgeId}|serial:${c.serial}`, "utf8");
}

function sigToDigits(sig: Buffer): string {
  return BigInt(`0x${sig.toString("hex")}`).toString(10).padStart(SIG_DIGITS, "0");
}

function digitsToSig(digits: string): Buffer | null {
  const n = BigInt(digits);
  const hex = n.toString(16);
  if (hex.length > 128) return null;
  return Buffer.from(hex.padStart(128, "0"), "hex");
}

export function encodeBadgeCode(c: BadgeClaims, privateKey: crypto.KeyObject): string {
  if (!Number.isInteger(c.badgeId) || c.badgeId <= 0 || c.badgeId >= 10 ** ID_DIGITS) throw new Error("badge id out of range");
  if (!Number.isInteger(c.serial) || c.serial <= 0 || c.serial >= 10 ** SERIAL_DIGITS) throw new Error("serial out of range");
  const sig = crypto.sign(null, signedMessage(c), privateKey);
  return `${CODE_VERSION}${String(c.badgeId).padStart(ID_DIGITS, "0")}${String(c.serial).padStart(SERIAL_DIGITS, "0")}${sigToDigits(sig)}`;
}

/** Checks format and signature only; whether the serial is current is the caller's business. */
export function verifyBadgeCode(code: string, eventId: number, publicKey: crypto.KeyObject): VerifyResult {
  const digits = code.trim();
  if (digits.length !== CODE_LENGTH || !/^\d+$/.test(digits)) return { ok: false, reason: "format" };
  if (Number(digits[0]) !== CODE_VERSION) return { ok: false, reason: "version" };
  const badgeId = Number(digits.slice(1, 1 + ID_DIGITS));
  const serial = Number(digits.slice(1 + ID_DIGITS, 1 + ID_DIGITS + SERIAL_DIGITS));
  const sig = digitsToSig(digits.slice(1 + ID_DIGITS + SERIAL_DIGITS));
  if (!sig || badgeId <= 0 || serial <= 0) return { ok: false, reason: "format" };
  const valid = crypto.verify(null, signedMessage({ eventId, badgeId, serial }), publicKey, sig);
  return valid ? { ok: true, badgeId, serial } : { ok: false, reason: "signature" };
}

export function generateBadgeKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
  return {
    publicKey: publicKey.export({ format: "jwk" }).x!,
    privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
  };
}

export function publicKeyFromRaw(rawBase64url: string): crypto.KeyObject {
  return crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: rawBase64url }, format: "jwk" });
}

export function privateKeyFromPkcs8(base64: string): crypto.KeyObject {
  return crypto.createPrivateKey({ key: Buffer.from(base64, "base64"), format: "der", type: "pkcs8" });
}
