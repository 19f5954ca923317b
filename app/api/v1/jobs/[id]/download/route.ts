import { ENDPOINTS } from "@/lib/api/endpoints";
import { getJobFile } from "@/lib/badges/print";
import { route } from "@/lib/http/api";

export const GET = route(ENDPOINTS.downloadJobFile, async ({ ctx, params }) => {
  const file = await getJobFile(ctx, params.id);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType, "Content-Length": String(file.content.length),
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`, "Cache-Control": "private, no-store",
    },
  });
});
