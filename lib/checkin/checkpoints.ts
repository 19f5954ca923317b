import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { categoryCheckpoints, checkinPresence, checkpoints, checkpointWindows, delegateCategories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { requireAnyPermission, requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { NotFoundError, ValidationError, type FieldError } from "@/lib/errors";
import { currentEvent } from "@/lib/registration/common";
import { parseInput } from "@/lib/validation";

export type CheckpointRow = typeof checkpoints.$inferSelect;
/** A checkpoint with its rules, as the scanner decides with them. */
export type CheckpointRules = CheckpointRow & { categoryIds: Set<number>; categoryCodes: string[]; windows: { opensAt: Date; closesAt: Date }[] };

const RULES_TTL_MS = 3000;
const rulesCache = new WeakMap<object, { at: number; eventId: number; byCode: Map<string, CheckpointRules> }>();

/** The event's checkpoints and their rules, cached a few seconds per database (edits invalidate). */
export async function checkpointRules(db: DbOrTx, eventId: number): Promise<Map<string, CheckpointRules>> {
  const hit = rulesCache.get(db);
  if (hit && hit.eventId === eventId && Date.now() - hit.at < RULES_TTL_MS) return hit.byCode;
  const [cps, access, windows] = await Promise.all([
    db.select().from(checkpoints).where(eq(checkpoints.eventId, eventId)).orderBy(asc(checkpoints.sortOrder)),
    db.select({ checkpointId: categoryCheckpoints.checkpointId, categoryId: categoryCheckpoints.categoryId, code: delegateCategories.code })
      .from(categoryCheckpoints).innerJoin(delegateCategories, eq(delegateCategories.id, categoryCheckpoints.categoryId))
      .where(eq(categoryCheckpoints.eventId, eventId)).orderBy(asc(delegateCategories.sortOrder)),
    db.select().from(checkpointWindows).where(eq(checkpointWindows.eventId, eventId)).orderBy(asc(checkpointWindows.opensAt)),
  ]);
  const byCode = new Map<string, CheckpointRules>();
  for (const cp of cps) {
    const mine = access.filter((a) => a.checkpointId === cp.id);
    byCode.set(cp.code, {
      ...cp, categoryIds: new Set(mine.map((a) => a.categoryId)), categoryCodes: mine.map((a) => a.code),
      windows: windows.filter((w) => w.checkpointId === cp.id).map((w) => ({ opensAt: w.opensAt, closesAt: w.closesAt })),
    });
  }
  rulesCache.set(db, { at: Date.now(), eventId, byCode });
  return byCode;
}

export function invalidateCheckpointCache(db: DbOrTx): void {
  rulesCache.delete(db);
}

/** The checkpoint named by a request, or a field error on `field`. */
export async function checkpointByCode(db: DbOrTx, eventId: number, code: string, field = "checkpoint"): Promise<CheckpointRules> {
  const cp = (await checkpointRules(db, eventId)).get(code);
  if (!cp) throw new ValidationError([{ path: field, message: "checkin.unknown_checkpoint" }]);
  return cp;
}

/** No windows: open whenever staff scan. Otherwise open inside any window. */
export function isOpenAt(cp: Pick<CheckpointRules, "windows">, at: Date): boolean {
  if (cp.windows.length === 0) return true;
  const t = at.getTime();
  return cp.windows.some((w) => w.opensAt.getTime() <= t && t < w.closesAt.getTime());
}

export const checkpointView = z.object({
  code: z.string(), name: z.string(), nameVi: z.string(), nameEn: z.string(), part: z.enum(["exhibition", "ceremony", "conference"]),
  allowReentry: z.boolean(), sortOrder: z.number().int(), categories: z.array(z.string()),
  windows: z.array(z.object({ opensAt: z.string(), closesAt: z.string() })), openNow: z.boolean(), insideNow: z.number().int(),
});
export type CheckpointView = z.infer<typeof checkpointView>;

function toView(cp: CheckpointRules, inside: number, ctx: Ctx): CheckpointView {
  return {
    code: cp.code, name: ctx.locale === "en" ? cp.nameEn : cp.nameVi, nameVi: cp.nameVi, nameEn: cp.nameEn, part: cp.part as CheckpointView["part"],
    allowReentry: cp.allowReentry, sortOrder: cp.sortOrder, categories: cp.categoryCodes,
    windows: cp.windows.map((w) => ({ opensAt: w.opensAt.toISOString(), closesAt: w.closesAt.toISOString() })),
    openNow: isOpenAt(cp, ctx.now), insideNow: inside,
  };
}

async function insideCounts(db: DbOrTx, eventId: number): Promise<Map<number, number>> {
  const rows = await db.select({ checkpointId: checkinPresence.checkpointId, n: sql<number>`count(*)::int` }).from(checkinPresence)
    .where(and(eq(checkinPresence.eventId, eventId), eq(checkinPresence.inside, true))).groupBy(checkinPresence.checkpointId);
  return new Map(rows.map((r) => [r.checkpointId, Number(r.n)]));
}

/** The checkpoints with their rules and how many are inside now (scanner staff, dashboards, organisers). */
export async function listCheckpoints(ctx: Ctx): Promise<CheckpointView[]> {
  requireAnyPermission(ctx, ["checkin.scan", "checkin.dashboard", "event.manage"]);
  const event = await currentEvent(ctx.db);
  invalidateCheckpointCache(ctx.db);
  const [rules, inside] = await Promise.all([checkpointRules(ctx.db, event.id), insideCounts(ctx.db, event.id)]);
  return [...rules.values()].map((cp) => toView(cp, inside.get(cp.id) ?? 0, ctx));
}

const windowInput = z.object({
  opensAt: z.coerce.date({ message: "fields.datetime" }),
  closesAt: z.coerce.date({ message: "fields.datetime" }),
}).strict();

export const checkpointPatch = z.object({
  allowReentry: z.boolean().optional(),
  categories: z.array(z.string().max(40)).max(50).optional(),
  windows: z.array(windowInput).max(20).optional(),
}).strict();
export const checkpointCodeParams = z.object({ code: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: "fields.invalid" }) }).strict();

