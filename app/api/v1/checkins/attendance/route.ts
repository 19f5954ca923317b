import { ENDPOINTS } from "@/lib/api/endpoints";
import { attendanceByDelegation, attendanceCsv, attendanceXlsx } from "@/lib/checkin";
import { route } from "@/lib/http/api";

const stamp = () => new Date().toISOString().slice(0, 10);

export const GET = route(ENDPOINTS.checkinAttendance, async ({ ctx, query }) => {
  if (query.format === "csv") {
    return new Response(await attendanceCsv(ctx), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="diem-danh-theo-doan-${stamp()}.csv"`, "Cache-Control": "no-store" },
    });
  }
  if (query.format === "xlsx") {
    return new Response(await attendanceXlsx(ctx), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="diem-danh-theo-doan-${stamp()}.xlsx"`, "Cache-Control": "no-store",
      },
    });
  }
  return { body: await attendanceByDelegation(ctx) };
});
