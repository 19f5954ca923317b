import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { resendConfirmation } from "@/lib/registration/resend";

export const POST = route(ENDPOINTS.resendConfirmation, async ({ ctx, body }) => ({ status: 202, body: await resendConfirmation(ctx, body) }));
