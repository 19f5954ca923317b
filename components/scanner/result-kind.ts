import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import type { Decision } from "./decide";
import type { FeedbackKind } from "./feedback";
import { fill } from "./format";

export type Tone = "green" | "amber" | "red" | "grey";

export type ResultLook = { tone: Tone; word: string; icon: "check" | "alert" | "cross" | "offline"; feedback: FeedbackKind; reason: string | null };

/** How a decision looks, sounds and reads: colour, icon and word together (colour is never the only cue). */
export function resultLook(decision: Decision, t: ScannerMessages): ResultLook {
  if (decision.kind === "network") return { tone: "grey", word: t.result.network, icon: "offline", feedback: "error", reason: t.result.networkDetail };
  if (decision.kind === "problem") {
    const p = decision.problem;
    const reason = p.status === 401 ? t.errors.sessionExpired : [p.detail || p.title, ...(p.errors ?? []).map((e) => e.message)].filter(Boolean).join(" ");
    return { tone: "grey", word: t.result.problem, icon: "alert", feedback: "error", reason };
  }
  const a = decision.answer;
  const reason = a.reason ? ((t.reasons as Record<string, string>)[a.reason] ?? fill(t.unknownReason, { reason: a.reason })) : null;
  switch (a.result) {
    case "admitted":
      return { tone: "green", word: a.direction === "out" ? t.result.admittedOut : t.result.admitted, icon: "check", feedback: "admitted", reason: null };
    case "already_admitted":
      return { tone: "amber", word: t.result.alreadyAdmitted, icon: "alert", feedback: "already", reason };
    case "refused":
      return { tone: "red", word: t.result.refused, icon: "cross", feedback: "refused", reason };
    default:
      return { tone: "red", word: t.result.invalid, icon: "cross", feedback: "refused", reason: reason ?? t.reasons.signature };
  }
}

/** How long a result stays on screen (ms) unless tapped or replaced by the next scan. */
export function resultDuration(decision: Decision): number {
  if (decision.kind !== "answer") return 6000; // errors wait for a retry or a tap
  const a = decision.answer;
  const base = a.result === "admitted" ? 2500 : 3000;
  return a.registration?.note ? base + 1500 : base; // a door note needs time to read
}
