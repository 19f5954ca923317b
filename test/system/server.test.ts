import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { LOCK_FILE } from "@/db/lock";
import { emailOutbox } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";
import { run } from "../helpers/run";
import { startServer, type RunningServer } from "../helpers/server";

const servers: RunningServer[] = [];
const dbs: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  await Promise.all(dbs.map((d) => d.drop()));
});

describe("the production server on the embedded database", () => {
  const dataDir = path.join(inject("tmpRoot"), `server-${Date.now()}`);
  let server: RunningServer;

  it("starts on an empty DATA_DIR, migrates, seeds, and answers /api/health after a real round trip", async () => {
    server = await startServer({ DATA_DIR: dataDir });
    servers.push(server);
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "pglite" });
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(fs.existsSync(path.join(dataDir, "secrets.json"))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8")).pid).toBe(server.child.pid);
    console.log(`SYSTEM-FIGURES first start on empty DATA_DIR ready in ${server.readyMs} ms`);
  });

  it("tags every request with an id and logs it as structured JSON", async () => {
    const given = await fetch(`${server.url}/api/health`, { headers: { "x-request-id": "abc-123" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const bogus = await fetch(`${server.url}/api/health`, { headers: { "x-request-id": "<script>" } });
    expect(bogus.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 100));
    const line = server.output().split("\n").find((l) => l.includes('"requestId":"abc-123"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/api/health", status: 200 });
  });

  it("serves the landing page with security headers", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    const html = await res.text();
    expect(html).toContain("Hội nghị toàn quốc tổng kết Chương trình OCOP giai đoạn 2018–2020");
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1];
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("refuses a second server on the same DATA_DIR with one sentence naming the holder", async () => {
    const res = await run(process.execPath, ["--import", "tsx", "server.ts"], { DATA_DIR: dataDir, PORT: "0" });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`tiến trình ${server.child.pid}`);
    expect(res.stderr).toContain(`process ${server.child.pid}`);
    const demo = await run(process.execPath, ["--import", "tsx", "scripts/demo.ts"], { DATA_DIR: dataDir, PORT: "0" });
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain(`process ${server.child.pid}`);
    expect(demo.stdout).not.toMatch(/next build/i);
  });

  it("shuts down gracefully on SIGTERM: exit 0, lock released", async () => {
    const code = await server.stop("SIGTERM");
    expect(code).toBe(0);
    expect(server.output()).toMatch(/"msg":"server.stopped"/);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it("restarts on the existing database within 10 s, keeping its data", async () => {
    const again = await startServer({ DATA_DIR: dataDir });
    servers.push(again);
    console.log(`SYSTEM-FIGURES restart on existing DATA_DIR ready in ${again.readyMs} ms`);
    expect(again.readyMs).toBeLessThan(10_000);
    expect(again.output()).toMatch(/"migrationsApplied":0/);
    expect(await again.stop()).toBe(0);
  });

  it("takes over the lock of a server that was killed", async () => {
    const crashed = await startServer({ DATA_DIR: dataDir });
    servers.push(crashed);
    await crashed.stop("SIGKILL");
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    const next = await startServer({ DATA_DIR: dataDir });
    servers.push(next);
    expect((await (await fetch(`${next.url}/api/health`)).json()).db).toBe("pglite");
    expect(await next.stop()).toBe(0);
  });
});

describe.each(["postgres", "neon"] as const)("the production server on %s", (kind) => {
  it("answers /api/health with its driver", async () => {
    const db = await createTestDatabase(kind);
    dbs.push(db);
    await db.close();
    const url = db.config.kind === "pglite" ? "" : db.config.url;
    const server = await startServer({
      DATABASE_URL: url,
      DATABASE_DRIVER: kind === "neon" ? "neon" : undefined,
      NEON_WS_PROXY: kind === "neon" ? inject("neonProxy") : undefined,
      AUTH_SECRET: "x".repeat(40),
      NEXTAUTH_URL: "http://127.0.0.1:3000",
      DATA_DIR: path.join(inject("tmpRoot"), `srv-${kind}`),
    });
    servers.push(server);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: "ok", db: kind });
    // A public registration: the server's job worker renders the confirmation (React, in the render
    // thread beside Next) with the badge QR attached, and stores it in the outbox (no SMTP).
    const res = await fetch(`${server.url}/api/v1/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "vi" },
      body: JSON.stringify({
        categoryCode: "chu-the-ocop", honorific: "ba", familyName: "Nguyễn Thị", givenName: "Ánh Tuyết", position: "Giám đốc", organisation: "HTX Chè",
        provinceCode: "22", email: `tuyet-${kind}@example.vn`, phone: "0912 345 678", answers: { needs_hotel: true }, consent: true,
      }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: "confirmed", fullName: "Nguyễn Thị Ánh Tuyết", phone: "0912345678" });
    const probe = await openDatabase(db.config);
    try {
      let row: { status: string; html: string | null; attachments: { cid?: string }[] } | undefined;
      for (let i = 0; i < 100 && row?.status !== "stored"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        [row] = await probe.db.select({ status: emailOutbox.status, html: emailOutbox.html, attachments: emailOutbox.attachments }).from(emailOutbox).where(eq(emailOutbox.toAddress, `tuyet-${kind}@example.vn`));
      }
      expect(row?.status).toBe("stored");
      expect(row!.html).toContain("Nguyễn Thị Ánh Tuyết");
      expect(row!.attachments.map((a) => a.cid)).toEqual(["badge-qr"]);
    } finally {
      await probe.close();
    }
    expect(await server.stop()).toBe(0);
  });

  it("refuses to start for real without AUTH_SECRET", async () => {
    const res = await run(process.execPath, ["--import", "tsx", "server.ts"], { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test", PORT: "0" });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Lỗi: Thiếu AUTH_SECRET.*\nError: AUTH_SECRET is missing/);
  });
});
