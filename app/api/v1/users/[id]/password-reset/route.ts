import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { issuePasswordReset } from "@/lib/users/password-reset";

export const POST = route(ENDPOINTS.sendPasswordReset, async ({ ctx, params }) => ({ status: 202, body: await issuePasswordReset(ctx, params.id) }));
