import { fmt, load, machineLine, median, startBenchServer, type LoadResult } from "./lib";

/**
 * GET /api/health (a real database round trip) on the production build, 16 connections,
 * median of N runs. Target (issue #2): ≥ 1,000 req/s.
 */
export async function benchHealth(args: Map<string, string>): Promise<void> {
  const db = args.get("db") ?? "postgres";
  const runs = Number(args.get("runs") ?? 3);
  const duration = Number(args.get("duration") ?? 10);
  const connections = Number(args.get("connections") ?? 16);
  console.log(`bench health: db=${db} runs=${runs} duration=${duration}s connections=${connections}; ${machineLine()}`);
  const server = await startBenchServer(db);
  try {
    await load({ url: `${server.url}/api/health`, connections, duration: 3 }); // warm-up
    const results: LoadResult[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await load({ url: `${server.url}/api/health`, connections, duration });
      results.push(r);
      console.log(`  run ${i + 1}: ${fmt(r)}`);
    }
    const med = median(results.map((r) => r.rps));
    console.log(`RESULT health db=${db}: median ${med.toFixed(0)} req/s, median p95 ${median(results.map((r) => r.p95)).toFixed(1)} ms (target ≥ 1000 req/s: ${med >= 1000 ? "met" : "NOT met"})`);
  } finally {
    await server.cleanup();
  }
}
