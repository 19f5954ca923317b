import fs from "node:fs";
import { eq } from "drizzle-orm";
import pg from "pg";
import { openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";
import { generatedFiles, jobs } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { BADGE_PRINT_JOB, requestBadgePrint } from "@/lib/badges/print";
import { makeBadgePrintHandler } from "@/lib/badges/print-job";
import { systemCtx } from "@/lib/context";
import { JobWorker } from "@/lib/jobs/worker";
import { createApiToken, signIn } from "../lib/auth-client";
import { machineLine, startBenchServer } from "./lib";

const BENCH_DB_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/ocop_bench";

/** Confirmed delegates that look real: long positions and units, every province, full diacritics. */
async function insertDelegates(client: pg.Client, delegates: number): Promise<void> {
  await client.query(`
    insert into registrations (event_id, category_id, status, source, honorific, family_name, given_name, position, organisation, province_code,
      email, phone, consent_at, search_key, sort_key, confirmed_at)
    select e.id, c.id, 'confirmed', 'import', case when g % 2 = 0 then 'ong' else 'ba' end,
      (array['Nguyễn Thị Ánh','Trần Văn','Lê Hoàng','Phạm Thị Ngọc','Tôn Thất Hoàng Phương','Đặng Quốc'])[1 + g % 6],
      (array['Tuyết','Đức','Hương','Khánh','Nguyên','Thủy'])[1 + (g / 6) % 6] || ' ' || g,
      case when g % 3 = 0 then 'Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn kiêm Chánh Văn phòng Điều phối nông thôn mới' else 'Giám đốc' end,
      'Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Sản xuất và Chế biến Nông sản ' || g,
      p.code, 'in-the-' || g || '@example.vn', '09' || lpad(g::text, 8, '0'), now(), 'x', lpad(g::text, 8, '0'), now()
    from generate_series(1, $1::int) g
    join events e on e.is_current
    join delegate_categories c on c.event_id = e.id and c.code = 'chu-the-ocop'
    join (select code, row_number() over (order by code) - 1 as i, count(*) over () as n from provinces) p on p.i = g % p.n`, [delegates]);
}

/** kB from /proc/<pid>/status (VmHWM: the peak resident set so far; VmRSS: now). */
function procStatus(field: "VmHWM" | "VmRSS", pid: number | "self" = "self"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * Batch badge printing (issue #7): 2,000 confirmed delegates as one 4-up A4 PDF, through the real
 * path — the request fixes the selection and queues the job, the worker draws the PDF and stores it
 * in generated_files — on a fresh local Postgres database, in this process, so its peak resident set
 * (VmHWM) is the printing's. Targets: ≤ 20 s, peak RSS ≤ 512 MB, file ≤ 15 MB.
 * `--via server`: the same through the production server (build needed), whose VmHWM is read from
 * /proc/<pid>/status — Next.js and the PDF worker thread included.
 */
export async function benchBadges(args: Map<string, string>): Promise<void> {
  const delegates = Number(args.get("delegates") ?? 2000);
  const layout = args.get("layout") === "a6" ? "a6" : "a4-4up";
  console.log(`bench badges: delegates=${delegates} layout=${layout} via=${args.get("via") ?? "process"}; ${machineLine()}`);
  if (args.get("via") === "server") return benchThroughServer(delegates, layout);
  const url = new URL(BENCH_DB_URL);
  const name = `${url.pathname.slice(1)}_badges`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(BENCH_DB_URL), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const handle = await openDatabase({ kind: "postgres", url: Object.assign(new URL(BENCH_DB_URL), { pathname: `/${name}` }).toString(), poolMax: 10 });
  try {
    await migrate(handle.db);
    await seedReference(handle.db);
    const client = new pg.Client({ connectionString: Object.assign(new URL(BENCH_DB_URL), { pathname: `/${name}` }).toString() });
    await client.connect();
    await insertDelegates(client, delegates);
    await client.end();

    const before = { hwm: procStatus("VmHWM"), rss: procStatus("VmRSS") };
    const worker = new JobWorker({ db: handle.db, handlers: { [BADGE_PRINT_JOB]: makeBadgePrintHandler() }, pollMs: 50, concurrency: 1 });
    worker.start();
    const t0 = performance.now();
    const { jobId, count } = await requestBadgePrint(systemCtx(handle.db, "bench"), { filter: {}, layout });
    const progress: number[] = [];
    let status = "queued";
    let peakRss = 0;
    while (status !== "succeeded" && status !== "failed") {
      await new Promise((r) => setTimeout(r, 100));
      const [job] = await handle.db.select({ status: jobs.status, progress: jobs.progress }).from(jobs).where(eq(jobs.id, jobId));
      status = job!.status;
      if (progress.at(-1) !== job!.progress) progress.push(job!.progress);
      peakRss = Math.max(peakRss, procStatus("VmRSS"));
    }
    const ms = performance.now() - t0;
    await worker.stop();
    if (status !== "succeeded") throw new Error(`the print job ${status}`);
    const [file] = await handle.db.select({ bytes: generatedFiles.byteSize, content: generatedFiles.content }).from(generatedFiles).where(eq(generatedFiles.jobId, jobId));
    const pdf = Buffer.from(file!.content);
    const pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
    const hwm = procStatus("VmHWM");
    const mb = file!.bytes / 1e6;
    console.log(`  ${count} badges, ${pages} pages, ${mb.toFixed(2)} MB; progress seen ${progress.join(" → ")}`);
    console.log(`  process RSS before ${(before.rss / 1024).toFixed(0)} MB (peak so far ${(before.hwm / 1024).toFixed(0)} MB), peak during the job ${(hwm / 1024).toFixed(0)} MB (VmHWM; VmRSS sampled every 100 ms peaked at ${(peakRss / 1024).toFixed(0)} MB)`);
    console.log(`RESULT badges: ${count} badges ${layout} in ${(ms / 1000).toFixed(1)} s (≤ 20 s: ${ms <= 20_000 ? "met" : "NOT met"}); peak RSS ${(hwm / 1024).toFixed(0)} MB (≤ 512 MB: ${hwm / 1024 <= 512 ? "met" : "NOT met"}); file ${mb.toFixed(2)} MB (≤ 15 MB: ${mb <= 15 ? "met" : "NOT met"})`);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function benchThroughServer(delegates: number, layout: "a4-4up" | "a6"): Promise<void> {
  const server = await startBenchServer("postgres", { OCOP_DEMO: "1", OCOP_DEMO_DELEGATES: "0" });
  const client = new pg.Client({ connectionString: BENCH_DB_URL });
  await client.connect();
  try {
    await insertDelegates(client, delegates);
    const session = await signIn(server.url, "bantochuc@ocop.example", "Demo@2020");
    if (!session.cookie) throw new Error(`bench: sign-in failed (${session.status})`);
    const auth = { authorization: `Bearer ${await createApiToken(server.url, session.cookie, "bench badges")}` };
    const pid = server.child.pid!;
    const before = { hwm: procStatus("VmHWM", pid), rss: procStatus("VmRSS", pid) };
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/badges/print`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ filter: {}, layout }) });
    if (res.status !== 202) throw new Error(`print answered ${res.status}: ${await res.text()}`);
    const { jobId, count } = (await res.json()) as { jobId: number; count: number };
    const progress: number[] = [];
    let job: { status: string; progress: number; downloadUrl?: string };
    for (;;) {
      job = (await (await fetch(`${server.url}/api/v1/jobs/${jobId}`, { headers: auth })).json()) as typeof job;
      if (progress.at(-1) !== job.progress) progress.push(job.progress);
      if (job.status === "succeeded" || job.status === "failed") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (job.status !== "succeeded" || !job.downloadUrl) throw new Error(`the print job ${job.status}`);
    const pdf = Buffer.from(await (await fetch(`${server.url}${job.downloadUrl}`, { headers: auth })).arrayBuffer());
    const ms = performance.now() - t0;
    const hwm = procStatus("VmHWM", pid);
    const mb = pdf.length / 1e6;
    console.log(`  ${count} badges, ${(pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length} pages, ${mb.toFixed(2)} MB; progress seen ${progress.join(" → ")}`);
    console.log(`  server RSS before ${(before.rss / 1024).toFixed(0)} MB (peak so far ${(before.hwm / 1024).toFixed(0)} MB), peak after printing and downloading ${(hwm / 1024).toFixed(0)} MB (VmHWM)`);
    console.log(`RESULT badges via server: ${count} badges ${layout} in ${(ms / 1000).toFixed(1)} s from the request to the downloaded file (≤ 20 s: ${ms <= 20_000 ? "met" : "NOT met"}); server peak RSS ${(hwm / 1024).toFixed(0)} MB (≤ 512 MB: ${hwm / 1024 <= 512 ? "met" : "NOT met"}); file ${mb.toFixed(2)} MB (≤ 15 MB: ${mb <= 15 ? "met" : "NOT met"})`);
  } finally {
    await client.end();
    await server.cleanup();
  }
}
