/**
 * `npm run test:e2e`: builds the production bundle when it is missing or stale, empties the e2e
 * database directory, then runs Playwright (playwright.config.ts starts the server). Extra
 * arguments go to `playwright test`, e.g. `npm run test:e2e -- --project=phone -g "ngôn ngữ"`.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "./lib/build";

function main(): void {
  ensureBuild();
  // Same default as playwright.config.ts.
  const dataDir = path.resolve(process.env.E2E_DATA_DIR || ".data-e2e");
  fs.rmSync(dataDir, { recursive: true, force: true });

  const cli = path.join(process.cwd(), "node_modules", "@playwright", "test", "cli.js");
  const child = spawn(process.execPath, [cli, "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, E2E_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // Ctrl-C reaches Playwright through the terminal's process group; let it clean up and exit.
  const ignore = () => undefined;
  process.on("SIGINT", ignore);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("error", (e) => {
    process.stderr.write(`Lỗi: không chạy được Playwright / Error: could not run Playwright: ${e.message}\n`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main();
