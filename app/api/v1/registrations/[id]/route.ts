import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { getRegistration, updateRegistration } from "@/lib/registration/manage";

export const GET = route(ENDPOINTS.getRegistration, async ({ ctx, params }) => ({ body: await getRegistration(ctx, params.id) }));
export const PATCH = route(ENDPOINTS.updateRegistration, async ({ ctx, params, body }) => ({ body: await updateRegistration(ctx, params.id, body) }));
