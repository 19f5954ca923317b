import { ENDPOINTS } from "@/lib/api/endpoints";
import { listConflicts } from "@/lib/checkin";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.listConflicts, async ({ ctx }) => ({ body: await listConflicts(ctx) }));
