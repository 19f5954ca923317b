/**
 * `npm test`: lint, type check, unit + integration tests (PGlite, node-postgres, Neon driver),
 * production build, system tests of the server process, browser tests. Fails fast; prints timings
 * and a closing "N passed, N failed" line.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild, sourceHash } from "./lib/build";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "test-results");
fs.mkdirSync(OUT, { recursive: true });
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const timings: [string, number][] = [];
const started = Date.now();

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  const t0 = Date.now();
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  timings.push([name, Date.now() - t0]);
  if (res.status !== 0) finish(`${name} failed (exit ${res.status ?? res.signal})`);
}

function addVitest(file: string): void {
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests + r.numTodoTests;
}

function addPlaywright(file: string): void {
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  total.passed += r.stats.expected + r.stats.flaky;
  total.failed += r.stats.unexpected;
  total.skipped += r.stats.skipped;
}

function finish(failure?: string): never {
  process.stdout.write("\n━━ timings ━━\n");
  for (const [name, ms] of timings) process.stdout.write(`${name.padEnd(28)} ${(ms / 1000).toFixed(1).padStart(6)} s\n`);
  process.stdout.write(`${"total".padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s\n`);
  if (failure) {
    process.stdout.write(`\nnpm test: ${failure}\n`);
    if (total.failed === 0) total.failed = 1;
  }
  process.stdout.write(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  process.exit(failure || total.failed > 0 ? 1 : 0);
}

/**
 * Steps that each keep one core busy (eslint, tsc) run side by side on the two cores; their output
 * is printed whole when each ends, so it does not interleave.
 */
async function together(steps: [string, string, string[]][]): Promise<void> {
  const t0 = Date.now();
  process.stdout.write(`\n━━ ${steps.map(([name]) => name).join(" + ")} ━━\n`);
  const results = await Promise.all(steps.map(([name, cmd, args]) => new Promise<{ name: string; code: number | null; out: string; ms: number }>((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: process.env });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", (code) => resolve({ name, code, out, ms: Date.now() - t0 }));
    child.on("error", (e) => resolve({ name, code: 1, out: String(e), ms: Date.now() - t0 }));
  })));
  for (const r of results) {
    if (r.out.trim()) process.stdout.write(`── ${r.name} ──\n${r.out}\n`);
    timings.push([r.name, r.ms]);
  }
  const failed = results.find((r) => r.code !== 0);
  if (failed) finish(`${failed.name} failed (exit ${failed.code})`);
}

/**
 * tsconfig.json leaves build output out (`.next` holds a dev server's types and other builds
 * too); this config adds just the route validator that `next typegen` wrote for this build.
 */
function typecheckConfig(): string {
  const dist = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
  const file = path.join(dist, "tsconfig.typecheck.json");
  const config = { extends: path.relative(dist, path.join(ROOT, "tsconfig.json")), files: ["types/validator.ts"] };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

async function main(): Promise<void> {
  // Route types (<dist>/types/validator.ts) first, so tsc checks pages and route handlers against
  // Next's signatures just as `next build` would: the build below then skips its own type pass,
  // unless a source changed after this check (then it checks them itself).
  const checkedSources = sourceHash();
  step("route types (next typegen)", bin("next"), ["typegen"], { NEXT_TELEMETRY_DISABLED: "1" });
  const tsconfig = typecheckConfig();
  await together([["lint (eslint)", bin("eslint"), ["--max-warnings=0", "."]], ["type check (tsc)", bin("tsc"), ["--noEmit", "-p", tsconfig]]]);
  const vitestJson = path.join(OUT, "vitest-unit-integration.json");
  step("unit + integration", bin("vitest"), ["run", "--project", "unit", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
  addVitest(vitestJson);
  {
    const t0 = Date.now();
    // Types were checked by tsc above, on this same tree: the build skips its own pass (next.config.ts).
    ensureBuild(undefined, sourceHash() === checkedSources ? { OCOP_TEST_BUILD: "1" } : {});
    timings.push(["production build", Date.now() - t0]);
  }
  const systemJson = path.join(OUT, "vitest-system.json");
  step("system (server process)", bin("vitest"), ["run", "--project", "system", "--reporter=default", "--reporter=json", `--outputFile.json=${systemJson}`]);
  addVitest(systemJson);
  const e2eJson = path.join(OUT, "playwright.json");
  // Without Playwright's trace recorder (DOM snapshots at every action: ~15 % of the browser tests'
  // time on two cores). A failure still prints its error, ARIA snapshot and screenshot; to get the
  // trace, run that spec again with `npm run test:e2e -- <file>` (retain-on-failure there).
  step("browser (playwright)", bin("tsx"), ["scripts/e2e.ts", "--reporter=list,json", "--trace=off"], { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eJson });
  addPlaywright(e2eJson);
  finish();
}

void main();
