import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { revokeToken } from "@/lib/tokens/tokens";

export const DELETE = route(ENDPOINTS.revokeToken, async ({ ctx, params }) => ({ body: await revokeToken(ctx, params.id) }));
