import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agencies, delegateCategories, events, provinces, registrations, type RegistrationStatus } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { NotFoundError, ValidationError, type FieldError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n";
import { signLink } from "@/lib/links/signed";
import { queueEmail, type QueueEmailInput } from "@/lib/mail/outbox";
import { publicBaseUrl } from "@/lib/server/base-url";
import type { RegistrationView } from "./schemas";

export type RegistrationRow = typeof registrations.$inferSelect;
export type CategoryRow = typeof delegateCategories.$inferSelect;
export type EventRow = typeof events.$inferSelect;

/**
 * Short-lived per-database caches for the hot registration path. Staleness is bounded and harmless:
 * capacity and approval are re-read under the category row lock; organisers' edits invalidate.
 */
const EVENT_TTL_MS = 5000;
const CATEGORY_TTL_MS = 3000;
const eventCache = new WeakMap<object, { at: number; event: EventRow }>();
const categoryCache = new WeakMap<object, Map<string, { at: number; category: CategoryRow }>>();

export async function currentEvent(db: DbOrTx): Promise<EventRow> {
  const hit = eventCache.get(db);
  if (hit && Date.now() - hit.at < EVENT_TTL_MS) return hit.event;
  const [e] = await db.select().from(events).where(eq(events.isCurrent, true));
  if (!e) throw new Error("no current event");
  eventCache.set(db, { at: Date.now(), event: e });
  return e;
}

export function invalidateCategoryCache(db: DbOrTx): void {
  categoryCache.delete(db);
}

export async function categoryByCode(db: DbOrTx, eventId: number, code: string, field = "categoryCode"): Promise<CategoryRow> {
  const key = `${eventId}:${code}`;
  const hit = categoryCache.get(db)?.get(key);
  if (hit && Date.now() - hit.at < CATEGORY_TTL_MS) return hit.category;
  const [c] = await db.select().from(delegateCategories).where(and(eq(delegateCategories.eventId, eventId), eq(delegateCategories.code, code)));
  if (!c) throw new ValidationError([{ path: field, message: "fields.choice" }]);
  let map = categoryCache.get(db);
  if (!map) categoryCache.set(db, (map = new Map()));
  map.set(key, { at: Date.now(), category: c });
  return c;
}

/** Places a category has given away: confirmed and pending registrations. */
export async function placesTaken(db: DbOrTx, categoryId: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(registrations)
    .where(and(eq(registrations.categoryId, categoryId), inArray(registrations.status, ["confirmed", "pending"])));
  return Number(row?.n ?? 0);
}

/** Checks the answers against the category's questions: unknown keys, required ones, choice values, types. */
export function checkAnswers(category: CategoryRow, answers: Record<string, string | boolean> | undefined, requireAll: boolean): Record<string, string | boolean> {
  const given = answers ?? {};
  const errors: FieldError[] = [];
  const out: Record<string, string | boolean> = {};
  const questions = new Map(category.questions.map((q) => [q.key, q]));
  for (const key of Object.keys(given)) if (!questions.has(key)) errors.push({ path: `answers.${key}`, message: "fields.unknownQuestion" });
  for (const q of category.questions) {
    const v = given[q.key];
    if (v === undefined || v === "") {
      if (q.required && requireAll) errors.push({ path: `answers.${q.key}`, message: "fields.required" });
      continue;
    }
    if (q.type === "yesno") {
      if (typeof v !== "boolean") errors.push({ path: `answers.${q.key}`, message: "fields.invalid" });
      else out[q.key] = v;
    } else if (typeof v !== "string") {
      errors.push({ path: `answers.${q.key}`, message: "fields.invalid" });
    } else if (q.type === "choice" && !(q.options ?? []).some((o) => o.value === v)) {
      errors.push({ path: `answers.${q.key}`, message: "fields.choice" });
    } else {
      out[q.key] = v.normalize("NFC").trim();
    }
  }
  if (errors.length) throw new ValidationError(errors);
  return out;
}

/** Province or ministry must exist; not both. */
export async function checkDelegation(db: DbOrTx, provinceCode: string | null | undefined, ministryCode: string | null | undefined): Promise<void> {
  const errors: FieldError[] = [];
  const names = await loadUnitNames(db);
  if (provinceCode && ministryCode) errors.push({ path: "ministryCode", message: "fields.unitConflict" });
  if (provinceCode && !names.provinces.has(provinceCode)) errors.push({ path: "provinceCode", message: `fields.unknownProvince|code=${provinceCode}` });
  if (ministryCode && !names.agencies.has(ministryCode)) errors.push({ path: "ministryCode", message: `fields.unknownMinistry|code=${ministryCode}` });
  if (errors.length) throw new ValidationError(errors);
}

export function fullName(r: Pick<RegistrationRow, "familyName" | "givenName">): string {
  return `${r.familyName} ${r.givenName}`;
}

export function honorificLabel(h: "ong" | "ba", locale: "vi" | "en"): string {
  return locale === "en" ? (h === "ong" ? "Mr" : "Ms") : h === "ong" ? "Ông" : "Bà";
}

type UnitNames = { provinces: Map<string, string>; agencies: Map<string, { vi: string; en: string }> };
let unitNames: Promise<UnitNames> | null = null;
/** Province and agency names rarely change; cached for the life of the process. */
export function loadUnitNames(db: DbOrTx): Promise<UnitNames> {
  unitNames ??= (async () => {
    const [ps, as] = await Promise.all([db.select().from(provinces), db.select().from(agencies)]);
    if (ps.length === 0) unitNames = null; // not seeded yet: do not keep an empty answer
    return { provinces: new Map(ps.map((p) => [p.code, p.name])), agencies: new Map(as.map((a) => [a.code, { vi: a.nameVi, en: a.nameEn }])) };
  })().catch((e: unknown) => {
    unitNames = null;
    throw e;
  });
  return unitNames;
}

/** "Đoàn tỉnh Quảng Ninh", "Đoàn Bộ Công Thương". */
export function delegationName(names: UnitNames, r: Pick<RegistrationRow, "provinceCode" | "agencyCode">, locale: "vi" | "en"): string | null {
  if (r.provinceCode) {
    const p = names.provinces.get(r.provinceCode);
    return p ? (locale === "en" ? `${p} delegation` : `Đoàn ${["01", "31", "48", "79", "92"].includes(r.provinceCode) ? "thành phố" : "tỉnh"} ${p}`) : null;
  }
  if (r.agencyCode) {
    const a = names.agencies.get(r.agencyCode);
    return a ? (locale === "en" ? `${a.en} delegation` : `Đoàn ${a.vi}`) : null;
  }
  return null;
}

export async function toView(db: DbOrTx, r: RegistrationRow, c: CategoryRow, locale: "vi" | "en"): Promise<RegistrationView> {
  const names = await loadUnitNames(db);
  return {
    id: r.id, status: r.status, categoryCode: c.code, categoryName: locale === "en" ? c.nameEn : c.nameVi, badgeColour: c.badgeColour,
    honorific: r.honorific, familyName: r.familyName, givenName: r.givenName, fullName: fullName(r), position: r.position, organisation: r.organisation,
    provinceCode: r.provinceCode, ministryCode: r.agencyCode, delegation: delegationName(names, r, locale), email: r.email, phone: r.phone,
    notes: r.notes, answers: r.answers, locale: toLocale(r.locale), doorNote: r.doorNote, protocolRank: r.protocolRank, badgeSerial: r.badgeSerial,
    rejectionReason: r.rejectionReason, source: r.source, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export async function lockRegistration(tx: DbOrTx, id: number, eventId?: number): Promise<RegistrationRow> {
  const [r] = await tx.select().from(registrations).where(eventId ? and(eq(registrations.id, id), eq(registrations.eventId, eventId)) : eq(registrations.id, id)).for("update");
  if (!r) throw new NotFoundError("registrations.not_found");
  return r;
}

export async function categoryById(tx: DbOrTx, id: number, lock = false): Promise<CategoryRow> {
  const q = tx.select().from(delegateCategories).where(eq(delegateCategories.id, id));
  const [c] = lock ? await q.for("update") : await q;
  if (!c) throw new NotFoundError("categories.not_found");
  return c;
}

/** The delegate's personal links: manage (status, edit, cancel) and the badge page. */
export function personalLinks(r: Pick<RegistrationRow, "id" | "eventId">, event: Pick<EventRow, "conferenceEndsAt">, now = new Date()): { manageUrl: string; badgeUrl: string; manageToken: string; badgeToken: string } {
  // Valid until 60 days after the conference — or after today, for an event replayed later (the demo).
  const exp = new Date(Math.max(event.conferenceEndsAt.getTime(), now.getTime()) + 60 * 24 * 3600_000);
  const manageToken = signLink("manage", r.id, r.eventId, exp);
  const badgeToken = signLink("badge", r.id, r.eventId, exp);
  const base = publicBaseUrl();
  return { manageUrl: `${base}/registration/${manageToken}`, badgeUrl: `${base}/badge/${badgeToken}`, manageToken, badgeToken };
}

export type StatusEmailKind = "received" | "confirmed" | "rejected" | "waitlisted" | "promoted" | "cancelled";

const EMAIL_FOR: Record<RegistrationStatus, StatusEmailKind> = {
  pending: "received", confirmed: "confirmed", rejected: "rejected", waitlisted: "waitlisted", cancelled: "cancelled",
};

export function emailKindFor(status: RegistrationStatus): StatusEmailKind {
  return EMAIL_FOR[status];
}

/**
 * The status email in the delegate's language, with the personal links; null for a delegation member
 * without a personal email (the delegation's contact receives their badge: lib/registration/contact.ts).
 */
export function statusEmailInput(r: RegistrationRow, c: CategoryRow, event: EventRow, kind: StatusEmailKind): QueueEmailInput<"registration-status"> | null {
  if (!r.email) return null;
  const locale = toLocale(r.locale);
  const links = personalLinks(r, event);
  return {
    to: r.email, toName: fullName(r), locale, eventId: r.eventId, template: "registration-status",
    props: {
      kind, registrationId: r.id, honorific: r.honorific, name: fullName(r), categoryName: locale === "en" ? c.nameEn : c.nameVi,
      manageUrl: links.manageUrl, badgeUrl: links.badgeUrl, reason: r.rejectionReason ?? undefined,
    },
  };
}

/** Queues the status email in the delegate's language, in the caller's transaction. */
export async function queueStatusEmail(tx: DbOrTx, ctx: Ctx, r: RegistrationRow, c: CategoryRow, event: EventRow, kind: StatusEmailKind): Promise<void> {
  const input = statusEmailInput(r, c, event, kind);
  if (input) await queueEmail(tx, input);
  void ctx;
}
