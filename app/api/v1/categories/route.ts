import { ENDPOINTS } from "@/lib/api/endpoints";
import { listCategories } from "@/lib/categories/categories";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.listCategories, async ({ ctx }) => ({ body: { items: await listCategories(ctx) } }));
