import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { delegationContacts, emailOutbox, events, jobs, registrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { can, requireAnyPermission } from "@/lib/auth/require";
import { badgeLabels, loadBadgeItems, storeBadgeFile } from "@/lib/badges/print-job";
import type { Ctx } from "@/lib/context";
import { ConflictError } from "@/lib/errors";
import { toLocale, type Locale } from "@/lib/i18n";
import { enqueueJob } from "@/lib/jobs/queue";
import { PermanentJobError, type JobContext } from "@/lib/jobs/worker";
import { queueEmail } from "@/lib/mail/outbox";
import { renderBadges } from "@/lib/pdf/render";
import { publicBaseUrl } from "@/lib/server/base-url";
import { email, parseInput, text } from "@/lib/validation";
import { currentEvent, fullName, honorificLabel } from "./common";
import { checkUnit, unitColumn, unitOf, unitParams, type Unit } from "./delegation";
import { phone } from "./schemas";

/**
 * The delegation's contact person: who receives the badges of the members without a personal
 * email (officials often share an office address), as one email with every badge and one PDF.
 */
export const contactInput = z.object({
  name: text({ max: 120 }),
  position: text({ min: 0, max: 160 }).nullish(),
  email: email(),
  phone: phone(),
}).strict();
export type ContactInput = z.input<typeof contactInput>;

export type ContactView = { name: string; position: string | null; email: string; phone: string; updatedAt: string };

export const CONTACT_BADGES_JOB = "delegation.contact_badges";
/** A delegation is at most a few hundred people; one email carries them all. */
export const MAX_CONTACT_BADGES = 500;

export const contactBadgesPayload = z.object({
  kind: unitParams.shape.kind,
  code: unitParams.shape.code,
  ids: z.array(z.number().int().positive()).min(1).max(MAX_CONTACT_BADGES),
  /** Each badge's serial when sent: a badge re-issued since (a new code) counts as not sent. */
  serials: z.array(z.number().int().positive()).max(MAX_CONTACT_BADGES).optional(),
  locale: z.enum(["vi", "en"]),
  userId: z.number().int().nullable(),
});

const READ = ["registrations.read", "registrations.unit"] as const;
const WRITE = ["registrations.manage", "registrations.unit"] as const;

const unitKey = (eventId: number, u: Unit) =>
  and(eq(delegationContacts.eventId, eventId), eq(delegationContacts.unitKind, u.kind), eq(delegationContacts.unitCode, u.code));

async function loadContact(db: DbOrTx, eventId: number, u: Unit): Promise<ContactView | null> {
  const [row] = await db.select().from(delegationContacts).where(unitKey(eventId, u));
  return row ? { name: row.name, position: row.position, email: row.email, phone: row.phone, updatedAt: row.updatedAt.toISOString() } : null;
}

/** The delegation's contact (null: none yet). Officers: their own unit only. */
export async function getDelegationContact(ctx: Ctx, unit?: Unit): Promise<ContactView | null> {
  const me = requireAnyPermission(ctx, [...READ]);
  const u = unitOf(me, unit ? parseInput(unitParams, unit) : undefined);
  const event = await currentEvent(ctx.db);
  await checkUnit(ctx.db, u);
  return loadContact(ctx.db, event.id, u);
}

/** Sets the delegation's contact (PUT /api/v1/delegations/{kind}/{code}/contact). Audited. */
export async function setDelegationContact(ctx: Ctx, input: ContactInput, unit?: Unit): Promise<ContactView> {
  const me = requireAnyPermission(ctx, [...WRITE]);
  const u = unitOf(me, unit ? parseInput(unitParams, unit) : undefined);
  const data = parseInput(contactInput, input);
  const event = await currentEvent(ctx.db);
  await checkUnit(ctx.db, u);
  const values = { name: data.name, position: data.position || null, email: data.email, phone: data.phone, updatedAt: ctx.now };
  await ctx.db.transaction(async (tx) => {
    const before = await loadContact(tx, event.id, u);
    await tx.insert(delegationContacts).values({ eventId: event.id, unitKind: u.kind, unitCode: u.code, ...values })
      .onConflictDoUpdate({ target: [delegationContacts.eventId, delegationContacts.unitKind, delegationContacts.unitCode], set: values });
    await recordAudit(tx, ctx, {
      eventId: event.id, action: "delegation.contact_set", entityType: "delegation", entityId: `${u.kind}:${u.code}`,
      provinceCode: u.kind === "province" ? u.code : null, ministryCode: u.kind === "ministry" ? u.code : null, before, after: values,
    });
  });
  return { ...values, updatedAt: ctx.now.toISOString() };
}

/** The confirmed members without a personal email: their badges go to the contact. */
async function membersForContact(db: DbOrTx, eventId: number, u: Unit): Promise<{ id: number; serial: number }[]> {
  const rows = await db.select({ id: registrations.id, serial: registrations.badgeSerial }).from(registrations)
    .where(and(eq(registrations.eventId, eventId), unitColumn(u), eq(registrations.status, "confirmed"), isNull(registrations.email)))
    .orderBy(sql`${registrations.sortKey} collate "C"`, asc(registrations.id)).limit(MAX_CONTACT_BADGES + 1);
  return rows;
}

export type ContactBadgesState = { pending: number; unsent: number; last: { jobId: number; status: string; count: number; at: string; downloadUrl: string | null } | null };

/** What the portal shows next to the contact: how many badges would go now, and the last sending. */
export async function contactBadgesState(ctx: Ctx, unit?: Unit): Promise<ContactBadgesState> {
  const me = requireAnyPermission(ctx, [...READ]);
  const u = unitOf(me, unit ? parseInput(unitParams, unit) : undefined);
  const event = await currentEvent(ctx.db);
  const members = await membersForContact(ctx.db, event.id, u);
  const [job] = await ctx.db.select().from(jobs)
    .where(and(eq(jobs.eventId, event.id), eq(jobs.kind, CONTACT_BADGES_JOB), sql`${jobs.payload}->>'kind' = ${u.kind}`, sql`${jobs.payload}->>'code' = ${u.code}`))
    .orderBy(desc(jobs.id)).limit(1);
  const count = job ? ((job.payload as { ids?: unknown[] }).ids?.length ?? 0) : 0;
  // Members confirmed (or substituted in) since the last sending that went out.
  const [sent] = await ctx.db.select({ payload: jobs.payload }).from(jobs)
    .where(and(eq(jobs.eventId, event.id), eq(jobs.kind, CONTACT_BADGES_JOB), eq(jobs.status, "succeeded"), sql`${jobs.payload}->>'kind' = ${u.kind}`, sql`${jobs.payload}->>'code' = ${u.code}`))
    .orderBy(desc(jobs.id)).limit(1);
  const sentPayload = (sent?.payload ?? {}) as { ids?: number[]; serials?: number[] };
  const sentBadges = new Set((sentPayload.ids ?? []).map((id, i) => `${id}:${sentPayload.serials?.[i] ?? 1}`));
  // "Sent" once the email itself went out (or is kept in the outbox without SMTP), not when it was queued.
  const outboxId = (job?.result as { outboxId?: number } | null)?.outboxId;
  const [mail] = job?.status === "succeeded" && outboxId ? await ctx.db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, outboxId)) : [];
  const status = !job ? null : job.status !== "succeeded" ? job.status : mail?.status === "failed" ? "failed" : mail?.status === "queued" ? "mailing" : "succeeded";
  // The PDF downloads for whoever sent it and for organisers (GET /api/v1/jobs/{id}/download's rule).
  const mayDownload = job?.status === "succeeded" && (job.createdBy === String(me.userId) || can(me, "jobs.read"));
  return {
    pending: members.length,
    unsent: members.filter((m) => !sentBadges.has(`${m.id}:${m.serial}`)).length,
    last: job ? { jobId: job.id, status: status!, count, at: job.createdAt.toISOString(), downloadUrl: mayDownload ? `/api/v1/jobs/${job.id}/download` : null } : null,
  };
}

