import autocannon from "autocannon";
import { fmt, load, machineLine, median, startBenchServer, type LoadResult } from "./lib";

/**
 * POST /api/v1/registrations with distinct valid delegates, 16 connections, production build on
 * local Postgres, RATE_LIMIT=off; median of N runs, and the ratio to /api/health in the same run.
 * Targets (issue #4): ≥ 300 req/s, p95 ≤ 100 ms.
 */
export async function benchRegistration(args: Map<string, string>): Promise<void> {
  const db = args.get("db") ?? "postgres";
  const runs = Number(args.get("runs") ?? 3);
  const duration = Number(args.get("duration") ?? 10);
  const connections = Number(args.get("connections") ?? 16);
  console.log(`bench registration: db=${db} runs=${runs} duration=${duration}s connections=${connections}; ${machineLine()}`);
  const server = await startBenchServer(db, { RATE_LIMIT: "off", OCOP_DEMO_DELEGATES: "0", JOB_CONCURRENCY: args.get("jobs") ?? "2" });
  let n = 0;
  // Names are letters only: n written with Vietnamese letters.
  const letters = "abcdeghiklmnopqrstuvxyđăâêôơư";
  const word = (k: number) => {
    let out = "";
    do {
      out = letters[k % letters.length] + out;
      k = Math.floor(k / letters.length);
    } while (k > 0);
    return out.charAt(0).toUpperCase() + out.slice(1);
  };
  const body = () => {
    n++;
    return JSON.stringify({
      categoryCode: "chu-the-ocop", honorific: n % 2 ? "ong" : "ba", familyName: "Nguyễn Văn", givenName: `Thử ${word(n)}`, position: "Giám đốc",
      organisation: "HTX Chè Tân Cương", provinceCode: "22", email: `bench-${process.pid}-${n}@example.vn`, phone: "0912345678",
      answers: { needs_hotel: n % 3 === 0 }, consent: true,
    });
  };
  const registrationLoad = (seconds: number) => load({
    url: `${server.url}/api/v1/registrations`, connections, duration: seconds,
    requests: [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }],
  });
  try {
    const probe = await fetch(`${server.url}/api/v1/registrations`, { method: "POST", headers: { "content-type": "application/json" }, body: body() });
    if (probe.status !== 201) throw new Error(`bench: a registration answered ${probe.status}: ${await probe.text()}`);
    await registrationLoad(3); // warm-up
    await load({ url: `${server.url}/api/health`, connections, duration: 2 });
    const reg: LoadResult[] = [];
    const health: LoadResult[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await registrationLoad(duration);
      reg.push(r);
      console.log(`  run ${i + 1} registrations: ${fmt(r)}`);
      const h = await load({ url: `${server.url}/api/health`, connections, duration: Math.max(3, Math.round(duration / 2)) });
      health.push(h);
      console.log(`  run ${i + 1} health       : ${fmt(h)}`);
    }
    const rps = median(reg.map((r) => r.rps));
    const p95 = median(reg.map((r) => r.p95));
    const hr = median(health.map((r) => r.rps));
    console.log(`RESULT registration db=${db}: median ${rps.toFixed(0)} req/s, median p95 ${p95.toFixed(1)} ms (targets ≥ 300 req/s: ${rps >= 300 ? "met" : "NOT met"}; p95 ≤ 100 ms: ${p95 <= 100 ? "met" : "NOT met"}); ratio to /api/health ${(rps / hr).toFixed(2)} (${hr.toFixed(0)} req/s); ${n} registrations sent`);
  } finally {
    await server.cleanup();
  }
}
