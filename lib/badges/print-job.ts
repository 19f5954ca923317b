import crypto from "node:crypto";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { delegateCategories, events, generatedFiles, registrations } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/client";
import { format, formatDate, messages, toLocale, type Locale } from "@/lib/i18n";
import { PermanentJobError, type JobContext } from "@/lib/jobs/worker";
import type { BadgeLabels, BadgePrintItem } from "@/lib/pdf/badges";
import { renderBadges } from "@/lib/pdf/render";
import { delegationName, fullName, honorificLabel, loadUnitNames } from "@/lib/registration/common";
import { badgeCodeFor } from "./badge";
import { badgePrintPayload } from "./print";

/** How long a badge PDF stays downloadable. */
export const FILE_RETENTION_MS = 7 * 24 * 3600_000;

type EventRow = typeof events.$inferSelect;

/** The badges of these registrations, as printed: still confirmed ones only, in the Vietnamese name order, codes signed. */
export async function loadBadgeItems(db: Db, eventId: number, ids: number[], locale: Locale): Promise<BadgePrintItem[]> {
  const rows = ids.length === 0 ? [] : await db.select({ r: registrations, c: { nameVi: delegateCategories.nameVi, nameEn: delegateCategories.nameEn, colour: delegateCategories.badgeColour } })
    .from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
    .where(and(inArray(registrations.id, ids), eq(registrations.status, "confirmed"), eq(registrations.eventId, eventId)))
    .orderBy(sql`${registrations.sortKey} collate "C"`, asc(registrations.id));
  const names = await loadUnitNames(db);
  const badges: BadgePrintItem[] = [];
  for (const { r, c } of rows) {
    badges.push({
      id: r.id, name: `${honorificLabel(r.honorific, locale)} ${fullName(r)}`, position: r.position, organisation: r.organisation,
      delegation: delegationName(names, r, locale), categoryName: locale === "en" ? c.nameEn : c.nameVi, colour: c.colour, code: await badgeCodeFor(db, r),
    });
  }
  return badges;
}

/** The texts printed on every badge of the event, in the reader's language. */
export function badgeLabels(event: EventRow, locale: Locale): BadgeLabels {
  const t = messages(locale);
  return {
    ministry: t.common.ministry, event: locale === "en" ? event.nameEn : event.nameVi, band: t.badge.delegate, badgeId: t.badgePrint.badgeId, title: t.badgePrint.pdfTitle,
    dates: `${format(t.badge.dates, { ceremony: formatDate(event.ceremonyStartsAt, event.timezone), conference: formatDate(event.conferenceStartsAt, event.timezone) })} · ${event.city}`,
  };
}

/** Stores a generated PDF of badges for download (GET /api/v1/jobs/{id}/download) and drops the expired ones. */
export async function storeBadgeFile(db: DbOrTx, input: { eventId: number; jobId: number; userId: number | null; filename: string; pdf: Buffer }): Promise<number> {
  const [file] = await db.insert(generatedFiles).values({
    eventId: input.eventId, jobId: input.jobId, createdBy: input.userId, kind: "badges", filename: input.filename, contentType: "application/pdf",
    byteSize: input.pdf.length, sha256: crypto.createHash("sha256").update(input.pdf).digest("hex"), content: input.pdf,
  }).returning({ id: generatedFiles.id });
  // Badge PDFs are for printing now, not an archive (each holds personal data and a few MB).
  await db.delete(generatedFiles).where(and(eq(generatedFiles.kind, "badges"), lt(generatedFiles.createdAt, new Date(Date.now() - FILE_RETENTION_MS))));
  return file!.id;
}

/**
 * The job: loads the chosen registrations (still confirmed ones only: a badge cancelled meanwhile is
 * not printed), signs their codes, draws the PDF (in a worker thread in the server) and stores it.
 */
export function makeBadgePrintHandler() {
  return async function printBadges({ db, job, progress }: JobContext): Promise<unknown> {
    const parsed = badgePrintPayload.safeParse(job.payload);
    if (!parsed.success || job.eventId === null) throw new PermanentJobError("invalid badge print payload");
    const { ids, layout, userId } = parsed.data;
    const locale = toLocale(parsed.data.locale);
    const [event] = await db.select().from(events).where(eq(events.id, job.eventId));
    if (!event) throw new PermanentJobError(`event ${job.eventId} not found`);
    const badges = await loadBadgeItems(db, event.id, ids, locale);
    await progress(5);
    let last = 5;
    let writes: Promise<void> = Promise.resolve();
    const pdf = await renderBadges({ badges, layout, locale, labels: badgeLabels(event, locale) }, (done) => {
      const p = Math.floor(5 + done * 85);
      if (p - last < 5) return;
      last = p;
      writes = writes.then(() => progress(p)).catch(() => undefined);
    });
    await writes;
    const filename = `the-dai-bieu-${layout}-${job.id}.pdf`;
    const fileId = await storeBadgeFile(db, { eventId: event.id, jobId: job.id, userId, filename, pdf });
    return { fileId, count: badges.length, bytes: pdf.length, layout, filename };
  };
}
