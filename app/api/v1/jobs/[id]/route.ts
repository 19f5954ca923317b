import { ENDPOINTS } from "@/lib/api/endpoints";
import { getJob } from "@/lib/badges/print";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.getJob, async ({ ctx, params }) => ({ body: await getJob(ctx, params.id) }));
