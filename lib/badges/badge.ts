import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { DbOrTx } from "@/db/client";
import { registrations } from "@/db/schema";
import { encodeBadgeCode } from "./code";
import { eventKey } from "./keys";

/** The current signed code of a registration's badge (its id and serial). */
export async function badgeCodeFor(db: DbOrTx, r: { id: number; eventId: number; badgeSerial: number }): Promise<string> {
  const key = await eventKey(db, r.eventId);
  return encodeBadgeCode({ eventId: r.eventId, badgeId: r.id, serial: r.badgeSerial }, key.privateKey);
}

export async function badgeCodeById(db: DbOrTx, id: number): Promise<string | null> {
  const [r] = await db.select({ id: registrations.id, eventId: registrations.eventId, badgeSerial: registrations.badgeSerial }).from(registrations).where(eq(registrations.id, id));
  return r ? badgeCodeFor(db, r) : null;
}

/** QR in numeric mode, error correction M (version 5 for 170 digits). */
export function qrPng(code: string, width = 480): Promise<Buffer> {
  return QRCode.toBuffer([{ data: code, mode: "numeric" }], { errorCorrectionLevel: "M", type: "png", margin: 2, width });
}

export function qrSvg(code: string): Promise<string> {
  return QRCode.toString([{ data: code, mode: "numeric" }], { errorCorrectionLevel: "M", type: "svg", margin: 2 });
}
