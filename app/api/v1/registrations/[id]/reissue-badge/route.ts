import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { reissueBadge } from "@/lib/registration/manage";

export const POST = route(ENDPOINTS.reissueBadge, async ({ ctx, params }) => ({ body: await reissueBadge(ctx, params.id) }));
