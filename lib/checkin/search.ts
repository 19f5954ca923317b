import { and, asc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkinPresence, checkpoints, delegateCategories, registrations } from "@/db/schema";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { currentEvent } from "@/lib/registration/common";
import { normalisePhone } from "@/lib/registration/schemas";
import { searchKey } from "@/lib/text/normalize";
import { parseInput, text } from "@/lib/validation";
import { scanRegistrationView, scanTargetColumns } from "./redeem-badge";
import { scanRegistration } from "./types";

export const checkinSearchQuery = z.object({
  q: text({ min: 2, max: 100 }),
  checkpoint: z.string().max(40).optional(),
}).strict();

export const checkinSearchItem = scanRegistration.extend({
  phoneTail: z.string(),
  checkedIn: z.object({ at: z.string(), checkpoint: z.string(), inside: z.boolean() }).nullable(),
});
export type CheckinSearchItem = z.infer<typeof checkinSearchItem>;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, "\\$&");

/**
 * Finds a delegate who lost the badge: by name without diacritics ("nguyen van an" finds
 * "Nguyễn Văn An"; every word must match), or by phone (+84 or spaces accepted, or its last digits).
 * Door staff see what the door needs: no email, only the phone's last three digits.
 */
export async function searchForCheckin(ctx: Ctx, input: z.input<typeof checkinSearchQuery>): Promise<CheckinSearchItem[]> {
  requirePermission(ctx, "checkin.scan");
  const data = parseInput(checkinSearchQuery, input);
  const event = await currentEvent(ctx.db);
  const where: SQL[] = [eq(registrations.eventId, event.id)];
  const phone = normalisePhone(data.q);
  if (phone) where.push(eq(registrations.phone, phone));
  else if (/^[\d\s.+-]+$/.test(data.q)) where.push(ilike(registrations.phone, `%${escapeLike(data.q.replace(/\D/g, ""))}`));
  else for (const word of searchKey(data.q).split(" ").filter(Boolean)) where.push(ilike(registrations.searchKey, `%${escapeLike(word)}%`));
  const rows = await ctx.db.select({ ...scanTargetColumns, phone: registrations.phone }).from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
    .where(and(...where)).orderBy(sql`${registrations.sortKey} collate "C"`, asc(registrations.id)).limit(20);
  const presence = rows.length ? await ctx.db.select({ registrationId: checkinPresence.registrationId, at: checkinPresence.firstAt, inside: checkinPresence.inside, code: checkpoints.code })
    .from(checkinPresence).innerJoin(checkpoints, eq(checkpoints.id, checkinPresence.checkpointId))
    .where(and(inArray(checkinPresence.registrationId, rows.map((r) => r.id)), data.checkpoint ? eq(checkpoints.code, data.checkpoint) : undefined))
    .orderBy(asc(checkinPresence.firstAt)) : [];
  return Promise.all(rows.map(async (r) => {
    const p = presence.find((x) => x.registrationId === r.id);
    return {
      ...(await scanRegistrationView(ctx.db, r, ctx.locale)), phoneTail: r.phone.slice(-3),
      checkedIn: p ? { at: p.at.toISOString(), checkpoint: p.code, inside: p.inside } : null,
    };
  }));
}
