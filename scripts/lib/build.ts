import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const INPUTS = ["app", "components", "lib", "db", "emails", "messages", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const DIST = process.env.NEXT_DIST_DIR || ".next";
const STAMP = path.join(ROOT, DIST, "ocop-source-hash");

function walk(p: string, out: string[]): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), out);
  } else if (st.isFile()) out.push(p);
}

/** A hash of everything the production build is made from. */
export function sourceHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(ROOT, input), files);
  const h = crypto.createHash("sha256");
  for (const f of files) {
    h.update(path.relative(ROOT, f));
    h.update("\0");
    h.update(fs.readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

export function buildIsFresh(): boolean {
  try {
    return fs.readFileSync(STAMP, "utf8").trim() === sourceHash() && fs.existsSync(path.join(ROOT, DIST, "BUILD_ID"));
  } catch {
    return false;
  }
}

/** Runs `next build` when the build is missing or older than the sources. Returns whether it built. */
export function ensureBuild(log: (msg: string) => void = (m) => process.stdout.write(`${m}\n`), env: Record<string, string> = {}): boolean {
  if (buildIsFresh()) return false;
  log("Đang build bản production (next build)… / Building the production bundle…");
  const hash = sourceHash();
  const t0 = Date.now();
  const res = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (res.status !== 0) {
    process.stderr.write("\nLỗi: next build thất bại, xem thông báo ở trên. / Error: next build failed, see above.\n");
    process.exit(res.status ?? 1);
  }
  fs.writeFileSync(STAMP, hash);
  log(`Build xong sau ${((Date.now() - t0) / 1000).toFixed(1)} s / Built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}
