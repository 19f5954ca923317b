import type { ScanAnswer, ScanReason, ScanRegistration } from "@/lib/checkin/types";

// Type-only imports from the domain: nothing of zod or the schema reaches the client bundle.
export type { ScanAnswer, ScanReason, ScanRegistration };

export type Direction = "in" | "out";

/** The part of GET /api/v1/checkpoints the scanner uses. */
export type ScannerCheckpoint = { code: string; name: string; openNow: boolean; insideNow: number };

/** What staff chose on this device (kept in localStorage). */
export type ScannerSettings = { checkpoint: string; direction: Direction; device: string };

/** RFC 9457 problem+json as the API answers it. */
export type Problem = { status: number; title: string; detail: string; code: string; errors?: { path: string; message: string }[] };

/** GET /api/v1/checkins/search items. */
export type SearchItem = ScanRegistration & { phoneTail: string; checkedIn: { at: string; checkpoint: string } | null };

/** GET /api/v1/checkins items. */
export type RecentScan = {
  id: number;
  at: string;
  checkpoint: string;
  direction: Direction;
  result: ScanAnswer["result"];
  reason: string | null;
  method: "scan" | "manual";
  device: string | null;
  by: string | null;
  undone: boolean;
  registration: ScanRegistration | null;
};
