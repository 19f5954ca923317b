import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { TOKEN_PREFIX } from "@/lib/auth/actor";
import { randomToken, sha256 } from "@/lib/auth/password";
import { requirePermission } from "@/lib/auth/require";
import type { Ctx } from "@/lib/context";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput, text } from "@/lib/validation";

export const createTokenInput = z.object({ name: text({ max: 80 }) }).strict();
export const tokenSchema = z.object({
  id: z.number().int(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revoked: z.boolean(),
});
export type TokenView = z.infer<typeof tokenSchema>;

function view(t: typeof apiTokens.$inferSelect): TokenView {
  return { id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revoked: t.revokedAt !== null };
}

/** A bearer token carrying the user's permissions; the secret is returned once and stored hashed. */
export async function createToken(ctx: Ctx, input: z.input<typeof createTokenInput>): Promise<TokenView & { token: string }> {
  const me = requirePermission(ctx, "account.self");
  if (me.via === "token") throw new ForbiddenError("auth.forbidden");
  const data = parseInput(createTokenInput, input);
  const token = randomToken(TOKEN_PREFIX);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ userId: me.userId, name: data.name, tokenHash: sha256(token), prefix: token.slice(0, 12) }).returning();
    await recordAudit(tx, ctx, { action: "token.created", entityType: "api_token", entityId: row!.id, provinceCode: me.provinceCode, ministryCode: me.ministryCode, after: view(row!) });
    return { ...view(row!), token };
  });
}

export async function listTokens(ctx: Ctx): Promise<TokenView[]> {
  const me = requirePermission(ctx, "account.self");
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, me.userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(view);
}

/** Revokes one of the caller's tokens (admins may revoke anyone's). */
export async function revokeToken(ctx: Ctx, id: number): Promise<TokenView> {
  const me = requirePermission(ctx, "account.self");
  const mayAny = me.permissions.has("users.manage");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(mayAny ? eq(apiTokens.id, id) : and(eq(apiTokens.id, id), eq(apiTokens.userId, me.userId))).for("update");
    if (!row) throw new NotFoundError("tokens.not_found");
    const [updated] = await tx.update(apiTokens).set({ revokedAt: ctx.now }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning();
    const after = updated ?? row;
    if (updated) await recordAudit(tx, ctx, { action: "token.revoked", entityType: "api_token", entityId: id, before: view(row), after: view(after) });
    return view(after);
  });
}
