import { api } from "./api";
import type { OfflineEngine } from "./offline/engine";
import type { Direction, Problem, ScanAnswer } from "./types";

/** One scan as the scanner sends it; the nonce makes a retried request return the original answer. */
export type ScanRequest = { code: string; checkpoint: string; direction: Direction; device: string | null; nonce: string };

/** What the door is told: the server's answer, an error the API explained, or no answer at all. */
export type Decision =
  | { kind: "answer"; answer: ScanAnswer; /** decided on the device and queued */ offline?: boolean }
  | { kind: "problem"; problem: Problem }
  | { kind: "network" };

/**
 * Decides a scan: online (POST /api/v1/checkins), or on the device (offline/engine.ts: the badge
 * signature verified locally, the roster's rules, the scan queued) when the network fails.
 */
export type Decider = (req: ScanRequest, signal?: AbortSignal) => Promise<Decision>;

export function onlineDecider(locale: string): Decider {
  return async (req, signal) => {
    const res = await api<ScanAnswer>(locale, "/api/v1/checkins", {
      method: "POST",
      signal,
      body: { code: req.code, checkpoint: req.checkpoint, direction: req.direction, nonce: req.nonce, ...(req.device ? { device: req.device } : {}) },
    });
    if (res.ok) return { kind: "answer", answer: res.data };
    return "problem" in res ? { kind: "problem", problem: res.problem } : { kind: "network" };
  };
}

/** How long the online answer may take before the scan is decided on the device instead. */
export const ONLINE_TIMEOUT_MS = 2500;

/**
 * Online first, offline when the network fails: with the browser offline, or after a failed online
 * attempt (no answer, a timeout of 2.5 s, or a 5xx), the scan is decided on the device from the
 * local roster and queued with the SAME nonce, so a request that did reach the server is not
 * recorded twice when the queue is uploaded.
 */
export function hybridDecider(locale: string, engine: OfflineEngine): Decider {
  const online = onlineDecider(locale);
  const offline = async (req: ScanRequest): Promise<Decision> => {
    const answer = await engine.decideOffline(req).catch(() => null);
    return answer ? { kind: "answer", answer, offline: true } : { kind: "network" };
  };
  return async (req) => {
    if (engine.shouldDecideOffline()) return offline(req);
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), ONLINE_TIMEOUT_MS);
    let decision: Decision;
    try {
      decision = await online(req, ctrl.signal);
    } catch {
      decision = { kind: "network" };
    } finally {
      clearTimeout(timer);
    }
    const failed = decision.kind === "network" || (decision.kind === "problem" && decision.problem.status >= 500);
    if (failed && engine.canDecide()) {
      engine.markOffline();
      return offline(req);
    }
    if (decision.kind === "answer") engine.noteOnlineAnswer(decision.answer);
    return decision;
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
