import { signIn } from "../lib/auth-client";
import { machineLine, median, startBenchServer } from "./lib";

/** Sign-in round trip (CSRF token excluded; the credentials POST with the slow hash). Target (issue #3): ≤ 300 ms. */
export async function benchSignIn(args: Map<string, string>): Promise<void> {
  const db = args.get("db") ?? "postgres";
  const n = Number(args.get("n") ?? 20);
  console.log(`bench signin: db=${db} n=${n}; ${machineLine()}`);
  const server = await startBenchServer(db, { OCOP_DEMO: "1" });
  try {
    const emails = ["admin@ocop.example", "bantochuc@ocop.example", "quangninh@ocop.example", "vpdp@ocop.example"];
    await signIn(server.url, emails[0]!, "Demo@2020"); // warm-up
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = await signIn(server.url, emails[i % emails.length]!, "Demo@2020");
      if (r.status !== 200 || !r.cookie) throw new Error(`sign-in failed: ${r.status} ${r.body}`);
      times.push(r.ms);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
    console.log(`RESULT signin db=${db}: median ${median(times).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms (target ≤ 300 ms: ${median(times) <= 300 ? "met" : "NOT met"})`);
  } finally {
    await server.cleanup();
  }
}
