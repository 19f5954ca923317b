import os from "node:os";
import type { Db } from "@/db/client";
import { log } from "@/lib/server/log";
import { claimJobs, completeJob, failJob, recoverExpiredJobs, registerWake, releaseJobs, setJobProgress, type JobRow } from "./queue";

export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export type JobContext = { db: Db; job: JobRow; progress: (percent: number) => Promise<void>; signal: AbortSignal };
export type JobHandler = (ctx: JobContext) => Promise<unknown>;
export type JobHandlers = Record<string, JobHandler>;

export type WorkerOptions = {
  db: Db;
  handlers: JobHandlers;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  baseBackoffMs?: number;
  id?: string;
};

/**
 * Runs jobs from the queue inside the Node server (or a separate worker process). `stop()` stops
 * claiming, lets running jobs finish (up to a deadline), then resolves: graceful shutdown.
 */
export class JobWorker {
  readonly id: string;
  private readonly db: Db;
  private readonly handlers: JobHandlers;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly baseBackoffMs: number | undefined;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly abort = new AbortController();
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private unregisterWake: (() => void) | null = null;
  private lastRecovery = 0;

  constructor(opts: WorkerOptions) {
    this.db = opts.db;
    this.handlers = opts.handlers;
    this.concurrency = opts.concurrency ?? 2;
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.baseBackoffMs = opts.baseBackoffMs;
    this.id = opts.id ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unregisterWake = registerWake(() => this.wake());
    this.loop = this.run();
  }

  wake(): void {
    this.wakeUp?.();
  }

  /** Resolves once every claimed job has settled, or after `graceMs`, whichever is first. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unregisterWake?.();
    this.wake();
    await this.loop;
    const all = Promise.allSettled([...this.inFlight.values()]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => { timer = setTimeout(() => resolve("timeout"), graceMs); });
    const outcome = await Promise.race([all.then(() => "done" as const), timeout]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      this.abort.abort();
      log.warn("jobs.stop_timeout", { worker: this.id, running: this.inFlight.size });
    }
  }

  get busy(): number {
    return this.inFlight.size;
  }

  private async run(): Promise<void> {
    const kinds = Object.keys(this.handlers);
    while (this.running) {
      let claimed: JobRow[] = [];
      try {
        if (Date.now() - this.lastRecovery > Math.min(this.leaseMs, 60_000)) {
          this.lastRecovery = Date.now();
          const recovered = await recoverExpiredJobs(this.db, this.leaseMs);
          if (recovered > 0) log.warn("jobs.recovered", { worker: this.id, count: recovered });
        }
        if (!this.running) break;
        claimed = await claimJobs(this.db, this.id, kinds, this.concurrency - this.inFlight.size);
      } catch (e) {
        if (!this.running) break;
        log.error("jobs.claim_failed", { worker: this.id, error: (e as Error).message });
      }
      if (!this.running && claimed.length > 0) {
        // stop() came while the claim was on the wire: a stopped worker starts nothing.
        try {
          await releaseJobs(this.db, claimed, this.id);
        } catch (e) {
          log.error("jobs.release_failed", { worker: this.id, error: (e as Error).message }); // the lease recovers them
        }
        break;
      }
      for (const job of claimed) {
        const p = this.execute(job).finally(() => {
          this.inFlight.delete(job.id);
          this.wake();
        });
        this.inFlight.set(job.id, p);
      }
      if (!this.running) break;
      if (claimed.length > 0 && this.inFlight.size < this.concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.pollMs);
        timer.unref?.();
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wakeUp = done;
      });
      this.wakeUp = null;
    }
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers[job.kind];
    const started = Date.now();
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      const result = await handler({
        db: this.db,
        job,
        signal: this.abort.signal,
        progress: (percent) => setJobProgress(this.db, job.id, this.id, percent),
      });
      await completeJob(this.db, job, this.id, result ?? null);
      log.info("jobs.succeeded", { job: job.id, kind: job.kind, attempt: job.attempts, ms: Date.now() - started });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      try {
        const outcome = await failJob(this.db, job, this.id, message, { permanent: e instanceof PermanentJobError, baseBackoffMs: this.baseBackoffMs });
        log.warn("jobs.failed", { job: job.id, kind: job.kind, attempt: job.attempts, outcome, error: message });
      } catch (inner) {
        log.error("jobs.fail_record_failed", { job: job.id, error: (inner as Error).message });
      }
    }
  }
}
