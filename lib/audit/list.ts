import { and, count, desc, eq, gte, ilike, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { parseInput, positiveInt } from "@/lib/validation";

export const listAuditQuery = z.object({
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  entityId: z.string().max(80).optional(),
  actor: z.string().max(120).optional(),
  actorUserId: positiveInt().optional(),
  provinceCode: z.string().regex(/^\d{2}$/, { message: "fields.invalid" }).optional(),
  from: z.iso.datetime({ offset: true, message: "fields.invalid" }).optional(),
  to: z.iso.datetime({ offset: true, message: "fields.invalid" }).optional(),
  page: positiveInt().default(1),
  pageSize: positiveInt().max(200, { message: "fields.tooLong|max=200" }).default(50),
}).strict();

export const auditEntrySchema = z.object({
  id: z.number(), at: z.string(), actorKind: z.string(), actorUserId: z.number().nullable(), actorTokenId: z.number().nullable(), actorLabel: z.string(),
  action: z.string(), entityType: z.string(), entityId: z.string().nullable(), provinceCode: z.string().nullable(), ministryCode: z.string().nullable(),
  before: z.unknown(), after: z.unknown(), requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export async function listAudit(ctx: Ctx, input: z.input<typeof listAuditQuery> = {}): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, "audit.read");
  const q = parseInput(listAuditQuery, input);
  const where: SQL[] = [];
  if (q.action) where.push(ilike(auditLog.action, `${q.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.actor) where.push(ilike(auditLog.actorLabel, `%${q.actor.replace(/[%_\\]/g, "\\$&")}%`));
  if (q.actorUserId) where.push(eq(auditLog.actorUserId, q.actorUserId));
  if (q.provinceCode) where.push(eq(auditLog.provinceCode, q.provinceCode));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
  const cond = where.length ? and(...where) : undefined;
  const [rows, total] = await Promise.all([
    ctx.db.select().from(auditLog).where(cond).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(auditLog).where(cond).then((r) => Number(r[0]?.n ?? 0)),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id, at: r.at.toISOString(), actorKind: r.actorKind, actorUserId: r.actorUserId, actorTokenId: r.actorTokenId, actorLabel: r.actorLabel,
      action: r.action, entityType: r.entityType, entityId: r.entityId, provinceCode: r.provinceCode, ministryCode: r.agencyCode,
      before: r.before, after: r.after, requestId: r.requestId,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}
