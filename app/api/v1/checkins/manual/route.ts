import { ENDPOINTS } from "@/lib/api/endpoints";
import { manualCheckin } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const POST = route(ENDPOINTS.manualCheckin, async ({ ctx, body }) => ({ body: await manualCheckin(ctx, body) }));
