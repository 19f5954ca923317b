import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { substituteDelegate } from "@/lib/registration/substitute";

export const POST = route(ENDPOINTS.substituteDelegate, async ({ ctx, params, body }) => ({ body: await substituteDelegate(ctx, params.id, body) }));
