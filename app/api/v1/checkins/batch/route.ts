import { ENDPOINTS } from "@/lib/api/endpoints";
import { uploadOfflineScans } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const POST = route(ENDPOINTS.uploadOfflineScans, async ({ ctx, body }) => ({ body: await uploadOfflineScans(ctx, body) }));
