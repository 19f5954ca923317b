import { ENDPOINTS } from "@/lib/api/endpoints";
import { listScans, redeemBadge } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.listCheckins, async ({ ctx, query }) => ({ body: await listScans(ctx, query) }));
export const POST = route(ENDPOINTS.checkin, async ({ ctx, body }) => ({ body: await redeemBadge(ctx, body) }));
