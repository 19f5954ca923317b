import type { Env } from "@/lib/server/env";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool as NeonPool } from "@neondatabase/serverless";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { Pool as PgPool } from "pg";
import { StartupError } from "@/lib/server/startup-error";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type DbKind = "pglite" | "postgres" | "neon";
/** One typed database for every driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export type DbConfig =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; poolMax: number }
  | { kind: "neon"; url: string; poolMax: number; wsProxy?: string };

/** The driver-level client, shared by every copy of this module in the process (server + Next bundle). */
type RawClient =
  | { kind: "pglite"; client: PGlite; release: () => void; label: string }
  | { kind: "postgres"; client: PgPool; label: string }
  | { kind: "neon"; client: NeonPool; label: string };

export type DbHandle = { db: Db; kind: DbKind; label: string; close: () => Promise<void> };

export function defaultDataDir(env: Env = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || ".data");
}

function redact(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = "***";
  return `${copy.protocol}//${copy.username ? `${copy.username}@` : ""}${copy.host}${copy.pathname}`;
}

/** Reads DATABASE_URL, DATABASE_DRIVER, DATA_DIR; throws a StartupError on nonsense. */
export function resolveDbConfig(env: Env = process.env): DbConfig {
  const raw = env.DATABASE_URL?.trim();
  const driver = env.DATABASE_DRIVER?.trim().toLowerCase();
  if (driver && !["neon", "pg", "postgres", "node-postgres", "pglite"].includes(driver)) {
    throw new StartupError(
      `DATABASE_DRIVER="${env.DATABASE_DRIVER}" không hợp lệ: dùng "neon", "pg" hoặc bỏ trống.`,
      `DATABASE_DRIVER="${env.DATABASE_DRIVER}" is not valid: use "neon", "pg" or leave it unset.`,
    );
  }
  if (!raw || driver === "pglite") return { kind: "pglite", dataDir: defaultDataDir(env) };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StartupError(
      "DATABASE_URL không phải là một địa chỉ hợp lệ: hãy dùng dạng postgres://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl.",
      "DATABASE_URL is not a valid URL: use the form postgres://user:password@host:5432/database.",
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new StartupError(
      `DATABASE_URL phải bắt đầu bằng postgres:// hoặc postgresql:// (đang là ${url.protocol}//).`,
      `DATABASE_URL must start with postgres:// or postgresql:// (it is ${url.protocol}//).`,
    );
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new StartupError(
      "DATABASE_URL thiếu máy chủ hoặc tên cơ sở dữ liệu: hãy dùng dạng postgres://máy_chủ:5432/tên_csdl.",
      "DATABASE_URL lacks a host or a database name: use the form postgres://host:5432/database.",
    );
  }
  const poolMax = Math.max(1, Math.min(100, Number(env.DATABASE_POOL_MAX) || 10));
  const isNeonHost = url.hostname.endsWith(".neon.tech");
  if (driver === "neon" || (isNeonHost && driver !== "pg" && driver !== "postgres" && driver !== "node-postgres")) {
    return { kind: "neon", url: raw, poolMax, wsProxy: env.NEON_WS_PROXY || undefined };
  }
  return { kind: "postgres", url: raw, poolMax };
}

