import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { addDelegationMember } from "@/lib/registration/delegation";

export const POST = route(ENDPOINTS.addDelegationMember, async ({ ctx, body }) => ({ status: 201, body: await addDelegationMember(ctx, body) }));
