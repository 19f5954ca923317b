import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { inviteDelegates, listInvitations } from "@/lib/registration/invitations";

export const GET = route(ENDPOINTS.listInvitations, async ({ ctx }) => ({ body: { items: await listInvitations(ctx) } }));
export const POST = route(ENDPOINTS.invite, async ({ ctx, body }) => ({ status: 201, body: await inviteDelegates(ctx, body) }));
