import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { rejectRegistration } from "@/lib/registration/manage";

export const POST = route(ENDPOINTS.rejectRegistration, async ({ ctx, params, body }) => ({ body: await rejectRegistration(ctx, params.id, body) }));
