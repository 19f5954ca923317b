import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  url: string;
  child: ChildProcess;
  output: () => string;
  readyMs: number;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/**
 * Starts the production server (server.ts on the existing build) and waits until /api/health answers.
 * `captureOutput: false` sends its logs to /dev/null (benchmarks: logging still costs a write).
 */
export async function startServer(
  env: Record<string, string | undefined>,
  opts: { timeoutMs?: number; captureOutput?: boolean } = {},
): Promise<RunningServer> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const capture = opts.captureOutput ?? true;
  const port = await freePort();
  const started = Date.now();
  const stdio: StdioOptions = capture ? ["ignore", "pipe", "pipe"] : ["ignore", "ignore", "pipe"];
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR, NODE_ENV: "production", LOG_LEVEL: "info", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio,
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`server not ready after ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    readyMs: Date.now() - started,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
