import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { setDelegationQuota } from "@/lib/registration/delegation";

export const PUT = route(ENDPOINTS.setDelegationQuota, async ({ ctx, params, body }) => ({ body: await setDelegationQuota(ctx, params, body) }));
