import type { Env } from "@/lib/server/env";
import { closeDb, defaultDataDir, getDb, resolveDbConfig, type DbHandle } from "@/db/client";
import { ensureWritableDir } from "@/db/lock";
import { migrate, type MigrationReport } from "@/db/migrate";
import { seedDemoAccounts } from "@/db/seed/demo-accounts";
import { seedDemoDelegates } from "@/db/seed/demo-delegates";
import { seedReference, type SeedReport } from "@/db/seed/reference";
import { log } from "./log";
import { configureAuthUrl } from "./auth-url";
import { isDemo, loadSecrets } from "./secrets";

export type BootResult = { handle: DbHandle; migrations: MigrationReport; seed: SeedReport; ms: number };

/**
 * Everything the server needs before it answers: secrets, the database (opened, migrated,
 * reference data seeded). Throws StartupError with one clear sentence when something is wrong.
 */
export async function boot(env: Env = process.env): Promise<BootResult> {
  const started = Date.now();
  const config = resolveDbConfig(env);
  const dataDir = defaultDataDir(env);
  if (config.kind === "pglite" || !env.AUTH_SECRET) ensureWritableDir(dataDir);
  const secrets = loadSecrets(dataDir, env);
  env.AUTH_SECRET = secrets.authSecret;
  configureAuthUrl(env);
  const handle = await getDb();
  try {
    const migrations = await migrate(handle.db);
    const seed = await seedReference(handle.db);
    if (isDemo(env)) {
      const accounts = await seedDemoAccounts(handle.db);
      if (accounts > 0) log.info("boot.demo_accounts_seeded", { count: accounts });
      if (env.OCOP_DEMO === "1" && env.OCOP_DEMO_DELEGATES !== "0") {
        const delegates = await seedDemoDelegates(handle.db);
        if (delegates > 0) log.info("boot.demo_delegates_seeded", { count: delegates });
      }
    }
    const ms = Date.now() - started;
    log.info("boot.database_ready", { db: handle.kind, database: handle.label, migrationsApplied: migrations.applied, migrations: migrations.total, eventId: seed.eventId, ms });
    return { handle, migrations, seed, ms };
  } catch (e) {
    await closeDb().catch(() => undefined);
    throw e;
  }
}
