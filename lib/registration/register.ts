import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { delegateCategories, invitations, registrations } from "@/db/schema";
import { auditCte, recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { BadRequestError, ConflictError, isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { verifyLink } from "@/lib/links/signed";
import { nameSortKey } from "@/lib/text/sort-key";
import { searchKey } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation";
import { emailCtes, emailQueued } from "@/lib/mail/outbox";
import {
  categoryByCode, checkAnswers, checkDelegation, currentEvent, emailKindFor, placesTaken, queueStatusEmail, statusEmailInput, toView,
  type CategoryRow, type EventRow, type RegistrationRow,
} from "./common";
import { memberRegistrationInput, registrationInput, type RegistrationInput, type RegistrationView } from "./schemas";

export const PUBLIC_RATE_LIMIT = { perMinute: 20 };


/** A parsed registration: public ones always have an email, delegation members may not (memberRegistrationInput). */
type Parsed = ReturnType<typeof memberRegistrationInput.parse>;

/** The category got a capacity after we read it: run again with the exclusive lock. */
export class CapacityChanged extends Error {}

/** Runs a registration transaction, once more if the category's capacity changed under it. */
export async function withCapacityRetry<T>(ctx: Ctx, category: CategoryRow, run: (tx: DbOrTx, category: CategoryRow) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction((tx) => run(tx, category));
  } catch (e) {
    if (!(e instanceof CapacityChanged)) throw e;
    return ctx.db.transaction((tx) => run(tx, { ...category, capacity: Number.MAX_SAFE_INTEGER }));
  }
}
type Source = "public" | "invitation" | "portal" | "desk" | "import" | "demo";

/**
 * Inserts a registration in the caller's transaction: the category row is locked when it has a
 * capacity, so places are counted exactly (50 racing for 10 places → 10 confirmed, 40 waitlisted).
 */
export async function insertRegistration(
  tx: DbOrTx, ctx: Ctx, data: Parsed, category: CategoryRow, event: EventRow, source: Source, invitationId: number | null = null,
): Promise<RegistrationView> {
  // Capacity: an exclusive row lock so places are counted exactly. Without one, a shared lock lets
  // registrations run in parallel while an organiser setting a capacity waits for them (and vice versa).
  const mode = category.capacity !== null ? "update" : "share";
  const [locked] = await tx.select({ capacity: delegateCategories.capacity, requiresApproval: delegateCategories.requiresApproval })
    .from(delegateCategories).where(eq(delegateCategories.id, category.id)).for(mode);
  if (!locked) throw new NotFoundError("categories.not_found");
  if (mode === "share" && locked.capacity !== null) throw new CapacityChanged();
  const answers = checkAnswers(category, data.answers, true);
  let status: "confirmed" | "pending" | "waitlisted" = locked.requiresApproval ? "pending" : "confirmed";
  if (locked.capacity !== null && (await placesTaken(tx, category.id)) >= locked.capacity) status = "waitlisted";
  const [row] = await tx.insert(registrations).values({
    eventId: event.id, categoryId: category.id, status, source, honorific: data.honorific, familyName: data.familyName, givenName: data.givenName,
    position: data.position, organisation: data.organisation, provinceCode: data.provinceCode ?? null, agencyCode: data.ministryCode ?? null,
    email: data.email, phone: data.phone, notes: data.notes || null, answers, locale: data.locale ?? ctx.locale, consentAt: ctx.now,
    searchKey: searchKey(`${data.familyName} ${data.givenName} ${data.email ?? ""} ${data.phone} ${data.organisation}`),
    sortKey: nameSortKey(data.givenName, data.familyName), invitationId, confirmedAt: status === "confirmed" ? ctx.now : null,
  }).returning();
  const view = await toView(tx, row!, category, ctx.locale);
  await recordAudit(tx, ctx, { eventId: event.id, action: "registration.created", entityType: "registration", entityId: row!.id, provinceCode: row!.provinceCode, ministryCode: row!.agencyCode, after: { ...view, source } });
  await queueStatusEmail(tx, ctx, row!, category, event, emailKindFor(status));
  return view;
}

/**
 * The common case — a category without a capacity, no invitation — in two round trips instead of a
 * transaction of six: the id is drawn first (the personal links in the email are signed with it),
 * then ONE statement takes the category's share lock (so an organiser setting a capacity or the
 * approval rule waits, as in the locked path), inserts the registration, its audit row, the email
 * and its job. If the category changed since it was cached, nothing is written and null sends the
 * caller to the locked path.
 */
export async function insertRegistrationFast(ctx: Ctx, data: Parsed, category: CategoryRow, event: EventRow, source: Source): Promise<RegistrationView | null> {
  if (category.capacity !== null || !data.email) return null;
  const answers = checkAnswers(category, data.answers, true);
  const status = category.requiresApproval ? "pending" : "confirmed";
  const ids = (await ctx.db.execute(sql`select nextval(pg_get_serial_sequence('registrations', 'id')) as id`)) as unknown as { rows: { id: string | number }[] };
  const row: RegistrationRow = {
    id: Number(ids.rows[0]!.id), eventId: event.id, categoryId: category.id, status, source, honorific: data.honorific, familyName: data.familyName,
    givenName: data.givenName, position: data.position, organisation: data.organisation, provinceCode: data.provinceCode ?? null, agencyCode: data.ministryCode ?? null,
    email: data.email, phone: data.phone, notes: data.notes || null, answers, locale: data.locale ?? ctx.locale, consentAt: ctx.now,
    searchKey: searchKey(`${data.familyName} ${data.givenName} ${data.email ?? ""} ${data.phone} ${data.organisation}`), sortKey: nameSortKey(data.givenName, data.familyName),
    doorNote: null, protocolRank: null, badgeSerial: 1, badgeIssuedAt: ctx.now, rejectionReason: null, invitationId: null,
    confirmedAt: status === "confirmed" ? ctx.now : null, cancelledAt: null, createdAt: ctx.now, updatedAt: ctx.now, changedXid: "",
  };
  const view = await toView(ctx.db, row, category, ctx.locale);
  const at = ctx.now.toISOString();
  const res = (await ctx.db.execute(sql`
    with gate as (
      select 1 from ${delegateCategories}
      where id = ${category.id}::integer and capacity is null and requires_approval = ${category.requiresApproval}::boolean and registration_mode = ${category.registrationMode}
      for share
    ),
    reg as (
      insert into ${registrations} (id, event_id, category_id, status, source, honorific, family_name, given_name, position, organisation, province_code, agency_code,
        email, phone, notes, answers, locale, consent_at, search_key, sort_key, badge_serial, badge_issued_at, confirmed_at, created_at, updated_at)
      overriding system value
      select ${row.id}::integer, ${row.eventId}::integer, ${row.categoryId}::integer, ${row.status}, ${row.source}, ${row.honorific}, ${row.familyName}, ${row.givenName},
        ${row.position}, ${row.organisation}, ${row.provinceCode}::text, ${row.agencyCode}::text, ${row.email}, ${row.phone}, ${row.notes}::text,
        ${JSON.stringify(row.answers)}::jsonb, ${row.locale}, ${at}::timestamptz, ${row.searchKey}, ${row.sortKey}, 1, ${at}::timestamptz,
        ${row.confirmedAt ? at : null}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
      from gate
      returning id
    ),
    ${auditCte(ctx, { eventId: event.id, action: "registration.created", entityType: "registration", entityId: row.id, provinceCode: row.provinceCode, ministryCode: row.agencyCode, after: { ...view, source } }, sql`reg`)},
    ${emailCtes(statusEmailInput(row, category, event, emailKindFor(status))!, sql`reg`)}
    select (select count(*) from reg)::int as inserted`)) as unknown as { rows: { inserted: number }[] };
  if (Number(res.rows[0]?.inserted) !== 1) return null;
  emailQueued();
  return view;
}

/** Public self-registration (`/register`, POST /api/v1/registrations): public categories only. */
export async function registerDelegate(ctx: Ctx, input: RegistrationInput): Promise<RegistrationView> {
  const data = parseInput(registrationInput, input);
  if (data.website) throw new BadRequestError("registrations.bot");
  if (ctx.actor.kind === "anonymous" && ctx.ip) await hitRateLimit(ctx.db, `register:${ctx.ip}`, PUBLIC_RATE_LIMIT.perMinute, 60);
  const event = await currentEvent(ctx.db);
  const category = await categoryByCode(ctx.db, event.id, data.categoryCode);
  if (category.registrationMode !== "public") throw new ValidationError([{ path: "categoryCode", message: "registrations.category_not_open" }]);
  await checkDelegation(ctx.db, data.provinceCode, data.ministryCode);
  try {
    return (await insertRegistrationFast(ctx, data, category, event, "public"))
      ?? (await withCapacityRetry(ctx, category, (tx, cat) => insertRegistration(tx, ctx, data, cat, event, "public")));
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("registrations.duplicate_email");
    throw e;
  }
}

/** An invited guest completes the pre-filled form through the signed invitation link. */
export async function acceptInvitation(ctx: Ctx, token: string, input: Omit<RegistrationInput, "categoryCode">): Promise<RegistrationView> {
  const link = verifyLink("invite", token, ctx.now);
  if (!link) throw new NotFoundError("links.invalid");
  const [inv] = await ctx.db.select().from(invitations).where(and(eq(invitations.id, link.id), eq(invitations.eventId, link.e)));
  if (!inv) throw new NotFoundError("invitations.not_found");
  if (inv.status === "revoked") throw new ConflictError("invitations.revoked");
  if (inv.status === "accepted") throw new ConflictError("invitations.used");
  const event = await currentEvent(ctx.db);
  const [category] = await ctx.db.select().from(delegateCategories).where(eq(delegateCategories.id, inv.categoryId));
  const data = parseInput(registrationInput, { ...input, categoryCode: category!.code, email: inv.email });
  await checkDelegation(ctx.db, data.provinceCode, data.ministryCode);
  try {
    return await withCapacityRetry(ctx, category!, async (tx, cat) => {
      const [locked] = await tx.select().from(invitations).where(eq(invitations.id, inv.id)).for("update");
      if (locked!.status !== "sent") throw new ConflictError(locked!.status === "revoked" ? "invitations.revoked" : "invitations.used");
      const view = await insertRegistration(tx, ctx, data, cat, event, "invitation", inv.id);
      await tx.update(invitations).set({ status: "accepted", updatedAt: ctx.now }).where(eq(invitations.id, inv.id));
      return view;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("registrations.duplicate_email");
    throw e;
  }
}
