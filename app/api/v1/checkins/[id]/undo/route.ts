import { ENDPOINTS } from "@/lib/api/endpoints";
import { undoScan } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const POST = route(ENDPOINTS.undoCheckin, async ({ ctx, params }) => ({ body: await undoScan(ctx, params.id) }));
