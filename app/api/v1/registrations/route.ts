import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { listRegistrations } from "@/lib/registration/manage";
import { registerDelegate } from "@/lib/registration/register";

export const GET = route(ENDPOINTS.listRegistrations, async ({ ctx, query }) => ({ body: await listRegistrations(ctx, query) }));
export const POST = route(ENDPOINTS.register, async ({ ctx, body }) => ({ status: 201, body: await registerDelegate(ctx, body) }));
