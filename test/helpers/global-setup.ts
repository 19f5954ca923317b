import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startWsProxy } from "@/scripts/ws-proxy";
import { TEST_DATABASE_URL } from "./env";

/**
 * Once per integration run: check the real Postgres answers, start the WebSocket proxy for the
 * Neon driver, and make an empty PGlite data directory that test files copy (initdb costs ~3 s).
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
  const proxy = await startWsProxy(0);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-it-"));
  const template = path.join(root, "pglite-template");
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(template);
  await db.close();
  project.provide("neonProxy", `127.0.0.1:${proxy.port}`);
  project.provide("pgliteTemplate", template);
  project.provide("tmpRoot", root);
  return async () => {
    await proxy.close();
    fs.rmSync(root, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    neonProxy: string;
    pgliteTemplate: string;
    tmpRoot: string;
  }
}
