import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { delegateCategories, invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "@/lib/errors";
import { formatDate, toLocale } from "@/lib/i18n";
import { signLink, verifyLink } from "@/lib/links/signed";
import { queueEmail } from "@/lib/mail/outbox";
import { publicBaseUrl } from "@/lib/server/base-url";
import { email, parseInput, text } from "@/lib/validation";
import { categoryByCode, currentEvent } from "./common";

const invitee = z.object({
  email: email(),
  honorific: z.enum(["ong", "ba"]).optional(),
  familyName: text({ max: 80 }).optional(),
  givenName: text({ max: 40 }).optional(),
  position: text({ max: 160 }).optional(),
  organisation: text({ max: 200 }).optional(),
  locale: z.enum(["vi", "en"]).optional(),
}).strict();

export const inviteInput = z.object({
  categoryCode: z.string().max(40),
  invitees: z.array(invitee).min(1, { message: "fields.required" }).max(500, { message: "fields.tooLong|max=500" }),
}).strict();

export type InvitationView = { id: number; email: string; categoryCode: string; status: string; sentCount: number; name: string | null; expiresAt: string; createdAt: string };

/**
 * Parses a pasted list: one invitee per line, "email" or "email, họ đệm, tên, chức vụ, đơn vị" (comma, tab
 * or semicolon separated, as copied from a spreadsheet).
 */
export function parsePastedInvitees(textBlock: string): { invitees: z.input<typeof invitee>[]; errors: FieldError[] } {
  const invitees: z.input<typeof invitee>[] = [];
  const errors: FieldError[] = [];
  textBlock.split(/\r?\n/).forEach((line, i) => {
    const cells = line.split(/[\t;,]/).map((c) => c.trim());
    if (!cells[0]) return;
    const [mail, familyName, givenName, position, organisation] = cells;
    if (!/^\S+@\S+\.\S+$/.test(mail!)) errors.push({ path: `line.${i + 1}`, message: "fields.email" });
    else invitees.push({ email: mail!, familyName: familyName || undefined, givenName: givenName || undefined, position: position || undefined, organisation: organisation || undefined });
  });
  return { invitees, errors };
}

function view(inv: typeof invitations.$inferSelect, categoryCode: string): InvitationView {
  const name = [inv.familyName, inv.givenName].filter(Boolean).join(" ") || null;
  return { id: inv.id, email: inv.email, categoryCode, status: inv.status, sentCount: inv.sentCount, name, expiresAt: inv.expiresAt.toISOString(), createdAt: inv.createdAt.toISOString() };
}

async function sendInvitation(tx: DbOrTx, inv: typeof invitations.$inferSelect, categoryName: { vi: string; en: string }): Promise<void> {
  const token = signLink("invite", inv.id, inv.eventId, inv.expiresAt);
  const locale = toLocale(inv.locale);
  const name = [inv.honorific === "ong" ? (locale === "en" ? "Mr" : "Ông") : inv.honorific === "ba" ? (locale === "en" ? "Ms" : "Bà") : null, inv.familyName, inv.givenName].filter(Boolean).join(" ") || inv.email;
  await queueEmail(tx, {
    to: inv.email, toName: name, locale, eventId: inv.eventId, template: "invitation",
    props: { name, categoryName: locale === "en" ? categoryName.en : categoryName.vi, url: `${publicBaseUrl()}/invitation/${token}`, expiresOn: formatDate(inv.expiresAt) },
  });
}

/** Organisers invite one person or a pasted list into an invitation-only category. */
export async function inviteDelegates(ctx: Ctx, input: z.input<typeof inviteInput>): Promise<{ created: InvitationView[]; skipped: string[] }> {
  const me = requirePermission(ctx, "registrations.manage");
  const data = parseInput(inviteInput, input);
  const event = await currentEvent(ctx.db);
  const category = await categoryByCode(ctx.db, event.id, data.categoryCode);
  if (category.registrationMode !== "invitation") throw new ValidationError([{ path: "categoryCode", message: "invitations.category_not_invitation" }]);
  const expiresAt = new Date(Math.max(event.ceremonyStartsAt.getTime(), ctx.now.getTime() + 7 * 24 * 3600_000));
  return ctx.db.transaction(async (tx) => {
    const created: InvitationView[] = [];
    const skipped: string[] = [];
    for (const person of data.invitees) {
      const [row] = await tx.insert(invitations).values({
        eventId: event.id, categoryId: category.id, email: person.email, honorific: person.honorific ?? null, familyName: person.familyName ?? null,
        givenName: person.givenName ?? null, position: person.position ?? null, organisation: person.organisation ?? null,
        locale: person.locale ?? ctx.locale, createdByUserId: me.userId || null, expiresAt,
      }).onConflictDoNothing().returning();
      if (!row) {
        skipped.push(person.email);
        continue;
      }
      await sendInvitation(tx, row, { vi: category.nameVi, en: category.nameEn });
      await recordAudit(tx, ctx, { eventId: event.id, action: "invitation.sent", entityType: "invitation", entityId: row.id, after: view(row, category.code) });
      created.push(view(row, category.code));
    }
    return { created, skipped };
  });
}

export async function listInvitations(ctx: Ctx): Promise<InvitationView[]> {
  requirePermission(ctx, "registrations.manage");
  const event = await currentEvent(ctx.db);
  const rows = await ctx.db.select({ inv: invitations, code: delegateCategories.code }).from(invitations)
    .innerJoin(delegateCategories, eq(delegateCategories.id, invitations.categoryId)).where(eq(invitations.eventId, event.id)).orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map((r) => view(r.inv, r.code));
}

async function lockInvitation(tx: DbOrTx, id: number) {
  const [row] = await tx.select({ inv: invitations, c: delegateCategories }).from(invitations)
    .innerJoin(delegateCategories, eq(delegateCategories.id, invitations.categoryId)).where(eq(invitations.id, id)).for("update", { of: invitations });
  if (!row) throw new NotFoundError("invitations.not_found");
  return row;
}

export async function revokeInvitation(ctx: Ctx, id: number): Promise<InvitationView> {
  requirePermission(ctx, "registrations.manage");
  return ctx.db.transaction(async (tx) => {
    const { inv, c } = await lockInvitation(tx, id);
    if (inv.status === "accepted") throw new ConflictError("invitations.used");
    const [row] = await tx.update(invitations).set({ status: "revoked", updatedAt: ctx.now }).where(eq(invitations.id, id)).returning();
    await recordAudit(tx, ctx, { eventId: inv.eventId, action: "invitation.revoked", entityType: "invitation", entityId: id, before: { status: inv.status }, after: { status: "revoked" } });
    return view(row!, c.code);
  });
}

export async function resendInvitation(ctx: Ctx, id: number): Promise<InvitationView> {
  requirePermission(ctx, "registrations.manage");
  return ctx.db.transaction(async (tx) => {
    const { inv, c } = await lockInvitation(tx, id);
    if (inv.status !== "sent") throw new ConflictError(inv.status === "revoked" ? "invitations.revoked" : "invitations.used");
    const [row] = await tx.update(invitations).set({ sentCount: inv.sentCount + 1, updatedAt: ctx.now }).where(eq(invitations.id, id)).returning();
    await sendInvitation(tx, row!, { vi: c.nameVi, en: c.nameEn });
    await recordAudit(tx, ctx, { eventId: inv.eventId, action: "invitation.resent", entityType: "invitation", entityId: id });
    return view(row!, c.code);
  });
}

/** What the invited person's pre-filled form shows (through the signed link). */
export async function invitationByToken(ctx: Ctx, token: string) {
  const link = verifyLink("invite", token, ctx.now);
  if (!link) throw new NotFoundError("links.invalid");
  const [row] = await ctx.db.select({ inv: invitations, c: delegateCategories }).from(invitations)
    .innerJoin(delegateCategories, eq(delegateCategories.id, invitations.categoryId)).where(and(eq(invitations.id, link.id), eq(invitations.eventId, link.e)));
  if (!row) throw new NotFoundError("invitations.not_found");
  if (row.inv.status === "revoked") throw new ConflictError("invitations.revoked");
  return { invitation: row.inv, category: row.c, used: row.inv.status === "accepted" };
}
