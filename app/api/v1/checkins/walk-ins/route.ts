import { ENDPOINTS } from "@/lib/api/endpoints";
import { registerWalkIn } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const POST = route(ENDPOINTS.registerWalkIn, async ({ ctx, body }) => ({ status: 201, body: await registerWalkIn(ctx, body) }));
