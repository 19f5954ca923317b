import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { createToken, listTokens } from "@/lib/tokens/tokens";

export const GET = route(ENDPOINTS.listTokens, async ({ ctx }) => ({ body: { items: await listTokens(ctx) } }));
export const POST = route(ENDPOINTS.createToken, async ({ ctx, body }) => ({ status: 201, body: await createToken(ctx, body) }));
