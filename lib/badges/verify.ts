import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { registrations } from "@/db/schema";
import { verifyBadgeCode } from "./code";
import { eventKey } from "./keys";

export type BadgeCheck =
  | { ok: true; registrationId: number; serial: number }
  | { ok: false; reason: "format" | "version" | "signature" | "unknown" | "reissued"; registrationId?: number };

/** Signature, then the registration and its current serial: a re-issued badge's old code is refused. */
export async function checkBadge(db: DbOrTx, eventId: number, code: string): Promise<BadgeCheck> {
  const key = await eventKey(db, eventId);
  const v = verifyBadgeCode(code, eventId, key.publicKey);
  if (!v.ok) return v;
  const [r] = await db.select({ id: registrations.id, eventId: registrations.eventId, serial: registrations.badgeSerial }).from(registrations).where(eq(registrations.id, v.badgeId));
  if (!r || r.eventId !== eventId) return { ok: false, reason: "unknown" };
  if (r.serial !== v.serial) return { ok: false, reason: "reissued", registrationId: r.id };
  return { ok: true, registrationId: r.id, serial: r.serial };
}
