import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { changePassword } from "@/lib/users/password-reset";

export const POST = route(ENDPOINTS.changePassword, async ({ ctx, body }) => ({ body: await changePassword(ctx, body) }));
