/** Small formatters for the client (the full catalogue module is not shipped to the scanner). */
const TZ = "Asia/Ho_Chi_Minh";

const timeFmt = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hour12: false });
const dayFmt = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, day: "2-digit", month: "2-digit" });

/** "19:32", or "19:32 16/12" when not today (in Hà Nội time). */
export function formatWhen(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameDay = dayFmt.format(d) === dayFmt.format(now);
  return sameDay ? timeFmt.format(d) : `${timeFmt.format(d)} ${dayFmt.format(d)}`;
}

/** "{name} …" templates, as in lib/i18n's format (kept here to keep the catalogue off the client). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
