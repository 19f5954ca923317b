import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { cancelRegistration } from "@/lib/registration/manage";

export const POST = route(ENDPOINTS.cancelRegistration, async ({ ctx, params, body }) => ({ body: await cancelRegistration(ctx, params.id, body) }));