/** Organisers edit a checkpoint's rules: categories allowed, opening windows, re-entry. Audited. */
export async function updateCheckpoint(ctx: Ctx, code: string, input: z.input<typeof checkpointPatch>): Promise<CheckpointView> {
  requirePermission(ctx, "event.manage");
  const data = parseInput(checkpointPatch, input);
  const event = await currentEvent(ctx.db);
  const errors: FieldError[] = [];
  data.windows?.forEach((w, i) => {
    if (!(w.opensAt < w.closesAt)) errors.push({ path: `windows.${i}.closesAt`, message: "checkin.window_order" });
  });
  let categoryIds: number[] = [];
  if (data.categories) {
    const wanted = [...new Set(data.categories)];
    const cats = wanted.length ? await ctx.db.select({ id: delegateCategories.id, code: delegateCategories.code }).from(delegateCategories)
      .where(and(eq(delegateCategories.eventId, event.id), inArray(delegateCategories.code, wanted))) : [];
    const known = new Set(cats.map((c) => c.code));
    wanted.forEach((c, i) => { if (!known.has(c)) errors.push({ path: `categories.${i}`, message: "fields.choice" }); });
    categoryIds = cats.map((c) => c.id);
  }
  if (errors.length) throw new ValidationError(errors);
  await ctx.db.transaction(async (tx) => {
    const [cp] = await tx.select().from(checkpoints).where(and(eq(checkpoints.eventId, event.id), eq(checkpoints.code, code))).for("update");
    if (!cp) throw new NotFoundError("checkin.checkpoint_not_found");
    const before = await rulesSnapshot(tx, cp.id);
    if (data.allowReentry !== undefined) await tx.update(checkpoints).set({ allowReentry: data.allowReentry, updatedAt: ctx.now }).where(eq(checkpoints.id, cp.id));
    if (data.categories) {
      await tx.delete(categoryCheckpoints).where(eq(categoryCheckpoints.checkpointId, cp.id));
      if (categoryIds.length) await tx.insert(categoryCheckpoints).values(categoryIds.map((categoryId) => ({ eventId: event.id, categoryId, checkpointId: cp.id })));
    }
    if (data.windows) {
      await tx.delete(checkpointWindows).where(eq(checkpointWindows.checkpointId, cp.id));
      if (data.windows.length) await tx.insert(checkpointWindows).values(data.windows.map((w) => ({ eventId: event.id, checkpointId: cp.id, opensAt: w.opensAt, closesAt: w.closesAt })));
    }
    await recordAudit(tx, ctx, { eventId: event.id, action: "checkpoint.updated", entityType: "checkpoint", entityId: code, before, after: await rulesSnapshot(tx, cp.id) });
  });
  invalidateCheckpointCache(ctx.db);
  const rules = await checkpointRules(ctx.db, event.id);
  const inside = await insideCounts(ctx.db, event.id);
  const cp = rules.get(code)!;
  return toView(cp, inside.get(cp.id) ?? 0, ctx);
}

async function rulesSnapshot(tx: DbOrTx, checkpointId: number) {
  const [cp] = await tx.select({ allowReentry: checkpoints.allowReentry }).from(checkpoints).where(eq(checkpoints.id, checkpointId));
  const cats = await tx.select({ code: delegateCategories.code }).from(categoryCheckpoints).innerJoin(delegateCategories, eq(delegateCategories.id, categoryCheckpoints.categoryId))
    .where(eq(categoryCheckpoints.checkpointId, checkpointId)).orderBy(asc(delegateCategories.code));
  const ws = await tx.select({ opensAt: checkpointWindows.opensAt, closesAt: checkpointWindows.closesAt }).from(checkpointWindows)
    .where(eq(checkpointWindows.checkpointId, checkpointId)).orderBy(asc(checkpointWindows.opensAt));
  return { allowReentry: cp?.allowReentry, categories: cats.map((c) => c.code), windows: ws.map((w) => ({ opensAt: w.opensAt.toISOString(), closesAt: w.closesAt.toISOString() })) };
}
