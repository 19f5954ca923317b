import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { bulkRegistrations } from "@/lib/registration/bulk";

export const POST = route(ENDPOINTS.bulkRegistrations, async ({ ctx, body }) => ({ body: await bulkRegistrations(ctx, body) }));
