import { and, eq, notInArray } from "drizzle-orm";
import { z } from "zod";
import { registrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { email, parseInput } from "@/lib/validation";
import { categoryById, currentEvent, emailKindFor, queueStatusEmail } from "./common";

export const resendInput = z.object({ email: email() }).strict();

/**
 * "This email is already registered — send me my confirmation again": queues the current status
 * email (with the badge when confirmed) to that address only. The answer is the same whether or not
 * the address is registered, so it reveals nothing; limited per client and per address.
 */
export async function resendConfirmation(ctx: Ctx, input: z.input<typeof resendInput>): Promise<{ queued: true }> {
  const data = parseInput(resendInput, input);
  if (ctx.ip) await hitRateLimit(ctx.db, `resend:${ctx.ip}`, 10, 3600);
  await hitRateLimit(ctx.db, `resend-to:${data.email}`, 3, 3600);
  const event = await currentEvent(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.email, data.email), notInArray(registrations.status, ["cancelled", "rejected"])));
    if (!r) return;
    const category = await categoryById(tx, r.categoryId);
    await queueStatusEmail(tx, ctx, r, category, event, emailKindFor(r.status));
    await recordAudit(tx, ctx, { eventId: event.id, action: "registration.confirmation_resent", entityType: "registration", entityId: r.id, provinceCode: r.provinceCode, ministryCode: r.agencyCode });
  });
  return { queued: true };
}
