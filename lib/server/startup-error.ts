/**
 * An error that stops the server with one clear sentence (Vietnamese, then English)
 * saying what to fix. Never shown with a stack trace.
 */
export class StartupError extends Error {
  readonly vi: string;
  readonly en: string;
  constructor(vi: string, en: string, options?: { cause?: unknown }) {
    super(`${vi}\n${en}`, options);
    this.name = "StartupError";
    this.vi = vi;
    this.en = en;
  }
}

export function isStartupError(e: unknown): e is StartupError {
  return e instanceof Error && e.name === "StartupError" && "vi" in e && "en" in e;
}
