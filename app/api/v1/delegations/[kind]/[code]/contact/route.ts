import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { contactBadgesState, getDelegationContact, setDelegationContact } from "@/lib/registration/contact";

export const GET = route(ENDPOINTS.getDelegationContact, async ({ ctx, params }) => ({
  body: { contact: await getDelegationContact(ctx, params), badges: await contactBadgesState(ctx, params) },
}));

export const PUT = route(ENDPOINTS.setDelegationContact, async ({ ctx, params, body }) => ({ body: await setDelegationContact(ctx, body, params) }));
