import { ENDPOINTS } from "@/lib/api/endpoints";
import { postCheckin } from "@/lib/api/handlers/checkin";
import { listScans } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.listCheckins, async ({ ctx, query }) => ({ body: await listScans(ctx, query) }));
export const POST = postCheckin;
