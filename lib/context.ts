import type { Db } from "@/db/client";
import type { Permission, Role } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n";

/** A signed-in staff member, through a session cookie or an API token. Re-read from the database per request. */
export type UserActor = {
  kind: "user";
  userId: number;
  email: string;
  name: string;
  role: Role;
  provinceCode: string | null;
  ministryCode: string | null;
  permissions: ReadonlySet<Permission>;
  via: "session" | "token";
  tokenId?: number;
};

/** Who is acting. */
export type Actor =
  | UserActor
  | { kind: "anonymous" }
  | { kind: "system"; reason: string };

/** Every domain function takes this: the database, the actor, the clock and the language. */
export type Ctx = { db: Db; actor: Actor; now: Date; locale: Locale; requestId?: string; ip?: string };

export function systemCtx(db: Db, reason: string, locale: Locale = "vi"): Ctx {
  return { db, actor: { kind: "system", reason }, now: new Date(), locale };
}

export function anonymousCtx(db: Db, locale: Locale = "vi", extra: Partial<Ctx> = {}): Ctx {
  return { db, actor: { kind: "anonymous" }, now: new Date(), locale, ...extra };
}
