import { api } from "./api";
import type { Direction, Problem, ScanAnswer } from "./types";

/** One scan as the scanner sends it; the nonce makes a retried request return the original answer. */
export type ScanRequest = { code: string; checkpoint: string; direction: Direction; device: string | null; nonce: string };

/** What the door is told: the server's answer, an error the API explained, or no answer at all. */
export type Decision =
  | { kind: "answer"; answer: ScanAnswer }
  | { kind: "problem"; problem: Problem }
  | { kind: "network" };

/**
 * Decides a scan. Online today (POST /api/v1/checkins); an offline decider (verifying the badge
 * signature locally and queueing the scan) can implement the same signature later and be chosen here.
 */
export type Decider = (req: ScanRequest) => Promise<Decision>;

export function onlineDecider(locale: string): Decider {
  return async (req) => {
    const res = await api<ScanAnswer>(locale, "/api/v1/checkins", {
      method: "POST",
      body: { code: req.code, checkpoint: req.checkpoint, direction: req.direction, nonce: req.nonce, ...(req.device ? { device: req.device } : {}) },
    });
    if (res.ok) return { kind: "answer", answer: res.data };
    return "problem" in res ? { kind: "problem", problem: res.problem } : { kind: "network" };
  };
}

/** Manual check-in of a registration found by search (supervisors). Same answer shape as a scan. */
export async function manualCheckin(
  locale: string,
  req: { registrationId: number; checkpoint: string; direction: Direction; device: string | null; nonce: string },
): Promise<Decision> {
  const res = await api<ScanAnswer>(locale, "/api/v1/checkins/manual", {
    method: "POST",
    body: { registrationId: req.registrationId, checkpoint: req.checkpoint, direction: req.direction, nonce: req.nonce, ...(req.device ? { device: req.device } : {}) },
  });
  if (res.ok) return { kind: "answer", answer: res.data };
  return "problem" in res ? { kind: "problem", problem: res.problem } : { kind: "network" };
}

/** A nonce per scan; crypto.randomUUID needs a secure context (HTTPS or localhost), else a fallback. */
export function newNonce(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}
