import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { registrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { requireAnyPermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation, ValidationError } from "@/lib/errors";
import { nameSortKey } from "@/lib/text/sort-key";
import { searchKey } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation";
import { categoryById, checkAnswers, currentEvent, lockRegistration, queueStatusEmail, toView } from "./common";
import { assertInScope, load } from "./manage";
import { memberRegistrationInput, type RegistrationView } from "./schemas";

/** The new person: everything but the category and the unit, which are the place's. */
export const substituteInput = memberRegistrationInput.omit({ categoryCode: true, provinceCode: true, ministryCode: true, website: true });

/**
 * A new person takes a delegate's place (POST /api/v1/registrations/{id}/substitute): in one
 * transaction the old registration is cancelled and its badge serial bumped (the old code is
 * refused at every door), and the substitute is registered in the same category and delegation
 * with the same status — the place (and any quota or capacity) is kept, nobody is promoted from
 * the waiting list. Both get an email; both changes are audited. Unit officers: own unit only.
 */
export async function substituteDelegate(ctx: Ctx, id: number, input: z.input<typeof substituteInput>): Promise<{ substitute: RegistrationView; replaced: RegistrationView }> {
  const me = requireAnyPermission(ctx, ["registrations.manage", "registrations.unit"]);
  const data = parseInput(substituteInput, input);
  const event = await currentEvent(ctx.db);
  await assertInScope(ctx, me, (await load(ctx.db, id)).r);
  try {
    return await ctx.db.transaction(async (tx) => {
      const old = await lockRegistration(tx, id, event.id);
      await assertInScope(ctx, me, old, false);
      if (old.status !== "confirmed" && old.status !== "pending") throw new ConflictError("registrations.invalid_transition", { from: old.status, to: "substitute" });
      // Only a delegation member may go without a personal email (the delegation's contact receives the badge).
      if (!data.email && !old.provinceCode && !old.agencyCode) throw new ValidationError([{ path: "email", message: "fields.required" }]);
      const category = await categoryById(tx, old.categoryId);
      const answers = checkAnswers(category, data.answers, true);
      const [replaced] = await tx.update(registrations).set({
        status: "cancelled", cancelledAt: ctx.now, updatedAt: ctx.now, badgeSerial: sql`least(${registrations.badgeSerial} + 1, 9999)`, badgeIssuedAt: ctx.now,
      }).where(eq(registrations.id, id)).returning();
      const [row] = await tx.insert(registrations).values({
        eventId: event.id, categoryId: old.categoryId, status: old.status, source: old.source, honorific: data.honorific, familyName: data.familyName,
        givenName: data.givenName, position: data.position, organisation: data.organisation, provinceCode: old.provinceCode, agencyCode: old.agencyCode,
        email: data.email, phone: data.phone, notes: data.notes || null, answers, locale: data.locale ?? ctx.locale, consentAt: ctx.now,
        searchKey: searchKey(`${data.familyName} ${data.givenName} ${data.email ?? ""} ${data.phone} ${data.organisation}`), sortKey: nameSortKey(data.givenName, data.familyName),
        doorNote: old.doorNote, protocolRank: old.protocolRank, confirmedAt: old.status === "confirmed" ? ctx.now : null,
      }).returning();
      const substitute = await toView(tx, row!, category, ctx.locale);
      const replacedView = await toView(tx, replaced!, category, ctx.locale);
      await recordAudit(tx, ctx, {
        eventId: event.id, action: "registration.substituted", entityType: "registration", entityId: id, provinceCode: old.provinceCode, ministryCode: old.agencyCode,
        before: { status: old.status, badgeSerial: old.badgeSerial }, after: { status: "cancelled", badgeSerial: replaced!.badgeSerial, substituteId: row!.id },
      });
      await recordAudit(tx, ctx, { eventId: event.id, action: "registration.created", entityType: "registration", entityId: row!.id, provinceCode: row!.provinceCode, ministryCode: row!.agencyCode, after: { ...substitute, substituteFor: id } });
      await queueStatusEmail(tx, ctx, replaced!, category, event, "cancelled");
      await queueStatusEmail(tx, ctx, row!, category, event, row!.status === "confirmed" ? "confirmed" : "received");
      return { substitute, replaced: replacedView };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("registrations.duplicate_email");
    throw e;
  }
}
