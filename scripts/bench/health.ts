import { createApiToken, signIn } from "../lib/auth-client";
import { fmt, load, machineLine, median, startBenchServer, type LoadResult } from "./lib";

/**
 * GET /api/health (a real database round trip) on the production build, 16 connections, median of
 * N runs (target, issue #2: ≥ 1,000 req/s). Then GET /api/v1/me with a bearer token (the token is
 * looked up, the user re-read and the permission checked) in the same way: the difference in server
 * time per request is what authentication and permission checks add (target, issue #3: ≤ 1 ms).
 */
export async function benchHealth(args: Map<string, string>): Promise<void> {
  const db = args.get("db") ?? "postgres";
  const runs = Number(args.get("runs") ?? 3);
  const duration = Number(args.get("duration") ?? 10);
  const connections = Number(args.get("connections") ?? 16);
  console.log(`bench health: db=${db} runs=${runs} duration=${duration}s connections=${connections}; ${machineLine()}`);
  const server = await startBenchServer(db, { OCOP_DEMO: "1" });
  try {
    const { cookie } = await signIn(server.url, "admin@ocop.example", "Demo@2020");
    if (!cookie) throw new Error("bench: demo sign-in failed");
    const token = await createApiToken(server.url, cookie, "bench");
    const targets = {
      health: { url: `${server.url}/api/health` },
      me: { url: `${server.url}/api/v1/me`, headers: { authorization: `Bearer ${token}` } },
    };
    for (const t of Object.values(targets)) await load({ ...t, connections, duration: 3 }); // warm-up
    const results: Record<keyof typeof targets, LoadResult[]> = { health: [], me: [] };
    for (let i = 0; i < runs; i++) {
      for (const [name, t] of Object.entries(targets) as [keyof typeof targets, (typeof targets)[keyof typeof targets]][]) {
        const r = await load({ ...t, connections, duration });
        results[name].push(r);
        console.log(`  run ${i + 1} ${name.padEnd(6)}: ${fmt(r)}`);
      }
    }
    const med = (name: keyof typeof targets, f: (r: LoadResult) => number) => median(results[name].map(f));
    const health = med("health", (r) => r.rps);
    const me = med("me", (r) => r.rps);
    // The server is one saturated Node process: its time per request is 1/throughput. The difference
    // is what token lookup, the per-request user re-read and the permission check cost (queueing excluded).
    const addedMs = 1000 / me - 1000 / health;
    const addedLatency = med("me", (r) => r.mean) - med("health", (r) => r.mean);
    console.log(`RESULT health db=${db}: median ${health.toFixed(0)} req/s, p95 ${med("health", (r) => r.p95).toFixed(1)} ms (target ≥ 1000 req/s: ${health >= 1000 ? "met" : "NOT met"})`);
    console.log(`RESULT me (bearer) db=${db}: median ${me.toFixed(0)} req/s, p95 ${med("me", (r) => r.p95).toFixed(1)} ms; ratio to health ${(me / health).toFixed(2)}`);
    console.log(`RESULT auth + permission overhead: ${addedMs.toFixed(2)} ms of server time per request (1000/rps(me) − 1000/rps(health); target ≤ 1 ms: ${addedMs <= 1 ? "met" : "NOT met"}); mean latency difference at ${connections} connections, queueing included: ${addedLatency.toFixed(2)} ms`);
  } finally {
    await server.cleanup();
  }
}
