import { ENDPOINTS } from "@/lib/api/endpoints";
import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http/api";
import { badgeCodeByLink, getBadgeCode } from "@/lib/registration/manage";

export const GET = route(ENDPOINTS.getBadge, async ({ ctx, params, query }) => {
  if (query.token) {
    const { code, registration } = await badgeCodeByLink(ctx, query.token);
    if (registration.id !== params.id) throw new NotFoundError("registrations.not_found");
    return { body: { code } };
  }
  return { body: await getBadgeCode(ctx, params.id) };
});
