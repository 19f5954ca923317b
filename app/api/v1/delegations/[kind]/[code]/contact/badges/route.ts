import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { sendContactBadges } from "@/lib/registration/contact";

export const POST = route(ENDPOINTS.sendContactBadges, async ({ ctx, params }) => {
  const out = await sendContactBadges(ctx, params);
  return { status: 202, body: out, headers: { Location: `/api/v1/jobs/${out.jobId}` } };
});
