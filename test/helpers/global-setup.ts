import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startWsProxy } from "@/scripts/ws-proxy";
import { adminQuery } from "./databases";
import { TEST_DATABASE_URL, urlForDatabase } from "./env";

/**
 * Once per integration run: check the real Postgres answers, start the WebSocket proxy for the
 * Neon driver, make an empty PGlite data directory that test files copy (initdb costs ~3 s) and a
 * seeded Postgres database to copy.
 */
export default async function setup(project: TestProject) {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    throw new Error(`Integration tests need PostgreSQL at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL): ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  // A migrated, seeded database on the real server: test databases that need one are copied from
  // it (CREATE DATABASE … TEMPLATE) instead of migrating and seeding each (~0.3–0.5 s apiece).
  const seededTemplate = `ocop_tpl_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${seededTemplate}`);
  {
    const { openDatabase } = await import("@/db/client");
    const { migrate } = await import("@/db/migrate");
    const { seedReference } = await import("@/db/seed/reference");
    const handle = await openDatabase({ kind: "postgres", url: urlForDatabase(seededTemplate), poolMax: 1 });
    try {
      await migrate(handle.db);
      await seedReference(handle.db);
    } finally {
      await handle.close();
    }
  }
  const proxy = await startWsProxy(0);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-it-"));
  const template = path.join(root, "pglite-template");
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(template);
  await db.close();
  project.provide("neonProxy", `127.0.0.1:${proxy.port}`);
  project.provide("pgliteTemplate", template);
  project.provide("tmpRoot", root);
  project.provide("seededTemplate", seededTemplate);
  return async () => {
    await proxy.close();
    await adminQuery(`drop database if exists ${seededTemplate} with (force)`).catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    neonProxy: string;
    pgliteTemplate: string;
    tmpRoot: string;
    seededTemplate: string;
  }
}
