import { ENDPOINTS } from "@/lib/api/endpoints";
import { requestBadgePrint } from "@/lib/badges/print";
import { route } from "@/lib/http/api";

export const POST = route(ENDPOINTS.printBadges, async ({ ctx, body }) => {
  const { jobId, count } = await requestBadgePrint(ctx, body);
  return { status: 202, body: { jobId, count }, headers: { Location: `/api/v1/jobs/${jobId}` } };
});
