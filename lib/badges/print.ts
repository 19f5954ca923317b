import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { delegateCategories, generatedFiles, jobs, registrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { can, requireAnyPermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { enqueueJob, type JobRow } from "@/lib/jobs/queue";
import { BADGE_LAYOUTS } from "@/lib/pdf/layouts";
import { currentEvent } from "@/lib/registration/common";
import { READ, registrationFilter } from "@/lib/registration/manage";
import { listRegistrationsQuery } from "@/lib/registration/schemas";
import { parseInput, positiveInt } from "@/lib/validation";

export const BADGE_PRINT_JOB = "badges.print";
/** One batch: the whole conference is about 2,000 delegates. */
export const MAX_BADGES_PER_PRINT = 5000;

export const printBadgesInput = z.object({
  filter: listRegistrationsQuery.pick({ status: true, category: true, province: true, ministry: true, q: true, checkpoint: true, arrived: true }).strict().optional(),
  ids: z.array(z.number().int().positive()).min(1).max(MAX_BADGES_PER_PRINT).optional(),
  layout: z.enum(BADGE_LAYOUTS, { message: "fields.choice" }).default("a4-4up"),
}).strict();
export type PrintBadgesInput = z.input<typeof printBadgesInput>;

export const badgePrintPayload = z.object({
  ids: z.array(z.number().int().positive()).max(MAX_BADGES_PER_PRINT),
  layout: z.enum(BADGE_LAYOUTS),
  locale: z.enum(["vi", "en"]),
  userId: z.number().int().nullable(),
});

export const jobIdParams = z.object({ id: positiveInt() }).strict();
export const jobView = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
  progress: z.number().int().min(0).max(100),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
  downloadUrl: z.string().optional(),
});
export type JobView = z.infer<typeof jobView>;

/**
 * POST /api/v1/badges/print: the confirmed registrations matching the filter (and ids) — a province
 * or ministry officer's own unit only, whatever the filter says — are fixed now, and a background
 * job draws their badges into one PDF. Audited (the badges carry personal data).
 */
export async function requestBadgePrint(ctx: Ctx, input: PrintBadgesInput): Promise<{ jobId: number; count: number }> {
  const me = requireAnyPermission(ctx, [...READ]);
  const q = parseInput(printBadgesInput, input);
  const event = await currentEvent(ctx.db);
  const where = and(
    registrationFilter(me, event.id, q.filter ?? {}),
    eq(registrations.status, "confirmed"),
    q.ids ? inArray(registrations.id, q.ids) : undefined,
  );
  const rows = await ctx.db.select({ id: registrations.id }).from(registrations)
    .innerJoin(delegateCategories, eq(delegateCategories.id, registrations.categoryId))
    .where(where).orderBy(sql`${registrations.sortKey} collate "C"`, asc(registrations.id)).limit(MAX_BADGES_PER_PRINT + 1);
  if (rows.length === 0) throw new ConflictError("badges.nothing_to_print");
  if (rows.length > MAX_BADGES_PER_PRINT) throw new ConflictError("badges.too_many", { max: MAX_BADGES_PER_PRINT });
  const ids = rows.map((r) => r.id);
  const userId = me.userId > 0 ? me.userId : null;
  const job = await ctx.db.transaction(async (tx) => {
    const job = await enqueueJob(tx, {
      kind: BADGE_PRINT_JOB, eventId: event.id, maxAttempts: 3, priority: 1, createdBy: userId === null ? null : String(userId),
      payload: { ids, layout: q.layout, locale: ctx.locale, userId },
    });
    await recordAudit(tx, ctx, {
      eventId: event.id, action: "badges.printed", entityType: "job", entityId: job.id, provinceCode: me.provinceCode, ministryCode: me.ministryCode,
      after: { filter: q.filter ?? null, ids: q.ids?.length ?? null, layout: q.layout, count: ids.length },
    });
    return job;
  });
  return { jobId: job.id, count: ids.length };
}

/** A job its creator may follow; organisers and admins (jobs.read) may follow any. Others get 404, as if it did not exist. */
async function readableJob(ctx: Ctx, id: number): Promise<JobRow> {
  if (ctx.actor.kind === "anonymous") throw new UnauthorizedError();
  const [job] = await ctx.db.select().from(jobs).where(eq(jobs.id, id));
  const mine = job && ctx.actor.kind === "user" && job.createdBy === String(ctx.actor.userId);
  if (!job || (!mine && !can(ctx.actor, "jobs.read"))) throw new NotFoundError("jobs.not_found");
  return job;
}

/** GET /api/v1/jobs/{id}: status, progress and, once a file is ready, where to download it. */
export async function getJob(ctx: Ctx, id: number): Promise<JobView> {
  const job = await readableJob(ctx, id);
  const [file] = job.status === "succeeded" ? await ctx.db.select({ n: count() }).from(generatedFiles).where(eq(generatedFiles.jobId, job.id)) : [];
  return {
    id: job.id, kind: job.kind, status: job.status, progress: job.progress, createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null,
    // The worker's message is for the logs; the caller learns that it failed.
    error: job.status === "failed" ? "failed" : null,
    result: job.status === "succeeded" ? (job.result ?? null) : null,
    ...(file && Number(file.n) > 0 ? { downloadUrl: `/api/v1/jobs/${job.id}/download` } : {}),
  };
}

/** GET /api/v1/jobs/{id}/download: the file the job made. */
export async function getJobFile(ctx: Ctx, id: number): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const job = await readableJob(ctx, id);
  if (job.status !== "succeeded") throw new ConflictError("jobs.not_ready");
  const [file] = await ctx.db.select().from(generatedFiles).where(eq(generatedFiles.jobId, job.id)).orderBy(desc(generatedFiles.id)).limit(1);
  if (!file) throw new NotFoundError("jobs.not_found");
  const c = file.content;
  return { filename: file.filename, contentType: file.contentType, content: Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength) };
}
