import type { ScanAnswer, ScanRegistration } from "@/lib/checkin/types";
import type { LocalRoster, Presence, RosterRow } from "./roster";

type Direction = "in" | "out";

export type LocalScan = { checkpoint: string; direction: Direction; at: Date; device: string | null };
export type Verified = { ok: true; badgeId: number; serial: number } | { ok: false; reason: "format" | "signature" };

/** A decision made on the device, and the presence it leaves behind (to store before showing it). */
export type LocalDecision = { answer: ScanAnswer; presence: [number, Presence] | null };

export function registrationOf(roster: LocalRoster, r: RosterRow): ScanRegistration {
  const cat = roster.categories[r[3]];
  return {
    id: r[0], name: r[4], position: r[5], organisation: r[6], delegation: r[7], category: cat?.name ?? r[3], categoryCode: r[3],
    colour: cat?.colour ?? "#777777", note: r[8], status: r[2],
  };
}

export function isOpenAt(windows: { opensAt: string; closesAt: string }[], at: Date): boolean {
  if (windows.length === 0) return true;
  const t = at.getTime();
  return windows.some((w) => Date.parse(w.opensAt) <= t && t < Date.parse(w.closesAt));
}

/**
 * The server's rules (lib/checkin/redeem-badge.ts), in the same order, on the local roster:
 * format/signature → unknown → revoked → cancelled → rejected → not confirmed → not allowed →
 * closed → (in) already inside / re-entry / no re-entry, (out) exit / not inside.
 */
export function decideLocally(roster: LocalRoster, verified: Verified, scan: LocalScan): LocalDecision {
  const base = { direction: scan.direction, scanId: 0, scannedAt: scan.at.toISOString(), checkpoint: scan.checkpoint };
  if (!verified.ok) return { answer: { ...base, result: "invalid", reason: verified.reason }, presence: null };
  const row = roster.rows.get(verified.badgeId);
  if (!row) return { answer: { ...base, result: "invalid", reason: "unknown" }, presence: null };
  const registration = registrationOf(roster, row);
  const refuse = (reason: NonNullable<ScanAnswer["reason"]>, first?: Presence): LocalDecision => ({
    answer: { ...base, result: "refused", reason, registration, ...(first ? { firstCheckin: firstOf(first, scan.checkpoint) } : {}) },
    presence: null,
  });
  const [, serial, status, category] = row;
  if (serial !== verified.serial) return refuse("revoked");
  if (status === "cancelled") return refuse("cancelled");
  if (status === "rejected") return refuse("rejected");
  if (status !== "confirmed") return refuse("not_confirmed");
  if (!roster.checkpoint.categories.includes(category)) return refuse("not_allowed");
  if (!isOpenAt(roster.checkpoint.windows, scan.at)) return refuse("closed");
  const p = roster.presence.get(row[0]);
  if (scan.direction === "in") {
    if (p?.inside) return { answer: { ...base, result: "already_admitted", registration, firstCheckin: firstOf(p, scan.checkpoint) }, presence: null };
    if (p && !roster.checkpoint.allowReentry) return refuse("no_reentry", p);
    const next: Presence = p ? { ...p, inside: true } : { firstAt: base.scannedAt, inside: true, device: scan.device };
    return { answer: { ...base, result: "admitted", registration }, presence: [row[0], next] };
  }
  if (!p?.inside) return refuse("not_inside");
  return { answer: { ...base, result: "admitted", registration, firstCheckin: firstOf(p, scan.checkpoint) }, presence: [row[0], { ...p, inside: false }] };
}

function firstOf(p: Presence, checkpoint: string): NonNullable<ScanAnswer["firstCheckin"]> {
  return { at: p.firstAt, checkpoint, by: null, device: p.device };
}
