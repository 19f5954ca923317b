import { z } from "zod";
import { SCAN_RESULTS } from "@/db/schema/checkin";

/** Stable refusal codes of a scan (the scanner maps each to a message in the catalogue). */
export const SCAN_REASONS = [
  "format", // not a badge code at all (result invalid)
  "signature", // forged, damaged or another event's code (invalid)
  "unknown", // well signed but no such badge (invalid)
  "revoked", // an older serial: the badge was re-issued (refused)
  "cancelled", // registration cancelled (refused)
  "rejected", // registration rejected (refused)
  "not_confirmed", // pending approval or waitlisted (refused)
  "not_allowed", // category may not enter this checkpoint (refused)
  "closed", // outside the checkpoint's opening windows (refused)
  "no_reentry", // exited earlier and this checkpoint allows no re-entry (refused)
  "not_inside", // an exit scan for someone not inside (refused)
] as const;
export type ScanReason = (typeof SCAN_REASONS)[number];

export const scanRegistration = z.object({
  id: z.number().int(),
  name: z.string(), // "Ông Nguyễn Văn An"
  position: z.string(),
  organisation: z.string(),
  delegation: z.string().nullable(),
  category: z.string(), // category name in the request's language
  categoryCode: z.string(),
  colour: z.string(), // #rrggbb
  note: z.string().nullable(), // door note ("VIP — accompany to row A")
  status: z.string(),
});
export type ScanRegistration = z.infer<typeof scanRegistration>;

export const scanAnswer = z.object({
  result: z.enum(SCAN_RESULTS),
  reason: z.enum(SCAN_REASONS).optional(),
  direction: z.enum(["in", "out"]),
  scanId: z.number().int(),
  scannedAt: z.string(),
  checkpoint: z.string(),
  registration: scanRegistration.optional(),
  /** For already_admitted (and re-entries): the first entry at this checkpoint. */
  firstCheckin: z.object({ at: z.string(), checkpoint: z.string(), by: z.string().nullable(), device: z.string().nullable() }).optional(),
  /** true when the nonce had been seen: this is the original answer and nothing new was recorded. */
  replayed: z.boolean().optional(),
});
export type ScanAnswer = z.infer<typeof scanAnswer>;
