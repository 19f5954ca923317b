import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { getUser, updateUser } from "@/lib/users/users";

export const GET = route(ENDPOINTS.getUser, async ({ ctx, params }) => ({ body: await getUser(ctx, params.id) }));
export const PATCH = route(ENDPOINTS.updateUser, async ({ ctx, params, body }) => ({ body: await updateUser(ctx, params.id, body) }));
