import { ENDPOINTS } from "@/lib/api/endpoints";
import { updateCategory } from "@/lib/categories/categories";
import { route } from "@/lib/http/api";

export const PATCH = route(ENDPOINTS.updateCategory, async ({ ctx, params, body }) => ({ body: await updateCategory(ctx, params.code, body) }));
