import crypto from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";
import pg from "pg";
import { encodeBadgeCode, generateBadgeKeyPair, privateKeyFromPkcs8 } from "@/lib/badges/code";
import { createApiToken, signIn } from "../lib/auth-client";
import { machineLine, median, startBenchServer } from "./lib";

const BENCH_DB_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/ocop_bench";

/**
 * The offline scanner's sync (issue #6), production build on local Postgres with 20,000 delegates:
 * the first roster download (time and bytes on the wire, gzip), an incremental sync when nothing
 * changed, and draining a queue of 1,000 offline scans (uploads of 500, as the scanner sends them).
 * Targets: first download ≤ 2 s and ≤ 3 MB; incremental ≤ 100 ms; 1,000 scans ≤ 5 s.
 */
export async function benchRoster(args: Map<string, string>): Promise<void> {
  const delegates = Number(args.get("delegates") ?? 20_000);
  const runs = Number(args.get("runs") ?? 5);
  console.log(`bench roster: delegates=${delegates} runs=${runs}; ${machineLine()}`);
  const server = await startBenchServer("postgres", { OCOP_DEMO: "1", OCOP_DEMO_DELEGATES: "0", JOB_CONCURRENCY: "0" });
  const client = new pg.Client({ connectionString: BENCH_DB_URL });
  await client.connect();
  try {
    const { rows: [event] } = await client.query<{ id: number }>("select id from events where is_current");
    const { rows: ids } = await client.query<{ id: number }>(`
      insert into registrations (event_id, category_id, status, source, honorific, family_name, given_name, position, organisation, province_code,
        email, phone, consent_at, search_key, sort_key, confirmed_at, door_note)
      select $1, c.id, 'confirmed', 'import', case when g % 2 = 0 then 'ong' else 'ba' end, 'Nguyễn Thị', 'Phương Anh ' || g,
        'Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn', 'Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp ' || g,
        (array['01','22','49','89','79'])[1 + g % 5], 'roster-' || g || '@example.vn', '09' || lpad((g % 100000000)::text, 8, '0'), now(), 'x', 'x', now(),
        case when g % 50 = 0 then 'VIP — đón tại sảnh, đưa lên hàng ghế A' end
      from generate_series(1, $2::int) g, delegate_categories c where c.event_id = $1 and c.code = 'chu-the-ocop'
      returning id`, [event!.id, delegates]);
    const session = await signIn(server.url, "checkin@ocop.example", "Demo@2020");
    if (!session.cookie) throw new Error(`bench: sign-in failed (${session.status})`);
    const token = await createApiToken(server.url, session.cookie, "bench roster");
    const auth = { authorization: `Bearer ${token}` };
    const enrol = await fetch(`${server.url}/api/v1/checkins/devices`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ name: "Bench" }) });
    const device = ((await enrol.json()) as { id: string }).id;

    // The scanner is a browser: it asks for gzip. Bytes are counted as they arrive on the socket.
    const download = (since?: string) => new Promise<{ ms: number; bytes: number; encoding: string | null; cursor: string; rows: number }>((resolve, reject) => {
      const t0 = performance.now();
      const url = new URL(`${server.url}/api/v1/checkins/roster?checkpoint=trien-lam&device=${device}${since ? `&since=${since}` : ""}`);
      http.get(url, { headers: { ...auth, "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          try {
            if (res.statusCode !== 200) throw new Error(`roster answered ${res.statusCode}`);
            const raw = Buffer.concat(chunks);
            const encoding = res.headers["content-encoding"] ?? null;
            const body = JSON.parse((encoding === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8")) as { cursor: string; rows: unknown[] };
            resolve({ ms: performance.now() - t0, bytes: raw.length, encoding, cursor: body.cursor, rows: body.rows.length });
          } catch (e) {
            reject(e as Error);
          }
        });
      }).on("error", reject);
    });
    await download(); // warm-up (route compiled, caches filled)
    const fulls = [];
    for (let i = 0; i < runs; i++) fulls.push(await download());
    const cursor = fulls[fulls.length - 1]!.cursor;
    const incs = [];
    for (let i = 0; i < runs * 4; i++) incs.push(await download(cursor));
    console.log(`  full roster: ${fulls[0]!.rows} rows, ${(fulls[0]!.bytes / 1e6).toFixed(2)} MB on the wire (${fulls[0]!.encoding ?? "identity"}); times ${fulls.map((f) => f.ms.toFixed(0)).join(", ")} ms`);
    console.log(`  incremental, nothing changed: ${incs[0]!.rows} rows; median ${median(incs.map((x) => x.ms)).toFixed(1)} ms`);

    // The event's key signs the codes the queue holds.
    let { rows: [key] } = await client.query<{ private_key: string }>("select private_key from event_keys where event_id = $1", [event!.id]);
    if (!key) {
      const kp = generateBadgeKeyPair();
      await client.query("insert into event_keys (event_id, public_key, private_key) values ($1, $2, $3) on conflict do nothing", [event!.id, kp.publicKey, kp.privateKey]);
      ({ rows: [key] } = await client.query<{ private_key: string }>("select private_key from event_keys where event_id = $1", [event!.id]));
    }
    const priv = privateKeyFromPkcs8(key!.private_key);
    const drains = [];
    for (let run = 0; run < 3; run++) {
      const t0 = Date.now() - 3600_000;
      const queue = ids.slice(run * 1000, run * 1000 + 1000).map((r, i) => ({
        code: encodeBadgeCode({ eventId: event!.id, badgeId: r.id, serial: 1 }, priv), checkpoint: "trien-lam", direction: "in",
        nonce: crypto.randomUUID(), scannedAt: new Date(t0 + i * 1000).toISOString(), localResult: "admitted",
      }));
      const start = performance.now();
      for (let i = 0; i < queue.length; i += 500) {
        const res = await fetch(`${server.url}/api/v1/checkins/batch`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ device, scans: queue.slice(i, i + 500) }) });
        if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${await res.text()}`);
      }
      drains.push(performance.now() - start);
    }
    const fullMs = median(fulls.map((f) => f.ms));
    const incMs = median(incs.map((x) => x.ms));
    const drainMs = median(drains);
    const mb = fulls[0]!.bytes / 1e6;
    console.log(`  drain 1,000 offline scans: ${drains.map((d) => d.toFixed(0)).join(", ")} ms`);
    console.log(`RESULT roster: first download median ${fullMs.toFixed(0)} ms, ${mb.toFixed(2)} MB (targets ≤ 2000 ms: ${fullMs <= 2000 ? "met" : "NOT met"}; ≤ 3 MB: ${mb <= 3 ? "met" : "NOT met"}); incremental median ${incMs.toFixed(1)} ms (≤ 100 ms: ${incMs <= 100 ? "met" : "NOT met"}); drain 1,000 scans median ${drainMs.toFixed(0)} ms (≤ 5000 ms: ${drainMs <= 5000 ? "met" : "NOT met"})`);
  } finally {
    await client.end();
    await server.cleanup();
  }
}
