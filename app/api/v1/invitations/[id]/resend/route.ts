import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { resendInvitation } from "@/lib/registration/invitations";

export const POST = route(ENDPOINTS.resendInvitation, async ({ ctx, params }) => ({ body: await resendInvitation(ctx, params.id) }));
