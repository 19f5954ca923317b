import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { approveRegistration } from "@/lib/registration/manage";

export const POST = route(ENDPOINTS.approveRegistration, async ({ ctx, params }) => ({ body: await approveRegistration(ctx, params.id) }));
