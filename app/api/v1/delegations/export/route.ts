import { ENDPOINTS } from "@/lib/api/endpoints";
import { route } from "@/lib/http/api";
import { exportDelegations } from "@/lib/registration/delegation-list";

export const GET = route(ENDPOINTS.exportDelegations, async ({ ctx, query }) => {
  const { format, stream } = await exportDelegations(ctx, query);
  const name = `doan-dai-bieu-${new Date().toISOString().slice(0, 10)}.${format}`;
  return new Response(stream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store",
    },
  });
});
