import type crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { eventKeys } from "@/db/schema";
import { generateBadgeKeyPair, privateKeyFromPkcs8, publicKeyFromRaw } from "./code";

export type EventKey = { eventId: number; publicKeyRaw: string; publicKey: crypto.KeyObject; privateKey: crypto.KeyObject };
const cache = new Map<number, EventKey>();

/** The event's badge key, created on first use (concurrent first uses agree on one key). */
export async function eventKey(db: DbOrTx, eventId: number): Promise<EventKey> {
  const hit = cache.get(eventId);
  if (hit) return hit;
  let [row] = await db.select().from(eventKeys).where(eq(eventKeys.eventId, eventId));
  if (!row) {
    await db.insert(eventKeys).values({ eventId, ...generateBadgeKeyPair() }).onConflictDoNothing();
    [row] = await db.select().from(eventKeys).where(eq(eventKeys.eventId, eventId));
  }
  const key = { eventId, publicKeyRaw: row!.publicKey, publicKey: publicKeyFromRaw(row!.publicKey), privateKey: privateKeyFromPkcs8(row!.privateKey) };
  cache.set(eventId, key);
  return key;
}

/** Tests drop databases; a cached key must not outlive its event row across databases. */
export function clearEventKeyCache(): void {
  cache.clear();
}
