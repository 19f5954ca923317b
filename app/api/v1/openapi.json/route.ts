import { ENDPOINTS } from "@/lib/api/endpoints";
import { buildOpenApi } from "@/lib/api/openapi";
import { route } from "@/lib/http/api";

let cached: Record<string, unknown> | null = null;

export const GET = route(ENDPOINTS.openapi, async () => ({ body: (cached ??= buildOpenApi()) }));
