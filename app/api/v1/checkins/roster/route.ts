import { ENDPOINTS } from "@/lib/api/endpoints";
import { checkinRoster } from "@/lib/checkin";
import { route } from "@/lib/http/api";

// 20,000 delegates are ~3 MB of JSON: the server's response compression (gzip) sends ~0.4 MB.
export const GET = route(ENDPOINTS.checkinRoster, async ({ ctx, query }) => ({ body: await checkinRoster(ctx, query) }));
