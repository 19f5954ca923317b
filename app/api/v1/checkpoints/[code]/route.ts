import { ENDPOINTS } from "@/lib/api/endpoints";
import { updateCheckpoint } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const PATCH = route(ENDPOINTS.updateCheckpoint, async ({ ctx, params, body }) => ({ body: await updateCheckpoint(ctx, params.code, body) }));