/**
 * Sends the badges of the delegation's confirmed members without a personal email to its contact
 * (POST /api/v1/delegations/{kind}/{code}/contact/badges → 202): a background job draws them into one
 * PDF (four A6 per A4 with cut marks), keeps it for download and emails it, with each member's QR
 * code, to the contact. Audited.
 */
export async function sendContactBadges(ctx: Ctx, unit?: Unit): Promise<{ jobId: number; count: number; to: string }> {
  const me = requireAnyPermission(ctx, [...WRITE]);
  const u = unitOf(me, unit ? parseInput(unitParams, unit) : undefined);
  const event = await currentEvent(ctx.db);
  await checkUnit(ctx.db, u);
  const contact = await loadContact(ctx.db, event.id, u);
  if (!contact) throw new ConflictError("delegations.contact_missing");
  const members = await membersForContact(ctx.db, event.id, u);
  const ids = members.map((m) => m.id);
  if (ids.length === 0) throw new ConflictError("delegations.no_contact_badges");
  if (ids.length > MAX_CONTACT_BADGES) throw new ConflictError("badges.too_many", { max: MAX_CONTACT_BADGES });
  const userId = me.userId > 0 ? me.userId : null;
  const job = await ctx.db.transaction(async (tx) => {
    const job = await enqueueJob(tx, {
      kind: CONTACT_BADGES_JOB, eventId: event.id, maxAttempts: 3, priority: 1, createdBy: userId === null ? null : String(userId),
      payload: { kind: u.kind, code: u.code, ids, serials: members.map((m) => m.serial), locale: ctx.locale, userId },
    });
    await recordAudit(tx, ctx, {
      eventId: event.id, action: "delegation.contact_badges_sent", entityType: "delegation", entityId: `${u.kind}:${u.code}`,
      provinceCode: u.kind === "province" ? u.code : null, ministryCode: u.kind === "ministry" ? u.code : null, after: { jobId: job.id, to: contact.email, count: ids.length },
    });
    return job;
  });
  return { jobId: job.id, count: ids.length, to: contact.email };
}

