import { ENDPOINTS } from "@/lib/api/endpoints";
import { redeemBadge } from "@/lib/checkin";
import { route } from "@/lib/http/api";

/** POST /api/v1/checkins: served by app/api/v1/checkins/route.ts and, on the hot path, by server.ts directly (lib/server/fast-api.ts). */
export const postCheckin = route(ENDPOINTS.checkin, async ({ ctx, body }) => ({ body: await redeemBadge(ctx, body) }));
