/**
 * The check-in read models the dashboard shows (GET /api/v1/checkins/stats, the SSE stream's
 * `stats` events, GET /api/v1/checkins/attendance): JSON already (dates as ISO strings), so the
 * server's first render and the stream's later events have one shape. Type-only imports: nothing
 * of the domain reaches the browser bundle.
 */
import type { CheckinStats } from "@/lib/checkin/stats";

export type { CheckinStats } from "@/lib/checkin/stats";
export type { AttendanceDelegation } from "@/lib/checkin/attendance";
export type { ScanResult as ScanResultCode } from "@/db/schema/checkin";

export type RecentScan = CheckinStats["recent"][number];
