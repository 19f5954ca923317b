import crypto from "node:crypto";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { delegateCategories, events, generatedFiles, registrations } from "@/db/schema";
import { format, formatDate, messages, toLocale } from "@/lib/i18n";
import { PermanentJobError, type JobContext } from "@/lib/jobs/worker";
import type { BadgePrintItem } from "@/lib/pdf/badges";
import { renderBadges } from "@/lib/pdf/render";
import { delegationName, fullName, honorificLabel, loadUnitNames } from "@/lib/registration/common";
import { badgeCodeFor } from "./badge";
import { badgePrintPayload } from "./print";

/** How long a badge PDF stays downloadable. */
export const FILE_RETENTION_MS = 7 * 24 * 3600_000;

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
    const t = messages(locale);
    const [event] = await db.select().from(events).where(eq(events.id, job.eventId));
    if (!event) throw new PermanentJobError(`event ${job.eventId} not found`);
    const rows = ids.length === 0 ? [] : await db.select({ r: registrations, c: { nameVi: delegateCategories.nameVi, nameEn: delegateCategories.nameEn, colour: delegateCategories.badgeColour } })
      .from(registrations).innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
      .where(and(inArray(registrations.id, ids), eq(registrations.status, "confirmed"), eq(registrations.eventId, event.id)))
      .orderBy(sql`${registrations.sortKey} collate "C"`, asc(registrations.id));
    const names = await loadUnitNames(db);
    const badges: BadgePrintItem[] = [];
    for (const { r, c } of rows) {
      badges.push({
        id: r.id, name: `${honorificLabel(r.honorific, locale)} ${fullName(r)}`, position: r.position, organisation: r.organisation,
        delegation: delegationName(names, r, locale), categoryName: locale === "en" ? c.nameEn : c.nameVi, colour: c.colour, code: await badgeCodeFor(db, r),
      });
    }
    await progress(5);
    let last = 5;
    let writes: Promise<void> = Promise.resolve();
    const pdf = await renderBadges({
      badges, layout, locale,
      labels: {
        ministry: t.common.ministry, event: locale === "en" ? event.nameEn : event.nameVi, band: t.badge.delegate, badgeId: t.badgePrint.badgeId, title: t.badgePrint.pdfTitle,
        dates: `${format(t.badge.dates, { ceremony: formatDate(event.ceremonyStartsAt, event.timezone), conference: formatDate(event.conferenceStartsAt, event.timezone) })} · ${event.city}`,
      },
    }, (done) => {
      const p = Math.floor(5 + done * 85);
      if (p - last < 5) return;
      last = p;
      writes = writes.then(() => progress(p)).catch(() => undefined);
    });
    await writes;
    const filename = `the-dai-bieu-${layout}-${job.id}.pdf`;
    const [file] = await db.insert(generatedFiles).values({
      eventId: event.id, jobId: job.id, createdBy: userId, kind: "badges", filename, contentType: "application/pdf",
      byteSize: pdf.length, sha256: crypto.createHash("sha256").update(pdf).digest("hex"), content: pdf,
    }).returning({ id: generatedFiles.id });
    // Badge PDFs are for printing now, not an archive (each holds personal data and a few MB).
    await db.delete(generatedFiles).where(and(eq(generatedFiles.kind, "badges"), lt(generatedFiles.createdAt, new Date(Date.now() - FILE_RETENTION_MS))));
    return { fileId: file!.id, count: badges.length, bytes: pdf.length, layout, filename };
  };
}
