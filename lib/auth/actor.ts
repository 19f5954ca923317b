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

const actorColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role, provinceCode: users.provinceCode, agencyCode: users.agencyCode,
  disabledAt: users.disabledAt, passwordChangedAt: users.passwordChangedAt,
};

/**
 * The two lookups every authenticated request makes, prepared once per database: the query is
 * built once (not per request) and, on node-postgres, parsed and planned once per connection.
 */
const buildUser = (db: DbOrTx) => db.select(actorColumns).from(users).where(eq(users.id, sql.placeholder("id"))).prepare("actor_by_user");
const buildToken = (db: DbOrTx) => db.select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: actorColumns })
  .from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId))
  .where(and(eq(apiTokens.tokenHash, sql.placeholder("hash")), isNull(apiTokens.revokedAt), isNull(users.disabledAt))).prepare("actor_by_token");
const prepared = new WeakMap<object, { user: ReturnType<typeof buildUser>; token: ReturnType<typeof buildToken> }>();

function lookups(db: DbOrTx) {
  let q = prepared.get(db);
  if (!q) prepared.set(db, (q = { user: buildUser(db), token: buildToken(db) }));
  return q;
}

/**
 * Role and scope are read from the database on every request: a disabled user, or one whose
 * password changed after the session was issued, is out at once.
 */
export async function loadSessionActor(db: DbOrTx, userId: number, issuedAtSeconds?: number): Promise<UserActor | null> {
  const [user] = await lookups(db).user.execute({ id: userId });
  if (!user || user.disabledAt) return null;
  if (issuedAtSeconds !== undefined && user.passwordChangedAt.getTime() > (issuedAtSeconds + 1) * 1000) return null;
  return actorFromUser(user, "session");
}

export const TOKEN_PREFIX = "ocop";

/** Resolves an API bearer token (stored as a SHA-256 hash) to its user's current permissions. */
export async function loadTokenActor(db: DbOrTx, token: string): Promise<UserActor | null> {
  if (!token.startsWith(`${TOKEN_PREFIX}_`) || token.length > 200) return null;
  const [row] = await lookups(db).token.execute({ hash: sha256(token) });
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  return actorFromUser(row.user, "token", row.tokenId);
}
