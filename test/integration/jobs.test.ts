import { eq, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { claimJobs, completeJob, enqueueJob, failJob, recoverExpiredJobs, releaseJobs, type JobRow } from "@/lib/jobs/queue";
import { JobWorker, PermanentJobError, type JobHandlers } from "@/lib/jobs/worker";
import { createTestDatabase, DRIVERS, SERVER_DRIVERS, type TestDatabase } from "../helpers/databases";

async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const dialect = new PgDialect();

async function jobById(t: TestDatabase, id: number): Promise<JobRow> {
  const [row] = await t.db.select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

describe.each(DRIVERS)("job queue on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { migrated: true });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("runs a queued job and records its result", async () => {
    const seen: unknown[] = [];
    const handlers: JobHandlers = { "test.echo": async ({ job, progress }) => { seen.push(job.payload); await progress(50); return { ok: true }; } };
    const worker = new JobWorker({ db: t.db, handlers, pollMs: 20 });
    worker.start();
    const job = await enqueueJob(t.db, { kind: "test.echo", payload: { n: 1 } });
    const done = await waitFor(async () => { const j = await jobById(t, job.id); return j.status === "succeeded" && j; });
    await worker.stop();
    expect(seen).toEqual([{ n: 1 }]);
    expect(done).toMatchObject({ attempts: 1, progress: 100, result: { ok: true }, lastError: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it("retries a failing job with backoff, then succeeds", async () => {
    let calls = 0;
    const handlers: JobHandlers = { "test.flaky": async () => { calls++; if (calls < 3) throw new Error(`flake ${calls}`); return "third time"; } };
    const worker = new JobWorker({ db: t.db, handlers, pollMs: 20, baseBackoffMs: 50 });
    worker.start();
    const job = await enqueueJob(t.db, { kind: "test.flaky", maxAttempts: 5 });
    const done = await waitFor(async () => { const j = await jobById(t, job.id); return j.status === "succeeded" && j; });
    await worker.stop();
    expect(calls).toBe(3);
    expect(done.attempts).toBe(3);
    expect(done.result).toBe("third time");
  });

  it("fails a job for good after max attempts, and at once on a permanent error", async () => {
    const handlers: JobHandlers = {
      "test.always": async () => { throw new Error("always broken"); },
      "test.permanent": async () => { throw new PermanentJobError("bad payload"); },
    };
    const worker = new JobWorker({ db: t.db, handlers, pollMs: 20, baseBackoffMs: 20 });
    worker.start();
    const a = await enqueueJob(t.db, { kind: "test.always", maxAttempts: 3 });
    const p = await enqueueJob(t.db, { kind: "test.permanent", maxAttempts: 5 });
    const failed = await waitFor(async () => { const j = await jobById(t, a.id); return j.status === "failed" && j; });
    const perm = await waitFor(async () => { const j = await jobById(t, p.id); return j.status === "failed" && j; });
    await worker.stop();
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toBe("always broken");
    expect(perm.attempts).toBe(1);
    expect(perm.lastError).toBe("bad payload");
  });

  it("does not run a job before its run_at, and records an unknown kind as failed", async () => {
    const later = await enqueueJob(t.db, { kind: "test.later", runAt: new Date(Date.now() + 3600_000) });
    expect(await claimJobs(t.db, "w", ["test.later"], 5)).toEqual([]);
    await t.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, later.id));
    const claimed = await claimJobs(t.db, "w", ["test.later"], 5);
    expect(claimed.map((j) => j.id)).toEqual([later.id]);
    expect(await completeJob(t.db, claimed[0]!, "someone-else", null)).toBe(false);
    expect(await completeJob(t.db, claimed[0]!, "w", null)).toBe(true);
  });

  it("gives a job back to the queue when its worker died (lease expired)", async () => {
    const job = await enqueueJob(t.db, { kind: "test.lease" });
    const [claimed] = await claimJobs(t.db, "dead-worker", ["test.lease"], 1);
    expect(claimed!.id).toBe(job.id);
    await t.db.execute(sql`update jobs set locked_at = now() - interval '1 hour' where id = ${job.id}`);
    expect(await recoverExpiredJobs(t.db, 60_000)).toBe(1);
    const j = await jobById(t, job.id);
    expect(j).toMatchObject({ status: "queued", lockedBy: null });
    expect(j.lastError).toMatch(/lease expired/);
    expect(await failJob(t.db, j, "dead-worker", "late report")).toBe("retry"); // stale worker cannot touch it…
    expect((await jobById(t, job.id)).lastError).toMatch(/lease expired/); // …nothing changed
  });

  it("lets running jobs finish on graceful stop, and claims nothing after", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let finished = false;
    const handlers: JobHandlers = { "test.slow": async () => { await gate; finished = true; return "ok"; } };
    const worker = new JobWorker({ db: t.db, handlers, pollMs: 20 });
    worker.start();
    const job = await enqueueJob(t.db, { kind: "test.slow" });
    await waitFor(async () => (await jobById(t, job.id)).status === "running");
    const stopping = worker.stop(10_000);
    const next = await enqueueJob(t.db, { kind: "test.slow" });
    setTimeout(release, 100);
    await stopping;
    expect(finished).toBe(true);
    expect((await jobById(t, job.id)).status).toBe("succeeded");
    expect((await jobById(t, next.id)).status).toBe("queued");
  });

  it("hands back a job its claim took while stop() was under way, attempt not counted", async () => {
    // The claim is held on the wire until stop() has been called and a new job is queued:
    // the claim then sees that job, and the stopped worker must give it back, not run it.
    let releaseClaim!: () => void;
    const claimGate = new Promise<void>((r) => { releaseClaim = r; });
    let claimWaiting!: () => void;
    const claimStarted = new Promise<void>((r) => { claimWaiting = r; });
    let ran = false;
    const gated = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop !== "execute") return Reflect.get(target, prop, receiver) as unknown;
        return async (query: Parameters<typeof target.execute>[0]) => {
          if (dialect.sqlToQuery(query as SQL).sql.includes("skip locked")) { claimWaiting(); await claimGate; }
          return target.execute(query);
        };
      },
    });
    const worker = new JobWorker({ db: gated, handlers: { "test.held": async () => { ran = true; } }, pollMs: 5_000 });
    worker.start();
    await claimStarted;
    const stopping = worker.stop(5_000);
    const job = await enqueueJob(t.db, { kind: "test.held" });
    releaseClaim();
    await stopping;
    expect(ran).toBe(false);
    expect(await jobById(t, job.id)).toMatchObject({ status: "queued", attempts: 0, lockedBy: null });
  });

  it("releases only the jobs still held by the releasing worker", async () => {
    const a = await enqueueJob(t.db, { kind: "test.release" });
    const b = await enqueueJob(t.db, { kind: "test.release" });
    const claimed = await claimJobs(t.db, "w1", ["test.release"], 2);
    expect(claimed).toHaveLength(2);
    expect(await releaseJobs(t.db, claimed, "w2")).toBe(0);
    expect(await completeJob(t.db, claimed.find((j) => j.id === b.id)!, "w1", null)).toBe(true);
    expect(await releaseJobs(t.db, claimed, "w1")).toBe(1);
    expect(await jobById(t, a.id)).toMatchObject({ status: "queued", attempts: 0, lockedBy: null, lockedAt: null });
    expect((await jobById(t, b.id)).status).toBe("succeeded");
  });
});

