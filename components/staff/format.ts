import { formatDate, formatTime } from "@/lib/i18n";

/** 17/12/2020 19:30 in Asia/Ho_Chi_Minh, for tables in both languages. */
export function formatDateTime(iso: string | Date | null | undefined, empty = "—"): string {
  if (!iso) return empty;
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return empty;
  return `${formatDate(d)} ${formatTime(d)}`;
}