/** Turns a driver's connection error into one sentence saying what to fix. */
export function describeConnectError(label: string, e: unknown): StartupError {
  const err = e as { code?: string; message?: string };
  const code = err.code ?? "";
  const msg = err.message ?? String(e);
  if (code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "EHOSTUNREACH" || /ECONNREFUSED|timeout|closed/i.test(msg)) {
    return new StartupError(
      `Không kết nối được cơ sở dữ liệu ${label}: máy chủ không trả lời — hãy kiểm tra PostgreSQL đã chạy và DATABASE_URL đúng máy chủ, cổng.`,
      `Cannot reach the database ${label}: the server does not answer — check that PostgreSQL is running and DATABASE_URL names the right host and port.`,
      { cause: e },
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new StartupError(
      `Không tìm thấy máy chủ cơ sở dữ liệu trong DATABASE_URL (${label}): hãy sửa tên máy chủ.`,
      `The database host in DATABASE_URL (${label}) does not resolve: fix the host name.`,
      { cause: e },
    );
  }
  if (code === "28P01" || code === "28000") {
    return new StartupError(
      `Cơ sở dữ liệu ${label} từ chối đăng nhập: hãy sửa người dùng hoặc mật khẩu trong DATABASE_URL.`,
      `The database ${label} refused the login: fix the user or password in DATABASE_URL.`,
      { cause: e },
    );
  }
  if (code === "3D000") {
    return new StartupError(
      `Cơ sở dữ liệu trong DATABASE_URL (${label}) không tồn tại: hãy tạo nó (createdb) hoặc sửa tên.`,
      `The database named in DATABASE_URL (${label}) does not exist: create it (createdb) or fix the name.`,
      { cause: e },
    );
  }
  return new StartupError(
    `Không mở được cơ sở dữ liệu ${label}: ${msg}`,
    `Cannot open the database ${label}: ${msg}`,
    { cause: e },
  );
}

async function openRaw(config: DbConfig): Promise<RawClient> {
  if (config.kind === "pglite") {
    const release = acquireDataDirLock(config.dataDir);
    try {
      const { PGlite } = await import("@electric-sql/pglite");
      const client = await PGlite.create(path.join(config.dataDir, "pglite"));
      await client.query("select 1");
      return { kind: "pglite", client, release, label: `PGlite ${config.dataDir}` };
    } catch (e) {
      release();
      throw new StartupError(
        `Không mở được cơ sở dữ liệu nhúng trong ${config.dataDir}: ${(e as Error).message} — nếu dữ liệu demo bị hỏng, hãy xoá thư mục này.`,
        `Cannot open the embedded database in ${config.dataDir}: ${(e as Error).message} — if the demo data is damaged, delete this directory.`,
        { cause: e },
      );
    }
  }
  const label = redact(new URL(config.url));
  if (config.kind === "postgres") {
    const { Pool } = await import("pg");
    const client = new Pool({ connectionString: config.url, max: config.poolMax, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
    client.on("error", () => {
      /* an idle client died; the pool replaces it */
    });
    try {
      await client.query("select 1");
    } catch (e) {
      await client.end().catch(() => undefined);
      throw describeConnectError(label, e);
    }
    return { kind: "postgres", client, label };
  }
  const neon = await import("@neondatabase/serverless");
  const { default: ws } = await import("ws");
  neon.neonConfig.webSocketConstructor = ws;
  if (config.wsProxy) {
    const proxy = config.wsProxy;
    neon.neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    neon.neonConfig.useSecureWebSocket = false;
    neon.neonConfig.pipelineConnect = false;
    neon.neonConfig.pipelineTLS = false;
  }
  const client = new neon.Pool({ connectionString: config.url, max: config.poolMax, connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  try {
    await client.query("select 1");
  } catch (e) {
    await client.end().catch(() => undefined);
    throw describeConnectError(label, e);
  }
  return { kind: "neon", client, label };
}

const drizzleCache = new WeakMap<object, Db>();

async function wrap(raw: RawClient): Promise<Db> {
  const cached = drizzleCache.get(raw.client);
  if (cached) return cached;
  let db: Db;
  if (raw.kind === "pglite") {
    const { drizzle } = await import("drizzle-orm/pglite");
    db = drizzle({ client: raw.client, schema }) as unknown as Db;
  } else if (raw.kind === "postgres") {
    const { drizzle } = await import("drizzle-orm/node-postgres");
    db = drizzle({ client: raw.client, schema }) as unknown as Db;
  } else {
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    db = drizzle({ client: raw.client, schema }) as unknown as Db;
  }
  drizzleCache.set(raw.client, db);
  return db;
}

async function closeRaw(raw: RawClient): Promise<void> {
  if (raw.kind === "pglite") {
    try {
      await raw.client.close();
    } finally {
      raw.release();
    }
  } else {
    await raw.client.end();
  }
}

/** Opens a database that the caller owns (tests, CLI). */
export async function openDatabase(config: DbConfig): Promise<DbHandle> {
  const raw = await openRaw(config);
  const db = await wrap(raw);
  return { db, kind: raw.kind, label: raw.label, close: () => closeRaw(raw) };
}

type GlobalSlot = { promise?: Promise<RawClient>; raw?: RawClient; override?: DbHandle };
const SLOT = Symbol.for("ocop.db");
function slot(): GlobalSlot {
  const g = globalThis as unknown as Record<symbol, GlobalSlot | undefined>;
  return (g[SLOT] ??= {});
}

/**
 * The process-wide database, opened lazily on first use (never during `next build`)
 * and shared by the custom server and the Next.js bundle through globalThis.
 */
export async function getDb(): Promise<DbHandle> {
  const s = slot();
  if (s.override) return s.override;
  if (!s.promise) {
    s.promise = openRaw(resolveDbConfig()).then(
      (raw) => {
        s.raw = raw;
        return raw;
      },
      (e: unknown) => {
        s.promise = undefined;
        throw e;
      },
    );
  }
  const raw = await s.promise;
  return { db: await wrap(raw), kind: raw.kind, label: raw.label, close: closeDb };
}

/** Closes the process-wide database (graceful shutdown). */
export async function closeDb(): Promise<void> {
  const s = slot();
  const pending = s.promise;
  s.promise = undefined;
  s.raw = undefined;
  if (!pending) return;
  const raw = await pending.catch(() => null);
  if (raw) await closeRaw(raw);
}

/** Tests: make getDb() return a database the test owns (route handlers called in-process). */
export function overrideDbForTests(handle: DbHandle | null): void {
  slot().override = handle ?? undefined;
}
