import type { Env } from "@/lib/server/env";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { StartupError } from "./startup-error";

export type Secrets = { authSecret: string };

/**
 * Secrets come from the environment in production. In the demo (and whenever OCOP_DEMO=1) they are
 * generated once and kept in DATA_DIR/secrets.json (mode 600), so a new user configures nothing.
 */
export function loadSecrets(dataDir: string, env: Env = process.env): Secrets {
  const fromEnv = env.AUTH_SECRET || env.NEXTAUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) {
      throw new StartupError(
        "AUTH_SECRET quá ngắn: cần ít nhất 32 ký tự ngẫu nhiên (ví dụ: openssl rand -base64 32).",
        "AUTH_SECRET is too short: it needs at least 32 random characters (e.g. openssl rand -base64 32).",
      );
    }
    return { authSecret: fromEnv };
  }
  if (!isDemo(env)) {
    throw new StartupError(
      "Thiếu AUTH_SECRET: khi chạy thật với DATABASE_URL, hãy đặt AUTH_SECRET (openssl rand -base64 32).",
      "AUTH_SECRET is missing: when running for real with DATABASE_URL, set AUTH_SECRET (openssl rand -base64 32).",
    );
  }
  const file = path.join(dataDir, "secrets.json");
  try {
    const existing = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Secrets>;
    if (typeof existing.authSecret === "string" && existing.authSecret.length >= 32) return { authSecret: existing.authSecret };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" && !(e instanceof SyntaxError)) throw e;
  }
  const secrets: Secrets = { authSecret: crypto.randomBytes(32).toString("base64url") };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The demo: `npm run demo` (OCOP_DEMO=1), or any run on the embedded database. */
export function isDemo(env: Env = process.env): boolean {
  return env.OCOP_DEMO === "1" || !env.DATABASE_URL;
}
