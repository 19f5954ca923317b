import type { Db } from "@/db/client";
import type { Locale } from "@/lib/i18n";

/** Who is acting. Issue #3 adds signed-in users and API tokens. */
export type Actor =
  | { kind: "anonymous"; ip?: string }
  | { kind: "system"; reason: string };

/** Every domain function takes this: the database, the actor, the clock and the language. */
export type Ctx = { db: Db; actor: Actor; now: Date; locale: Locale; requestId?: string };

export function systemCtx(db: Db, reason: string, locale: Locale = "vi"): Ctx {
  return { db, actor: { kind: "system", reason }, now: new Date(), locale };
}
