import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { completePasswordReset } from "@/lib/users/password-reset";

export const POST = route(ENDPOINTS.completePasswordReset, async ({ ctx, body }) => ({ body: await completePasswordReset(ctx, body) }));
