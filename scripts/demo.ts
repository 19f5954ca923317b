/**
 * `npm run demo`: build when missing or stale, then start the server (which migrates and seeds the
 * database). Works with no configuration: embedded Postgres in DATA_DIR, secrets generated there.
 */
import { defaultDataDir, resolveDbConfig } from "@/db/client";
import { lockHolder, lockedError } from "@/db/lock";
import { isStartupError } from "@/lib/server/startup-error";
import { ensureBuild } from "./lib/build";

process.env.OCOP_DEMO = "1";
process.env.NEXT_TELEMETRY_DISABLED = "1";

try {
  const config = resolveDbConfig();
  if (config.kind === "pglite") {
    // Refuse before building: a second demo must not rebuild under the running one.
    const dir = defaultDataDir();
    const holder = lockHolder(dir);
    if (holder) throw lockedError(dir, holder);
  }
} catch (e) {
  if (isStartupError(e)) {
    process.stderr.write(`\nLỗi: ${e.vi}\nError: ${e.en}\n\n`);
    process.exit(1);
  }
  throw e;
}

ensureBuild();
void import("../server");
