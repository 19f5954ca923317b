import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authThrottle } from "@/db/schema";
import { RateLimitedError } from "@/lib/errors";

/** Failed sign-ins allowed per window: per account, and per client address. */
export const THROTTLE = { windowSeconds: 60, perAccount: 5, perClient: 20 };

export function throttleKeys(email: string, ip: string | undefined): { account: string; client: string | null } {
  return { account: `acct:${email.trim().toLowerCase()}`, client: ip ? `ip:${ip}` : null };
}

/** Throws RateLimitedError (429 + Retry-After) when the account or the client is over its limit. */
export async function assertNotThrottled(db: DbOrTx, email: string, ip: string | undefined, now = new Date()): Promise<void> {
  const { account, client } = throttleKeys(email, ip);
  const keys = client ? [account, client] : [account];
  const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, keys));
  let retryAfter = 0;
  for (const row of rows) {
    const limit = row.key === account ? THROTTLE.perAccount : THROTTLE.perClient;
    const endsAt = row.windowStartedAt.getTime() + THROTTLE.windowSeconds * 1000;
    if (row.failures >= limit && endsAt > now.getTime()) retryAfter = Math.max(retryAfter, (endsAt - now.getTime()) / 1000);
  }
  if (retryAfter > 0) throw new RateLimitedError("auth.throttled", retryAfter);
}

/**
 * Reserves a sign-in attempt for the account and the client atomically, before the password is
 * checked: concurrent guesses cannot all slip past the limit. Over the limit → RateLimitedError.
 * A successful sign-in gives the reservation back (releaseAttempt).
 */
export async function reserveSignInAttempt(db: DbOrTx, email: string, ip: string | undefined): Promise<void> {
  const { account, client } = throttleKeys(email, ip);
  let retryAfter = 0;
  for (const key of client ? [account, client] : [account]) {
    const res = await db.execute(sql`
      insert into ${authThrottle} (key, failures, window_started_at) values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when ${authThrottle.windowStartedAt} < now() - make_interval(secs => ${THROTTLE.windowSeconds}) then 1 else ${authThrottle.failures} + 1 end,
        window_started_at = case when ${authThrottle.windowStartedAt} < now() - make_interval(secs => ${THROTTLE.windowSeconds}) then now() else ${authThrottle.windowStartedAt} end
      returning failures, extract(epoch from (window_started_at + make_interval(secs => ${THROTTLE.windowSeconds}) - now())) as remaining`);
    const row = (res as unknown as { rows: { failures: number; remaining: string | number }[] }).rows[0]!;
    const limit = key === account ? THROTTLE.perAccount : THROTTLE.perClient;
    if (Number(row.failures) > limit) retryAfter = Math.max(retryAfter, Number(row.remaining));
  }
  if (retryAfter > 0) throw new RateLimitedError("auth.throttled", retryAfter);
}

/** After a successful sign-in: the account starts afresh, and the client's attempt is given back. */
export async function releaseSignInAttempt(db: DbOrTx, email: string, ip: string | undefined): Promise<void> {
  const { account, client } = throttleKeys(email, ip);
  await db.delete(authThrottle).where(inArray(authThrottle.key, [account]));
  if (client) await db.execute(sql`update ${authThrottle} set failures = greatest(${authThrottle.failures} - 1, 0) where key = ${client}`);
}
