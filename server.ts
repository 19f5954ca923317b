/**
 * The production server: boots the database (migrate + seed), serves the Next.js build, runs the
 * job queue, and shuts down gracefully (finish requests and jobs, close the database).
 * Started by `npm run demo` / `npm start`.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { closeDb } from "@/db/client";
import { jobHandlers } from "@/lib/jobs/handlers";
import { JobWorker } from "@/lib/jobs/worker";
import { stopRenderThread } from "@/lib/mail/render";
import { boot } from "@/lib/server/boot";
import { fastApiHandler } from "@/lib/server/fast-api";
import { log } from "@/lib/server/log";
import { applySecurityHeaders } from "@/lib/server/security-headers";
import { isStartupError, StartupError } from "@/lib/server/startup-error";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function fail(e: unknown): never {
  if (isStartupError(e)) {
    process.stderr.write(`\nLỗi: ${e.vi}\nError: ${e.en}\n\n`);
  } else {
    const err = e as Error;
    process.stderr.write(`\nLỗi khởi động không mong đợi: ${err?.message ?? String(e)}\nUnexpected start-up error: ${err?.message ?? String(e)}\n\n`);
    if (process.env.DEBUG) process.stderr.write(`${err?.stack ?? ""}\n`);
  }
  process.exit(1);
}

async function main() {
  const started = Date.now();
  // Emails render in a worker thread, away from Next's React aliases (lib/mail/render-worker.ts).
  process.env.OCOP_RENDER_THREAD = "1";
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOST || "0.0.0.0";
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(new Error(`PORT=${process.env.PORT} is not a port number`));

  if (!fs.existsSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    fail(new StartupError(
      "Chưa có bản build production trong .next: hãy chạy npm run build (hoặc npm run demo, lệnh này tự build).",
      "There is no production build in .next: run npm run build (or npm run demo, which builds by itself).",
    ));
  }
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const [booted] = await Promise.all([boot(), app.prepare()]);
  const handle = app.getRequestHandler();
  const trustProxy = process.env.TRUST_PROXY === "1";
  const logRequests = log.enabled("info") && process.env.LOG_REQUESTS !== "off";

  const server = http.createServer((req, res) => {
    const t0 = performance.now();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    req.headers["x-request-id"] = requestId;
    // The client address for throttling, set here so a client cannot choose it (TRUST_PROXY=1 behind a proxy).
    const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]!.trim() : "";
    req.headers["x-ocop-client-ip"] = forwarded || req.socket.remoteAddress || "";
    res.setHeader("X-Request-Id", requestId);
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    applySecurityHeaders(req, res, path);
    if (logRequests && !path.startsWith("/_next/static/")) {
      res.once("finish", () => {
        log.info("request", { requestId, method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - t0) * 10) / 10 });
      });
    }
    const fast = fastApiHandler(req.method, path);
    (fast ? fast(req, res) : handle(req, res)).catch((e: unknown) => {
      log.error("request.unhandled", { requestId, path, error: (e as Error).message });
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("Content-Type", "application/problem+json");
        res.end(JSON.stringify({ type: "about:blank", title: "Lỗi máy chủ / Server error", status: 500, detail: `Mã sự cố / Reference: ${requestId}` }));
      } else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE") {
        reject(Object.assign(new Error(`port ${port} is in use`), { name: "StartupError", vi: `Cổng ${port} đang được một chương trình khác dùng: hãy dừng chương trình đó hoặc đặt PORT khác.`, en: `Port ${port} is already in use: stop that program or set another PORT.` }));
      } else reject(e);
    });
    server.listen(port, hostname, () => resolve());
  });

  const worker = new JobWorker({ db: booted.handle.db, handlers: jobHandlers(), concurrency: Number(process.env.JOB_CONCURRENCY ?? 2) });
  if (Number(process.env.JOB_CONCURRENCY ?? 2) > 0) worker.start();
  log.info("server.ready", { url: `http://localhost:${port}`, db: booted.handle.kind, bootMs: booted.ms, ms: Date.now() - started, pid: process.pid });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("server.stopping", { signal, runningJobs: worker.busy });
    const force = setTimeout(() => {
      log.error("server.stop_timeout", {});
      process.exit(1);
    }, 20_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await worker.stop(15_000);
    await stopRenderThread().catch(() => undefined);
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
    server.closeAllConnections();
    await closeDb().catch((e: unknown) => log.error("server.db_close_failed", { error: (e as Error).message }));
    log.info("server.stopped", { signal });
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch(fail);
