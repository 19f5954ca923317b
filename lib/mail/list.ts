import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import { z } from "zod";
import { emailOutbox } from "@/db/schema";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput, positiveInt } from "@/lib/validation";

export const listOutboxQuery = z.object({
  to: z.string().max(254).optional(),
  status: z.enum(["queued", "sent", "stored", "failed"]).optional(),
  template: z.string().max(60).optional(),
  page: positiveInt().default(1),
  pageSize: positiveInt().max(200, { message: "fields.tooLong|max=200" }).default(50),
}).strict();

export type OutboxItem = { id: number; to: string; toName: string | null; subject: string | null; template: string; status: string; attempts: number; lastError: string | null; createdAt: string; sentAt: string | null };

/** The outbox (with no SMTP it is the mailbox): admins and organisers browse it at /admin/outbox. */
export async function listOutbox(ctx: Ctx, input: z.input<typeof listOutboxQuery> = {}): Promise<{ items: OutboxItem[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, "outbox.read");
  const q = parseInput(listOutboxQuery, input);
  const where: SQL[] = [];
  if (q.to) where.push(ilike(emailOutbox.toAddress, `%${q.to.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`));
  if (q.status) where.push(eq(emailOutbox.status, q.status));
  if (q.template) where.push(eq(emailOutbox.template, q.template));
  const cond = where.length ? and(...where) : undefined;
  const [rows, total] = await Promise.all([
    ctx.db.select({
      id: emailOutbox.id, to: emailOutbox.toAddress, toName: emailOutbox.toName, subject: emailOutbox.subject, template: emailOutbox.template,
      status: emailOutbox.status, attempts: emailOutbox.attempts, lastError: emailOutbox.lastError, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt,
    }).from(emailOutbox).where(cond).orderBy(desc(emailOutbox.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(emailOutbox).where(cond).then((r) => Number(r[0]?.n ?? 0)),
  ]);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })), total, page: q.page, pageSize: q.pageSize };
}

/** One message with its HTML, text and attachments (the badge QR among them). */
export async function getOutboxMessage(ctx: Ctx, id: number) {
  requirePermission(ctx, "outbox.read");
  const [m] = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!m) throw new NotFoundError("not_found");
  return m;
}
