import { and, asc, count, eq, ilike, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agencies, provinces, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, unusablePasswordHash } from "@/lib/auth/password";
import { UNIT_ROLES, type Role } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError, ValidationError, type FieldError } from "@/lib/errors";
import { searchKey } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation";
import { issuePasswordResetIn } from "./password-reset";
import { createUserInput, listUsersQuery, updateUserInput, type CreateUserInput, type ListUsersQuery, type UpdateUserInput, type UserView } from "./schemas";

type UserRow = typeof users.$inferSelect;

export function toUserView(u: UserRow): UserView {
  return {
    id: u.id, email: u.email, name: u.name, role: u.role, provinceCode: u.provinceCode, ministryCode: u.agencyCode,
    disabled: u.disabledAt !== null, lastSignInAt: u.lastSignInAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString(),
  };
}

/** Role and unit must agree: province officers have a province, ministry officers a ministry, others neither. */
async function checkScope(db: DbOrTx, role: Role, provinceCode: string | null | undefined, ministryCode: string | null | undefined): Promise<{ provinceCode: string | null; agencyCode: string | null }> {
  const errors: FieldError[] = [];
  const unit = UNIT_ROLES[role];
  if (unit === "province") {
    if (!provinceCode) errors.push({ path: "provinceCode", message: "fields.provinceRequired" });
    else if ((await db.$count(provinces, eq(provinces.code, provinceCode))) === 0) errors.push({ path: "provinceCode", message: `fields.unknownProvince|code=${provinceCode}` });
    if (ministryCode) errors.push({ path: "ministryCode", message: "fields.scopeNotAllowed" });
  } else if (unit === "ministry") {
    if (!ministryCode) errors.push({ path: "ministryCode", message: "fields.ministryRequired" });
    else if ((await db.$count(agencies, eq(agencies.code, ministryCode))) === 0) errors.push({ path: "ministryCode", message: `fields.unknownMinistry|code=${ministryCode}` });
    if (provinceCode) errors.push({ path: "provinceCode", message: "fields.scopeNotAllowed" });
  } else {
    if (provinceCode) errors.push({ path: "provinceCode", message: "fields.scopeNotAllowed" });
    if (ministryCode) errors.push({ path: "ministryCode", message: "fields.scopeNotAllowed" });
  }
  if (errors.length) throw new ValidationError(errors);
  return { provinceCode: unit === "province" ? provinceCode! : null, agencyCode: unit === "ministry" ? ministryCode! : null };
}


export async function listUsers(ctx: Ctx, input: ListUsersQuery = {}): Promise<{ items: UserView[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, "users.read");
  const q = parseInput(listUsersQuery, input);
  const where: SQL[] = [];
  if (q.q?.trim()) {
    const key = `%${searchKey(q.q).replace(/[%_\\]/g, "\\$&")}%`;
    where.push(ilike(users.searchKey, key));
  }
  if (q.role) where.push(eq(users.role, q.role));
  if (q.status === "active") where.push(isNull(users.disabledAt));
  if (q.status === "disabled") where.push(isNotNull(users.disabledAt));
  const cond = where.length ? and(...where) : undefined;
  const [rows, n] = await Promise.all([
    ctx.db.select().from(users).where(cond).orderBy(asc(users.searchKey), asc(users.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(users).where(cond).then((r) => r[0]?.n ?? 0),
  ]);
  return { items: rows.map(toUserView), total: Number(n), page: q.page, pageSize: q.pageSize };
}

export async function getUser(ctx: Ctx, id: number): Promise<UserView> {
  requirePermission(ctx, "users.read");
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (!row) throw new NotFoundError("users.not_found");
  return toUserView(row);
}

/** Creates a staff account. Without a password, the person gets a link to set one. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<{ user: UserView; resetLinkSent: boolean }> {
  requirePermission(ctx, "users.manage");
  const data = parseInput(createUserInput, input);
  const scope = await checkScope(ctx.db, data.role, data.provinceCode, data.ministryCode);
  const passwordHash = data.password ? await hashPassword(data.password) : unusablePasswordHash();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(users).values({
        email: data.email, name: data.name, role: data.role, ...scope, passwordHash, searchKey: searchKey(`${data.name} ${data.email}`),
      }).returning();
      const view = toUserView(row!);
      await recordAudit(tx, ctx, { action: "user.created", entityType: "user", entityId: row!.id, provinceCode: row!.provinceCode, ministryCode: row!.agencyCode, after: view });
      if (!data.password) await issuePasswordResetIn(tx, ctx, row!, "welcome");
      return { user: view, resetLinkSent: !data.password };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("users.email_taken");
    throw e;
  }
}

/** Edits, disables or re-enables a user; the row is locked so concurrent edits serialise. */
export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput): Promise<UserView> {
  const me = requirePermission(ctx, "users.manage");
  const data = parseInput(updateUserInput, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, id)).for("update");
      if (!current) throw new NotFoundError("users.not_found");
      if (current.id === me.userId && data.disabled === true) throw new ForbiddenError("users.cannot_disable_self");
      if (current.id === me.userId && data.role && data.role !== current.role) throw new ForbiddenError("users.cannot_demote_self");
      const role = data.role ?? current.role;
      const roleChanged = role !== current.role;
      const scope = await checkScope(
        tx, role,
        data.provinceCode !== undefined ? data.provinceCode : roleChanged ? null : current.provinceCode,
        data.ministryCode !== undefined ? data.ministryCode : roleChanged ? null : current.agencyCode,
      );
      const name = data.name ?? current.name;
      const email = data.email ?? current.email;
      const disabledAt = data.disabled === undefined ? current.disabledAt : data.disabled ? (current.disabledAt ?? ctx.now) : null;
      const [row] = await tx.update(users).set({ name, email, role, ...scope, disabledAt, searchKey: searchKey(`${name} ${email}`), updatedAt: ctx.now }).where(eq(users.id, id)).returning();
      const action = data.disabled === true && !current.disabledAt ? "user.disabled" : data.disabled === false && current.disabledAt ? "user.enabled" : "user.updated";
      await recordAudit(tx, ctx, { action, entityType: "user", entityId: id, provinceCode: row!.provinceCode, ministryCode: row!.agencyCode, before: toUserView(current), after: toUserView(row!) });
      return toUserView(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("users.email_taken");
    throw e;
  }
}
