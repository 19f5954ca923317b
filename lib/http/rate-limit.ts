import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { RateLimitedError } from "@/lib/errors";

/**
 * Fixed-window limit per key, counted in the database so several app instances agree.
 * RATE_LIMIT=off disables it (benchmarks).
 */
export async function hitRateLimit(db: DbOrTx, key: string, limit: number, windowSeconds: number, code = "registrations.rate_limited"): Promise<void> {
  if (process.env.RATE_LIMIT === "off") return;
  const res = await db.execute(sql`
    insert into ${rateLimits} (key, count, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when ${rateLimits.windowStartedAt} < now() - make_interval(secs => ${windowSeconds}) then 1 else ${rateLimits.count} + 1 end,
      window_started_at = case when ${rateLimits.windowStartedAt} < now() - make_interval(secs => ${windowSeconds}) then now() else ${rateLimits.windowStartedAt} end
    returning count, extract(epoch from (window_started_at + make_interval(secs => ${windowSeconds}) - now())) as remaining`);
  const row = (res as unknown as { rows: { count: number; remaining: string | number }[] }).rows[0]!;
  if (Number(row.count) > limit) throw new RateLimitedError(code, Number(row.remaining));
}
