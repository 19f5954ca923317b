import { ENDPOINTS } from "@/lib/api/endpoints";
import { listAudit } from "@/lib/audit/list";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.listAudit, async ({ ctx, query }) => ({ body: await listAudit(ctx, query) }));
