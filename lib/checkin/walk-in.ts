import { requirePermission } from "@/lib/auth/require";
import { badgeCodeById } from "@/lib/badges/badge";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation, ValidationError } from "@/lib/errors";
import { categoryByCode, checkDelegation, currentEvent, personalLinks } from "@/lib/registration/common";
import { insertRegistration, insertRegistrationFast, withCapacityRetry } from "@/lib/registration/register";
import { registrationInput, type RegistrationInput, type RegistrationView } from "@/lib/registration/schemas";
import { parseInput } from "@/lib/validation";

export type WalkInResult = { registration: RegistrationView; badgeUrl: string | null; code: string | null };

/**
 * Desk mode: a supervisor registers a walk-in on the spot. The category's rules still apply: only
 * categories open to public registration, approval when the category requires it (then no badge
 * until an organiser approves), the waiting list when it is full, one registration per email.
 */
export async function registerWalkIn(ctx: Ctx, input: RegistrationInput): Promise<WalkInResult> {
  requirePermission(ctx, "checkin.supervise");
  const data = parseInput(registrationInput, input);
  const event = await currentEvent(ctx.db);
  const category = await categoryByCode(ctx.db, event.id, data.categoryCode);
  if (category.registrationMode !== "public") throw new ValidationError([{ path: "categoryCode", message: "registrations.category_not_open" }]);
  await checkDelegation(ctx.db, data.provinceCode, data.ministryCode);
  let registration: RegistrationView;
  try {
    registration = (await insertRegistrationFast(ctx, data, category, event, "desk"))
      ?? (await withCapacityRetry(ctx, category, (tx, cat) => insertRegistration(tx, ctx, data, cat, event, "desk")));
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("registrations.duplicate_email");
    throw e;
  }
  if (registration.status !== "confirmed") return { registration, badgeUrl: null, code: null };
  return { registration, badgeUrl: personalLinks({ id: registration.id, eventId: event.id }, event, ctx.now).badgeUrl, code: await badgeCodeById(ctx.db, registration.id) };
}
