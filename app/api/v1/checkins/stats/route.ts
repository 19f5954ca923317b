import { ENDPOINTS } from "@/lib/api/endpoints";
import { checkinStats } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.checkinStats, async ({ ctx }) => ({ body: await checkinStats(ctx) }));
