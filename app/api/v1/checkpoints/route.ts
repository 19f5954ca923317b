import { ENDPOINTS } from "@/lib/api/endpoints";
import { listCheckpoints } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.listCheckpoints, async ({ ctx }) => ({ body: { items: await listCheckpoints(ctx) } }));
