import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { createUser, listUsers } from "@/lib/users/users";

export const GET = route(ENDPOINTS.listUsers, async ({ ctx, query }) => ({ body: await listUsers(ctx, query) }));
export const POST = route(ENDPOINTS.createUser, async ({ ctx, body }) => ({ status: 201, body: await createUser(ctx, body) }));
