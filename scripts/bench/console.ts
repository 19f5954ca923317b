import fs from "node:fs";
import pg from "pg";
import { createApiToken, signIn } from "../lib/auth-client";
import { machineLine, median, startBenchServer } from "./lib";

const BENCH_DB_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/ocop_bench";

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/**
 * The organisers' console with 20,000 registrations (issue #7): a filtered, sorted page of the
 * registrations API (p95 of the server's answer time, from X-Response-Time-less client timing on
 * localhost), the CSV and XLSX exports of all 20,000 (time, and the server's RSS before and after
 * to show the streaming keeps memory flat), and an import of 5,000 rows through the API.
 * Targets: page ≤ 150 ms p95; CSV ≤ 2 s, XLSX ≤ 6 s; import of 5,000 rows ≤ 10 s.
 */
export async function benchConsole(args: Map<string, string>): Promise<void> {
  const count = Number(args.get("registrations") ?? 20_000);
  console.log(`bench console: registrations=${count}; ${machineLine()}`);
  const server = await startBenchServer("postgres", { OCOP_DEMO: "1", OCOP_DEMO_DELEGATES: "0", JOB_CONCURRENCY: "0" });
  const client = new pg.Client({ connectionString: BENCH_DB_URL });
  await client.connect();
  const rss = () => {
    try {
      const status = fs.readFileSync(`/proc/${server.child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  try {
    const { rows: [event] } = await client.query<{ id: number }>("select id from events where is_current");
    await client.query(`
      insert into registrations (event_id, category_id, status, source, honorific, family_name, given_name, position, organisation, province_code,
        email, phone, consent_at, search_key, sort_key, confirmed_at)
      select $1, c.id, (array['confirmed','confirmed','confirmed','pending','waitlisted','cancelled'])[1 + g % 6], 'import', case when g % 2 = 0 then 'ong' else 'ba' end,
        (array['Nguyễn Thị','Trần Văn','Lê Hoàng','Phạm Minh','Đỗ Thị'])[1 + g % 5], 'Tên ' || g, 'Phó Giám đốc', 'Hợp tác xã số ' || g,
        (array['01','22','49','89','79','46','77'])[1 + g % 7], 'console-' || g || '@example.vn', '0912345678', now(),
        lower((array['nguyen thi','tran van','le hoang','pham minh','do thi'])[1 + g % 5]) || ' ten ' || g || ' console-' || g || '@example.vn',
        'ten ' || lpad(g::text, 6, '0'), now()
      from generate_series(1, $2::int) g, delegate_categories c where c.event_id = $1 and c.code = (array['chu-the-ocop','so-nnptnt','bao-chi'])[1 + g % 3]`, [event!.id, count]);
    await client.query("analyze registrations");
    const session = await signIn(server.url, "bantochuc@ocop.example", "Demo@2020");
    if (!session.cookie) throw new Error(`bench: sign-in failed (${session.status})`);
    const auth = { authorization: `Bearer ${await createApiToken(server.url, session.cookie, "bench console")}` };
    const timed = async (url: string) => {
      const t0 = performance.now();
      const res = await fetch(url, { headers: auth });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      return { ms: performance.now() - t0, bytes: body.byteLength };
    };
    const pages = ["status=confirmed&province=22&page=3", "q=nguyen%20thi&page=2", "category=so-nnptnt&status=pending", "province=49&q=ten%201&page=1", "page=150"];
    for (const p of pages) await timed(`${server.url}/api/v1/registrations?pageSize=50&${p}`);
    const pageTimes: number[] = [];
    for (let i = 0; i < 60; i++) pageTimes.push((await timed(`${server.url}/api/v1/registrations?pageSize=50&${pages[i % pages.length]}`)).ms);
    console.log(`  filtered, sorted page of 50: median ${median(pageTimes).toFixed(1)} ms, p95 ${p95(pageTimes).toFixed(1)} ms`);

    const before = rss();
    const csv = await timed(`${server.url}/api/v1/registrations/export?format=csv`);
    const afterCsv = rss();
    const xlsx = await timed(`${server.url}/api/v1/registrations/export?format=xlsx`);
    const afterXlsx = rss();
    console.log(`  export CSV: ${(csv.ms / 1000).toFixed(2)} s, ${(csv.bytes / 1e6).toFixed(1)} MB; XLSX: ${(xlsx.ms / 1000).toFixed(2)} s, ${(xlsx.bytes / 1e6).toFixed(1)} MB; server RSS ${before.toFixed(0)} → ${afterCsv.toFixed(0)} → ${afterXlsx.toFixed(0)} MB`);

    const header = "Mã loại đại biểu,Danh xưng (Ông/Bà),Họ đệm,Tên,Chức vụ,\"Cơ quan, đơn vị\",Email,Điện thoại di động,Mã tỉnh,needs_hotel";
    const letters = "abcdeghiklmnopqrstuvxy";
    const w = (i: number): string => (i < letters.length ? "" : w(Math.floor(i / letters.length) - 1)) + letters[i % letters.length];
    const lines = Array.from({ length: 5000 }, (_, i) => `so-nnptnt,Bà,Nguyễn Thị,Ánh ${w(i)},Chuyên viên,Sở NN&PTNT,nhap-${i}@example.vn,0912 345 678,22,Có`);
    const form = new FormData();
    form.append("file", new File([`${header}\n${lines.join("\n")}\n`], "doan.csv", { type: "text/csv" }));
    form.append("dryRun", "false");
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/registrations/import`, { method: "POST", headers: auth, body: form });
    const report = (await res.json()) as { imported: number; errors: unknown[] };
    const importMs = performance.now() - t0;
    if (report.imported !== 5000) throw new Error(`import: ${JSON.stringify(report).slice(0, 300)}`);
    console.log(`  import of 5,000 rows: ${(importMs / 1000).toFixed(2)} s`);
    const pageP95 = p95(pageTimes);
    console.log(`RESULT console: page p95 ${pageP95.toFixed(1)} ms (≤ 150: ${pageP95 <= 150 ? "met" : "NOT met"}); CSV ${(csv.ms / 1000).toFixed(2)} s (≤ 2: ${csv.ms <= 2000 ? "met" : "NOT met"}); XLSX ${(xlsx.ms / 1000).toFixed(2)} s (≤ 6: ${xlsx.ms <= 6000 ? "met" : "NOT met"}); import 5,000 ${(importMs / 1000).toFixed(2)} s (≤ 10: ${importMs <= 10_000 ? "met" : "NOT met"})`);
  } finally {
    await client.end();
    await server.cleanup();
  }
}
