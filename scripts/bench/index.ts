/**
 * Benchmarks: `npm run bench -- <name> [--db postgres|pglite] [--runs 3] [--duration 10] [--connections 16]`.
 * They print medians and ratios; they are not part of `npm test`.
 */
import { benchCheckin } from "./checkin";
import { benchBadges } from "./badges";
import { benchConsole } from "./console";
import { benchHealth } from "./health";
import { benchRegistration } from "./registration";
import { benchRoster } from "./roster";
import { benchSignIn } from "./signin";

const BENCHES: Record<string, (args: Map<string, string>) => Promise<void>> = {
  health: benchHealth,
  signin: benchSignIn,
  registration: benchRegistration,
  checkin: benchCheckin,
  roster: benchRoster,
  badges: benchBadges,
  console: benchConsole,
};

function parseArgs(argv: string[]): { name: string | undefined; args: Map<string, string> } {
  const args = new Map<string, string>();
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=", 2);
      if (v !== undefined) args.set(k!, v);
      else args.set(k!, argv[++i] ?? "true");
    } else name ??= a;
  }
  return { name, args };
}

async function main() {
  const { name, args } = parseArgs(process.argv.slice(2));
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join("|")}> [--db postgres|pglite] [--runs 3] [--duration 10] [--connections 16]\n`);
    process.exit(2);
  }
  await bench(args);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
