import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { delegationSummaries } from "@/lib/registration/delegation-list";

export const GET = route(ENDPOINTS.listDelegations, async ({ ctx }) => ({ body: { items: await delegationSummaries(ctx) } }));
