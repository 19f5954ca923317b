import { spawn, spawnSync } from "node:child_process";
import { ROOT } from "@/scripts/lib/server-process";

export { ROOT, TSX } from "@/scripts/lib/server-process";

export type RunResult = { code: number | null; stdout: string; stderr: string };

/** Runs a command from the project root with a clean, explicit environment. */
export function run(cmd: string, args: string[], env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Whether this machine lets us make a private read-only bind mount (root + mount namespaces). */
export function canMountReadOnly(): boolean {
  const res = spawnSync("unshare", ["-m", "sh", "-c", "d=$(mktemp -d) && mount --bind $d $d && mount -o remount,ro,bind $d $d && ! touch $d/x"], { stdio: "ignore" });
  return res.status === 0;
}
