import { ENDPOINTS } from "@/lib/api/endpoints";
import { revokeDevice } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const POST = route(ENDPOINTS.revokeDevice, async ({ ctx, params }) => ({ body: await revokeDevice(ctx, params.id) }));
