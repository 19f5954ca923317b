import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { jobs } from "@/db/schema";

export type JobRow = typeof jobs.$inferSelect;
export type EnqueueInput = {
  kind: string;
  payload?: unknown;
  eventId?: number | null;
  runAt?: Date;
  maxAttempts?: number;
  priority?: number;
  createdBy?: string | null;
};

const WAKE = Symbol.for("ocop.jobs.wake");
type WakeFn = () => void;

/** Lets a worker in this process pick up new work at once instead of at its next poll. */
export function registerWake(fn: WakeFn): () => void {
  const g = globalThis as unknown as Record<symbol, Set<WakeFn> | undefined>;
  const set = (g[WAKE] ??= new Set());
  set.add(fn);
  return () => set.delete(fn);
}

export function wakeWorkers(): void {
  const set = (globalThis as unknown as Record<symbol, Set<WakeFn> | undefined>)[WAKE];
  set?.forEach((fn) => fn());
}

/**
 * Records a job. Call it inside the transaction that makes the change the job follows from, so the
 * job exists exactly when the change does. Workers in this process are woken after a short delay
 * (the caller's transaction has normally committed by then; if not, the next poll finds the job).
 */
export async function enqueueJob(db: DbOrTx, input: EnqueueInput): Promise<JobRow> {
  const [row] = await db.insert(jobs).values({
    kind: input.kind,
    payload: input.payload ?? {},
    eventId: input.eventId ?? null,
    runAt: input.runAt ?? new Date(),
    maxAttempts: input.maxAttempts ?? 5,
    priority: input.priority ?? 0,
    createdBy: input.createdBy ?? null,
  }).returning();
  setTimeout(wakeWorkers, 5).unref?.();
  return row!;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type RawJob = {
  id: string | number; event_id: number | null; kind: string; payload: unknown; status: JobRow["status"]; priority: number;
  attempts: number; max_attempts: number; run_at: string | Date; locked_at: string | Date | null; locked_by: string | null;
  progress: number; result: unknown; last_error: string | null; created_by: string | null; finished_at: string | Date | null;
  created_at: string | Date; updated_at: string | Date;
};

const asDate = (v: string | Date | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

function fromRaw(r: RawJob): JobRow {
  return {
    id: Number(r.id), eventId: r.event_id, kind: r.kind, payload: r.payload, status: r.status, priority: r.priority,
    attempts: r.attempts, maxAttempts: r.max_attempts, runAt: asDate(r.run_at)!, lockedAt: asDate(r.locked_at), lockedBy: r.locked_by,
    progress: r.progress, result: r.result, lastError: r.last_error, createdBy: r.created_by, finishedAt: asDate(r.finished_at),
    createdAt: asDate(r.created_at)!, updatedAt: asDate(r.updated_at)!,
  };
}

/** Claims up to `limit` due jobs of the given kinds; concurrent workers never get the same job. */
export async function claimJobs(db: DbOrTx, workerId: string, kinds: string[], limit: number): Promise<JobRow[]> {
  if (limit <= 0 || kinds.length === 0) return [];
  const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
  const result = await db.execute(sql`
    update ${jobs} set status = 'running', attempts = attempts + 1, locked_at = now(), locked_by = ${workerId}, updated_at = now()
    where id in (
      select id from ${jobs}
      where status = 'queued' and run_at <= now() and kind in (${kindList})
      order by priority desc, run_at, id
      limit ${limit}
      for update skip locked
    )
    returning *`);
  return rowsOf<RawJob>(result).map(fromRaw).sort((a, b) => b.priority - a.priority || a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/**
 * Hands claimed jobs back to the queue untouched (the attempt is not counted): used when the worker
 * was stopped while its claim was on the wire, so a stopped worker never starts a job.
 */
export async function releaseJobs(db: DbOrTx, claimed: JobRow[], workerId: string): Promise<number> {
  if (claimed.length === 0) return 0;
  const ids = sql.join(claimed.map((j) => sql`${j.id}`), sql`, `);
  const res = await db.execute(sql`
    update ${jobs} set status = 'queued', attempts = greatest(attempts - 1, 0), locked_at = null, locked_by = null, updated_at = now()
    where id in (${ids}) and status = 'running' and locked_by = ${workerId}
    returning id`);
  return rowsOf(res).length;
}

export async function completeJob(db: DbOrTx, job: JobRow, workerId: string, result: unknown): Promise<boolean> {
  const res = await db.execute(sql`
    update ${jobs} set status = 'succeeded', result = ${JSON.stringify(result ?? null)}::jsonb, progress = 100,
      finished_at = now(), locked_at = null, last_error = null, updated_at = now()
    where id = ${job.id} and status = 'running' and locked_by = ${workerId}
    returning id`);
  return rowsOf(res).length === 1;
}

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffMs(attempts: number, baseMs = 2000, random: () => number = Math.random): number {
  const exp = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/** Records a failure: back to the queue after a backoff, or `failed` when attempts are used up or `permanent`. */
export async function failJob(
  db: DbOrTx, job: JobRow, workerId: string, error: string, opts: { permanent?: boolean; baseBackoffMs?: number } = {},
): Promise<"retry" | "failed"> {
  const final = opts.permanent === true || job.attempts >= job.maxAttempts;
  const message = error.slice(0, 4000);
  if (final) {
    await db.execute(sql`
      update ${jobs} set status = 'failed', last_error = ${message}, finished_at = now(), locked_at = null, updated_at = now()
      where id = ${job.id} and status = 'running' and locked_by = ${workerId}`);
    return "failed";
  }
  const delay = backoffMs(job.attempts, opts.baseBackoffMs);
  await db.execute(sql`
    update ${jobs} set status = 'queued', last_error = ${message}, locked_at = null, locked_by = null,
      run_at = now() + make_interval(secs => ${delay / 1000}), updated_at = now()
    where id = ${job.id} and status = 'running' and locked_by = ${workerId}`);
  return "retry";
}

/** Reports progress (0–100); also renews the job's lease. */
export async function setJobProgress(db: DbOrTx, jobId: number, workerId: string, progress: number): Promise<void> {
  const p = Math.max(0, Math.min(100, Math.round(progress)));
  await db.execute(sql`update ${jobs} set progress = ${p}, locked_at = now(), updated_at = now() where id = ${jobId} and status = 'running' and locked_by = ${workerId}`);
}

/** Jobs whose worker died (lease expired) go back to the queue, or fail when out of attempts. */
export async function recoverExpiredJobs(db: DbOrTx, leaseMs: number): Promise<number> {
  const res = await db.execute(sql`
    update ${jobs} set
      status = case when attempts >= max_attempts then 'failed' else 'queued' end,
      finished_at = case when attempts >= max_attempts then now() else null end,
      last_error = 'lease expired: the worker stopped while running this job',
      locked_at = null, locked_by = null, updated_at = now()
    where status = 'running' and locked_at < now() - make_interval(secs => ${leaseMs / 1000})
    returning id`);
  return rowsOf(res).length;
}
