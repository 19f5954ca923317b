/**
 * Structured logs: one JSON object per line on stdout (errors on stderr), cheap enough for the
 * request path. LOG_LEVEL = debug | info | warn | error | silent (default info).
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function threshold(): number {
  const lvl = (process.env.LOG_LEVEL ?? "info").toLowerCase() as Level | "silent";
  return ORDER[lvl] ?? ORDER.info;
}

let min = threshold();

/** Re-reads LOG_LEVEL (tests change it). */
export function refreshLogLevel(): void {
  min = threshold();
}

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < min) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + "\n";
  if (level === "error" || level === "warn") process.stderr.write(line);
  else process.stdout.write(line);
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
  enabled: (level: Level) => ORDER[level] >= min,
};
