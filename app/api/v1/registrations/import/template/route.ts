import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { importTemplate } from "@/lib/registration/import";

export const GET = route(ENDPOINTS.importTemplate, async ({ ctx, query }) => new Response(await importTemplate(ctx, query), {
  headers: {
    "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="mau-nhap-dai-bieu.${query.format}"`, "Cache-Control": "no-store",
  },
}));
