import crypto from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { encodeBadgeCode, generateBadgeKeyPair, privateKeyFromPkcs8 } from "@/lib/badges/code";
import { createApiToken, signIn } from "../lib/auth-client";
import { fmt, load, machineLine, median, startBenchServer, type LoadResult } from "./lib";

const BENCH_DB_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/ocop_bench";

/**
 * POST /api/v1/checkins: 16 concurrent scanners, each request a distinct valid badge at a checkpoint
 * (so every scan is a first entry: the full path — signature, registration, rules, presence upsert
 * and scan row), with a nonce as the scanner sends it; production build on local Postgres; median of
 * N runs, and the ratio to /api/health in the same run. Targets (issue #5): ≥ 500 scans/s, p95 ≤ 50 ms,
 * ratio ≥ 0.5.
 */
export async function benchCheckin(args: Map<string, string>): Promise<void> {
  const runs = Number(args.get("runs") ?? 3);
  const duration = Number(args.get("duration") ?? 10);
  const connections = Number(args.get("connections") ?? 16);
  const badges = Number(args.get("badges") ?? 30_000);
  console.log(`bench checkin: db=postgres runs=${runs} duration=${duration}s connections=${connections} badges=${badges} fast path ${args.get("fast") ?? "on"}; ${machineLine()}`);
  // --fast off: scans go through Next's router too (the server's fast path is on by default).
  const server = await startBenchServer("postgres", { OCOP_DEMO: "1", OCOP_DEMO_DELEGATES: "0", JOB_CONCURRENCY: "0", FAST_API: args.get("fast") ?? "on" });
  const client = new pg.Client({ connectionString: BENCH_DB_URL });
  await client.connect();
  try {
    // Confirmed delegates of a category that may enter every door, inserted in one statement.
    const { rows: [event] } = await client.query<{ id: number }>("select id from events where is_current");
    const t0 = performance.now();
    const { rows: ids } = await client.query<{ id: number }>(`
      insert into registrations (event_id, category_id, status, source, honorific, family_name, given_name, position, organisation, province_code,
        email, phone, consent_at, search_key, sort_key, confirmed_at)
      select $1, c.id, 'confirmed', 'import', 'ong', 'Nguyễn Văn', 'Thử ' || g, 'Cán bộ', 'Ban Tổ chức', '01',
        'bench-checkin-' || g || '@example.vn', '0912345678', now(), 'nguyen van thu ' || g, 'thu ' || g, now()
      from generate_series(1, $2::int) g, delegate_categories c where c.event_id = $1 and c.code = 'ban-to-chuc'
      returning id`, [event!.id, badges]);
    // The event's key: created by the server on first use; create it here the same way when missing.
    let { rows: [key] } = await client.query<{ private_key: string }>("select private_key from event_keys where event_id = $1", [event!.id]);
    if (!key) {
      const kp = generateBadgeKeyPair();
      await client.query("insert into event_keys (event_id, public_key, private_key) values ($1, $2, $3) on conflict do nothing", [event!.id, kp.publicKey, kp.privateKey]);
      ({ rows: [key] } = await client.query<{ private_key: string }>("select private_key from event_keys where event_id = $1", [event!.id]));
    }
    const priv = privateKeyFromPkcs8(key!.private_key);
    const codes = ids.map((r) => encodeBadgeCode({ eventId: event!.id, badgeId: r.id, serial: 1 }, priv));
    console.log(`  ${codes.length} badges inserted and signed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const session = await signIn(server.url, "checkin@ocop.example", "Demo@2020");
    if (!session.cookie) throw new Error(`bench: sign-in failed (${session.status}) ${session.body}`);
    const token = await createApiToken(server.url, session.cookie, "bench checkin");

    // Each (badge, checkpoint) pair once: trien-lam first, then hoi-truong, then le-ton-vinh.
    const doors = ["trien-lam", "hoi-truong", "le-ton-vinh"];
    let sent = 0;
    const next = () => {
      const i = sent++;
      const code = codes[i % codes.length]!;
      const checkpoint = doors[Math.floor(i / codes.length) % doors.length]!;
      return JSON.stringify({ code, checkpoint, direction: "in", nonce: crypto.randomUUID(), device: `Bench ${i % connections}` });
    };
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
    const probe = await fetch(`${server.url}/api/v1/checkins`, { method: "POST", headers, body: next() });
    const answer = (await probe.json()) as { result: string };
    if (probe.status !== 200 || answer.result !== "admitted") throw new Error(`bench: a scan answered ${probe.status} ${JSON.stringify(answer)}`);
    const scanLoad = (seconds: number) => load({
      url: `${server.url}/api/v1/checkins`, connections, duration: seconds,
      requests: [{ method: "POST", headers, setupRequest: (req: autocannon.Request) => ({ ...req, body: next() }) }],
    });
    await scanLoad(3); // warm-up
    await load({ url: `${server.url}/api/health`, connections, duration: 2 });
    const scans: LoadResult[] = [];
    const health: LoadResult[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await scanLoad(duration);
      scans.push(r);
      console.log(`  run ${i + 1} scans : ${fmt(r)}`);
      const h = await load({ url: `${server.url}/api/health`, connections, duration: Math.max(3, Math.round(duration / 2)) });
      health.push(h);
      console.log(`  run ${i + 1} health: ${fmt(h)}`);
    }
    const { rows: tally } = await client.query<{ result: string; n: string }>("select result, count(*) as n from checkin_scans group by result order by result");
    const rps = median(scans.map((r) => r.rps));
    const p95 = median(scans.map((r) => r.p95));
    const hr = median(health.map((r) => r.rps));
    const ratio = rps / hr;
    console.log(`  recorded scans: ${tally.map((t) => `${t.result} ${t.n}`).join(", ")} (${sent} sent${sent > codes.length * doors.length ? "; more than the distinct pairs: later ones are already_admitted" : ""})`);
    console.log(`RESULT checkin db=postgres: median ${rps.toFixed(0)} scans/s, median p95 ${p95.toFixed(1)} ms (targets ≥ 500 scans/s: ${rps >= 500 ? "met" : "NOT met"}; p95 ≤ 50 ms: ${p95 <= 50 ? "met" : "NOT met"}); ratio to /api/health ${ratio.toFixed(2)} (${hr.toFixed(0)} req/s; goal ≥ 0.5: ${ratio >= 0.5 ? "met" : "NOT met"})`);
  } finally {
    await client.end();
    await server.cleanup();
  }
}