/** The job: the PDF (kept for download), then one email to the contact with the PDF and every QR code attached. */
export function makeContactBadgesHandler() {
  return async function contactBadges({ db, job, progress }: JobContext): Promise<unknown> {
    const parsed = contactBadgesPayload.safeParse(job.payload);
    if (!parsed.success || job.eventId === null) throw new PermanentJobError("invalid contact badges payload");
    const { kind, code, ids, userId } = parsed.data;
    const locale: Locale = toLocale(parsed.data.locale);
    const [event] = await db.select().from(events).where(eq(events.id, job.eventId));
    if (!event) throw new PermanentJobError(`event ${job.eventId} not found`);
    const contact = await loadContact(db, event.id, { kind, code });
    if (!contact) throw new PermanentJobError("the delegation has no contact any more");
    // Still confirmed and still without an email: a member cancelled meanwhile is left out.
    const still = new Set((await db.select({ id: registrations.id }).from(registrations)
      .where(and(inArray(registrations.id, ids), isNull(registrations.email)))).map((r) => r.id));
    const badges = (await loadBadgeItems(db, event.id, ids, locale)).filter((b) => still.has(b.id));
    if (badges.length === 0) return { count: 0, skipped: true };
    await progress(10);
    const pdf = await renderBadges({ badges, layout: "a4-4up", locale, labels: badgeLabels(event, locale) });
    await progress(80);
    const delegation = badges[0]!.delegation ?? "";
    const filename = `the-dai-bieu-${kind}-${code}-${job.id}.pdf`;
    const rows = await db.select({ id: registrations.id, honorific: registrations.honorific, familyName: registrations.familyName, givenName: registrations.givenName })
      .from(registrations).where(inArray(registrations.id, badges.map((b) => b.id)));
    const nameOf = new Map(rows.map((r) => [r.id, `${honorificLabel(r.honorific, locale)} ${fullName(r)}`]));
    // The file and the email together: a retried job never leaves one without the other.
    const { fileId, outboxId } = await db.transaction(async (tx) => {
      const fileId = await storeBadgeFile(tx, { eventId: event.id, jobId: job.id, userId, filename, pdf });
      const { outboxId } = await queueEmail(tx, {
      to: contact.email, toName: contact.name, locale, eventId: event.id, template: "delegation-badges",
      props: {
        name: contact.name, delegation, portalUrl: `${publicBaseUrl()}/portal`,
        members: badges.map((b) => ({ id: b.id, name: nameOf.get(b.id) ?? b.name, category: b.categoryName })),
      },
      attachments: [{ filename, contentType: "application/pdf", contentBase64: pdf.toString("base64") }],
      });
      return { fileId, outboxId };
    });
    return { fileId, outboxId, count: badges.length, bytes: pdf.length, to: contact.email, filename };
  };
}