describe.each(SERVER_DRIVERS)("job queue races on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { migrated: true });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("never hands the same job to two claimers (20 parallel claimers, 100 jobs)", async () => {
    await t.db.insert(jobs).values(Array.from({ length: 100 }, (_, i) => ({ kind: "race.claim", payload: { i } })));
    const claims = await Promise.all(Array.from({ length: 20 }, (_, w) => claimJobs(t.db, `w${w}`, ["race.claim"], 10)));
    const ids = claims.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(100);
  });

  it("runs each of 60 jobs exactly once with three workers in parallel", async () => {
    const runs = new Map<number, number>();
    const handlers: JobHandlers = {
      "race.run": async ({ job }) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    const workers = [1, 2, 3].map((n) => new JobWorker({ db: t.db, handlers, pollMs: 10, concurrency: 4, id: `worker-${n}` }));
    workers.forEach((w) => w.start());
    await t.db.insert(jobs).values(Array.from({ length: 60 }, () => ({ kind: "race.run" })));
    await waitFor(async () => (await t.db.$count(jobs, sql`${jobs.kind} = 'race.run' and ${jobs.status} = 'succeeded'`)) === 60, 30_000);
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const byWorker = (await t.db.execute(sql`select locked_by, count(*)::int as n from jobs where kind = 'race.run' group by locked_by`)) as unknown as { rows: unknown[] };
    expect(byWorker.rows.length).toBeGreaterThan(1);
  });
});
