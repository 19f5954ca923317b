import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type DbConfig, type DbHandle, type DbKind } from "@/db/client";
import { migrate } from "@/db/migrate";
import { seedReference } from "@/db/seed/reference";
import { TEST_DATABASE_URL, urlForDatabase } from "./env";

export const DRIVERS: DbKind[] = ["pglite", "postgres", "neon"];
/** Drivers that talk to a real Postgres server, where races can actually happen. */
export const SERVER_DRIVERS: DbKind[] = ["postgres", "neon"];

export type TestDatabase = DbHandle & { config: DbConfig; dataDir?: string; drop: () => Promise<void> };

/** One statement on the test server's admin connection (create and drop databases). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the given driver, owned by the calling test file. */
export async function createTestDatabase(kind: DbKind, opts: { migrated?: boolean; seeded?: boolean } = {}): Promise<TestDatabase> {
  const name = `ocop_t_${crypto.randomBytes(6).toString("hex")}`;
  let config: DbConfig;
  let cleanup: () => Promise<void>;
  let dataDir: string | undefined;
  if (kind === "pglite") {
    dataDir = path.join(inject("tmpRoot"), name);
    fs.cpSync(inject("pgliteTemplate"), path.join(dataDir, "pglite"), { recursive: true });
    config = { kind: "pglite", dataDir };
    cleanup = async () => fs.rmSync(dataDir!, { recursive: true, force: true });
  } else {
    // Seeded databases are copies of the run's migrated, seeded template (test/helpers/global-setup.ts).
    await adminQuery(opts.seeded ? `create database ${name} template ${inject("seededTemplate")}` : `create database ${name}`);
    const url = urlForDatabase(name);
    config = kind === "postgres" ? { kind: "postgres", url, poolMax: 20 } : { kind: "neon", url, poolMax: 20, wsProxy: inject("neonProxy") };
    cleanup = () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  const handle = await openDatabase(config);
  const copied = opts.seeded && kind !== "pglite";
  if ((opts.migrated || opts.seeded) && !copied) await migrate(handle.db);
  if (opts.seeded && !copied) await seedReference(handle.db);
  let closed = false;
  return {
    ...handle,
    config,
    dataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    },
    drop: async () => {
      if (!closed) {
        closed = true;
        await handle.close().catch(() => undefined);
      }
      await cleanup();
    },
  };
}
