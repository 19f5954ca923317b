import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { revokeInvitation } from "@/lib/registration/invitations";

export const POST = route(ENDPOINTS.revokeInvitation, async ({ ctx, params }) => ({ body: await revokeInvitation(ctx, params.id) }));
