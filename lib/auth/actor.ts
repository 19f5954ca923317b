import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { UserActor } from "@/lib/context";
import { sha256 } from "./password";
import { ROLE_PERMISSIONS } from "./permissions";

type UserRow = typeof users.$inferSelect;

export function actorFromUser(user: Pick<UserRow, "id" | "email" | "name" | "role" | "provinceCode" | "agencyCode">, via: "session" | "token", tokenId?: number): UserActor {
  return {
    kind: "user", userId: user.id, email: user.email, name: user.name, role: user.role,
    provinceCode: user.provinceCode, ministryCode: user.agencyCode,
    permissions: new Set(ROLE_PERMISSIONS[user.role]), via, tokenId,
  };
}

/**
 * Role and scope are read from the database on every request: a disabled user, or one whose
 * password changed after the session was issued, is out at once.
 */
export async function loadSessionActor(db: DbOrTx, userId: number, issuedAtSeconds?: number): Promise<UserActor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt) return null;
  if (issuedAtSeconds !== undefined && user.passwordChangedAt.getTime() > (issuedAtSeconds + 1) * 1000) return null;
  return actorFromUser(user, "session");
}

export const TOKEN_PREFIX = "ocop";

/** Resolves an API bearer token (stored as a SHA-256 hash) to its user's current permissions. */
export async function loadTokenActor(db: DbOrTx, token: string): Promise<UserActor | null> {
  if (!token.startsWith(`${TOKEN_PREFIX}_`) || token.length > 200) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  return actorFromUser(row.user, "token", row.tokenId);
}
