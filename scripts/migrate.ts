/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
import { openDatabase, resolveDbConfig } from "@/db/client";
import { migrate } from "@/db/migrate";
import { seedReference } from "@/db/seed/reference";
import { isStartupError } from "@/lib/server/startup-error";

async function main() {
  const handle = await openDatabase(resolveDbConfig());
  try {
    const report = await migrate(handle.db);
    const seed = await seedReference(handle.db);
    process.stdout.write(`${handle.label}: ${report.applied} migration(s) applied, ${report.total} in all; reference data seeded (event ${seed.eventId}).\n`);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  if (isStartupError(e)) {
    process.stderr.write(`Lỗi: ${e.vi}\nError: ${e.en}\n`);
    process.exit(1);
  }
  process.stderr.write(`Lỗi / Error: ${(e as Error).message}\n`);
  process.exit(1);
});
