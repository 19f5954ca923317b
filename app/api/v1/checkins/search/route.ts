import { ENDPOINTS } from "@/lib/api/endpoints";
import { searchForCheckin } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.searchCheckin, async ({ ctx, query }) => ({ body: { items: await searchForCheckin(ctx, query) } }));
