import { and, asc, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { categoryCheckpoints, checkpoints, delegateCategories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { can, requirePermission, unitScope } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { invalidateCheckpointCache } from "@/lib/checkin/checkpoints";
import { currentEvent, invalidateCategoryCache } from "@/lib/registration/common";
import { promoteWaitlisted } from "@/lib/registration/manage";
import { parseInput, text } from "@/lib/validation";

const question = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "fields.invalid" }),
  type: z.enum(["text", "choice", "yesno"]),
  labelVi: text({ max: 200 }),
  labelEn: text({ max: 200 }),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string().regex(/^[a-z0-9_-]{1,40}$/), labelVi: text({ max: 100 }), labelEn: text({ max: 100 }) }).strict()).max(30).optional(),
}).strict();

export const categoryPatch = z.object({
  nameVi: text({ max: 120 }).optional(),
  nameEn: text({ max: 120 }).optional(),
  badgeColour: z.string().regex(/^#[0-9a-f]{6}$/, { message: "fields.invalid" }).optional(),
  registrationMode: z.enum(["public", "invitation", "portal"]).optional(),
  portalUnitKind: z.enum(["province", "ministry"]).nullish(),
  requiresApproval: z.boolean().optional(),
  capacity: z.number().int().min(0).max(100000).nullish(),
  checkpoints: z.array(z.string().max(40)).max(20).optional(),
  questions: z.array(question).max(30).optional(),
}).strict();

export const categoryView = z.object({
  code: z.string(), name: z.string(), nameVi: z.string(), nameEn: z.string(), colour: z.string(),
  selfRegistration: z.boolean(), invitationOnly: z.boolean(), portalUnitKind: z.enum(["province", "ministry"]).nullable(),
  requiresApproval: z.boolean(), capacity: z.number().nullable(), checkpoints: z.array(z.string()),
  questions: z.array(question),
});
export type CategoryView = z.infer<typeof categoryView>;

/**
 * Public categories for anyone; every category for staff who manage them; province and ministry
 * officers also get the portal categories of their unit's kind (what their delegation may add).
 */
export async function listCategories(ctx: Ctx): Promise<CategoryView[]> {
  const event = await currentEvent(ctx.db);
  const all = can(ctx.actor, "categories.manage") || can(ctx.actor, "registrations.manage");
  const scope = can(ctx.actor, "registrations.unit") ? unitScope(ctx.actor) : null;
  const visible = scope
    ? or(eq(delegateCategories.registrationMode, "public"), and(eq(delegateCategories.registrationMode, "portal"), eq(delegateCategories.portalUnitKind, "provinceCode" in scope ? "province" : "ministry")))
    : eq(delegateCategories.registrationMode, "public");
  const cats = await ctx.db.select().from(delegateCategories)
    .where(all ? eq(delegateCategories.eventId, event.id) : and(eq(delegateCategories.eventId, event.id), visible))
    .orderBy(asc(delegateCategories.sortOrder));
  const access = cats.length ? await ctx.db.select({ categoryId: categoryCheckpoints.categoryId, code: checkpoints.code }).from(categoryCheckpoints)
    .innerJoin(checkpoints, eq(checkpoints.id, categoryCheckpoints.checkpointId)).where(inArray(categoryCheckpoints.categoryId, cats.map((c) => c.id))).orderBy(asc(checkpoints.sortOrder)) : [];
  return cats.map((c) => ({
    code: c.code, name: ctx.locale === "en" ? c.nameEn : c.nameVi, nameVi: c.nameVi, nameEn: c.nameEn, colour: c.badgeColour,
    selfRegistration: c.registrationMode === "public", invitationOnly: c.registrationMode === "invitation",
    portalUnitKind: (c.portalUnitKind as "province" | "ministry" | null) ?? null, requiresApproval: c.requiresApproval, capacity: c.capacity,
    checkpoints: access.filter((a) => a.categoryId === c.id).map((a) => a.code),
    questions: c.questions.map((q) => ({ ...q, type: q.type === "date" ? "text" : q.type })) as CategoryView["questions"],
  }));
}

/** Organisers edit a category; raising the capacity promotes waitlisted delegates at once. */
export async function updateCategory(ctx: Ctx, code: string, input: z.input<typeof categoryPatch>): Promise<CategoryView> {
  requirePermission(ctx, "categories.manage");
  const data = parseInput(categoryPatch, input);
  const event = await currentEvent(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const [cat] = await tx.select().from(delegateCategories).where(and(eq(delegateCategories.eventId, event.id), eq(delegateCategories.code, code))).for("update");
    if (!cat) throw new NotFoundError("categories.not_found");
    const mode = data.registrationMode ?? cat.registrationMode;
    const unitKind = data.portalUnitKind !== undefined ? data.portalUnitKind : cat.portalUnitKind;
    if ((mode === "portal") !== Boolean(unitKind)) throw new ValidationError([{ path: "portalUnitKind", message: "fields.invalid" }]);
    const [row] = await tx.update(delegateCategories).set({
      nameVi: data.nameVi ?? cat.nameVi, nameEn: data.nameEn ?? cat.nameEn, badgeColour: data.badgeColour ?? cat.badgeColour,
      registrationMode: mode, portalUnitKind: mode === "portal" ? unitKind : null, requiresApproval: data.requiresApproval ?? cat.requiresApproval,
      capacity: data.capacity === undefined ? cat.capacity : data.capacity, questions: data.questions ?? cat.questions, updatedAt: ctx.now,
    }).where(eq(delegateCategories.id, cat.id)).returning();
    if (data.checkpoints) {
      const cps = await tx.select().from(checkpoints).where(and(eq(checkpoints.eventId, event.id), inArray(checkpoints.code, data.checkpoints.length ? data.checkpoints : ["-"])));
      const unknown = data.checkpoints.filter((c) => !cps.some((cp) => cp.code === c));
      if (unknown.length) throw new ValidationError(unknown.map((c) => ({ path: "checkpoints", message: `fields.choice|value=${c}` })));
      await tx.delete(categoryCheckpoints).where(eq(categoryCheckpoints.categoryId, cat.id));
      if (cps.length) await tx.insert(categoryCheckpoints).values(cps.map((cp) => ({ eventId: event.id, categoryId: cat.id, checkpointId: cp.id })));
    }
    await recordAudit(tx, ctx, { eventId: event.id, action: "category.updated", entityType: "delegate_category", entityId: cat.code, before: cat, after: { ...row, checkpoints: data.checkpoints } });
    const raised = row!.capacity === null ? cat.capacity !== null : cat.capacity !== null && row!.capacity > cat.capacity;
    if (raised) await promoteWaitlisted(tx, ctx, row!, event);
  });
  invalidateCategoryCache(ctx.db);
  invalidateCheckpointCache(ctx.db);
  const list = await listCategories({ ...ctx, actor: { kind: "system", reason: "category view" } });
  return list.find((c) => c.code === code)!;
}
