import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { getDelegation } from "@/lib/registration/delegation";

export const GET = route(ENDPOINTS.getDelegation, async ({ ctx, params }) => ({ body: await getDelegation(ctx, params) }));
