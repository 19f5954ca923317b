import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, randomToken, sha256, verifyPassword } from "@/lib/auth/password";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/outbox";
import { publicBaseUrl } from "@/lib/server/base-url";
import { parseInput, password } from "@/lib/validation";

export const RESET_TTL_HOURS = 48;
type UserRow = typeof users.$inferSelect;

/** Inside a transaction: makes a one-time link and queues the email that carries it. */
export async function issuePasswordResetIn(tx: DbOrTx, ctx: Ctx, user: UserRow, kind: "welcome" | "reset"): Promise<{ url: string }> {
  const token = randomToken("reset");
  await tx.update(passwordResets).set({ usedAt: ctx.now }).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
  await tx.insert(passwordResets).values({
    userId: user.id, tokenHash: sha256(token), expiresAt: new Date(ctx.now.getTime() + RESET_TTL_HOURS * 3600_000),
    createdByUserId: ctx.actor.kind === "user" && ctx.actor.userId > 0 ? ctx.actor.userId : null,
  });
  const url = `${publicBaseUrl()}/reset-password?token=${encodeURIComponent(token)}`;
  await queueEmail(tx, { to: user.email, toName: user.name, locale: ctx.locale, template: "password-reset", props: { name: user.name, url, kind, hours: RESET_TTL_HOURS } });
  await recordAudit(tx, ctx, { action: kind === "welcome" ? "user.welcome_link_sent" : "user.reset_link_sent", entityType: "user", entityId: user.id, provinceCode: user.provinceCode, ministryCode: user.agencyCode });
  return { url };
}

/** Admin-issued reset link, sent through the outbox. */
export async function issuePasswordReset(ctx: Ctx, userId: number): Promise<{ sent: true }> {
  requirePermission(ctx, "users.manage");
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new NotFoundError("users.not_found");
    await issuePasswordResetIn(tx, ctx, user, "reset");
  });
  return { sent: true };
}

export const completeResetInput = z.object({ token: z.string().min(1).max(200), password: password() }).strict();

/** Sets a new password through a reset link (no sign-in). The link works once. */
export async function completePasswordReset(ctx: Ctx, input: z.input<typeof completeResetInput>): Promise<{ email: string }> {
  const data = parseInput(completeResetInput, input);
  const passwordHash = await hashPassword(data.password);
  return ctx.db.transaction(async (tx) => {
    const [reset] = await tx.select().from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, sha256(data.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, ctx.now)))
      .for("update");
    if (!reset) throw new ValidationError([{ path: "token", message: "auth.reset_invalid" }], "auth.reset_invalid");
    const [user] = await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now, updatedAt: ctx.now }).where(eq(users.id, reset.userId)).returning();
    await tx.update(passwordResets).set({ usedAt: ctx.now }).where(eq(passwordResets.id, reset.id));
    await recordAudit(tx, { ...ctx, actor: { kind: "anonymous" } }, { action: "user.password_reset", entityType: "user", entityId: user!.id, provinceCode: user!.provinceCode, ministryCode: user!.agencyCode });
    return { email: user!.email };
  });
}

export const changePasswordInput = z.object({ currentPassword: z.string().min(1, { message: "fields.required" }).max(200), newPassword: password() }).strict();

/** A signed-in user changes their own password; other sessions of theirs end. */
export async function changePassword(ctx: Ctx, input: z.input<typeof changePasswordInput>): Promise<{ changed: true }> {
  const me = requirePermission(ctx, "account.self");
  const data = parseInput(changePasswordInput, input);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, me.userId));
  if (!user) throw new NotFoundError("users.not_found");
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw new ValidationError([{ path: "currentPassword", message: "auth.wrong_password" }], "auth.wrong_password");
  }
  if (me.via === "token") throw new ForbiddenError("auth.forbidden");
  const passwordHash = await hashPassword(data.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now, updatedAt: ctx.now }).where(eq(users.id, me.userId));
    await recordAudit(tx, ctx, { action: "user.password_changed", entityType: "user", entityId: me.userId, provinceCode: me.provinceCode, ministryCode: me.ministryCode });
  });
  return { changed: true };
}
