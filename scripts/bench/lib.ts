import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ensureBuild } from "../lib/build";
import { startServer, type RunningServer } from "../lib/server-process";

export type LoadResult = { rps: number; mean: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function load(opts: autocannon.Options & { headers?: Record<string, string> }): Promise<LoadResult> {
  const r = await autocannon(opts);
  // autocannon's latency has p97_5 and p99 but no p95; interpolate between p90 and p97.5.
  const lat = r.latency as unknown as Record<string, number>;
  const p95 = lat.p90! + ((lat.p97_5! - lat.p90!) * (95 - 90)) / (97.5 - 90);
  return { rps: r.requests.average, mean: r.latency.average, p50: lat.p50!, p95, p99: lat.p99!, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

export function fmt(r: LoadResult): string {
  return `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}  non-2xx ${r.non2xx}`;
}

const BENCH_DB_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/ocop_bench";

/** Builds if needed and starts the production server on a fresh database of the chosen kind. */
export async function startBenchServer(db: string, extraEnv: Record<string, string> = {}): Promise<RunningServer & { cleanup: () => Promise<void> }> {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-bench-"));
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: "info", AUTH_SECRET: "bench-secret-".padEnd(48, "x"), NEXTAUTH_URL: "http://127.0.0.1:3000", ...extraEnv };
  if (db === "postgres") {
    const u = new URL(BENCH_DB_URL);
    const name = u.pathname.slice(1);
    const admin = new pg.Client({ connectionString: Object.assign(new URL(BENCH_DB_URL), { pathname: "/postgres" }).toString() });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    env.DATABASE_URL = BENCH_DB_URL;
  } else if (db !== "pglite") {
    throw new Error(`--db must be postgres or pglite, not ${db}`);
  }
  const server = await startServer(env, { captureOutput: false });
  return {
    ...server,
    cleanup: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function machineLine(): string {
  return `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}
