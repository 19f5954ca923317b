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

/** Counts a failure for the account and the client atomically (a new window starts after a minute). */
export async function recordSignInFailure(db: DbOrTx, email: string, ip: string | undefined): Promise<void> {
  const { account, client } = throttleKeys(email, ip);
  for (const key of client ? [account, client] : [account]) {
    await db.execute(sql`
      insert into ${authThrottle} (key, failures, window_started_at) values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when ${authThrottle.windowStartedAt} < now() - make_interval(secs => ${THROTTLE.windowSeconds}) then 1 else ${authThrottle.failures} + 1 end,
        window_started_at = case when ${authThrottle.windowStartedAt} < now() - make_interval(secs => ${THROTTLE.windowSeconds}) then now() else ${authThrottle.windowStartedAt} end`);
  }
}

export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(authThrottle).where(inArray(authThrottle.key, [throttleKeys(email, undefined).account]));
}
