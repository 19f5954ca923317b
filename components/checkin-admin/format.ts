/**
 * Small formatters for the check-in screens that also run in the browser (lib/i18n would bring both
 * message catalogues into the client bundle). Times are shown in Asia/Ho_Chi_Minh, dates dd/mm/yyyy.
 */
export type UiLocale = "vi" | "en";

const TZ = "Asia/Ho_Chi_Minh";
const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hour12: false });
const secondsFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" });

function valid(iso: string | Date | null | undefined): Date | null {
  if (!iso) return null;
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 19:30 */
export function hhmm(iso: string | Date | null | undefined): string {
  const d = valid(iso);
  return d ? timeFormat.format(d) : "—";
}

/** 19:30:05 */
export function hhmmss(iso: string | Date | null | undefined): string {
  const d = valid(iso);
  return d ? secondsFormat.format(d) : "—";
}

/** 17/12/2020 */
export function ddmmyyyy(iso: string | Date | null | undefined): string {
  const d = valid(iso);
  return d ? dateFormat.format(d) : "—";
}

/** 17/12/2020 19:30 */
export function dateTime(iso: string | Date | null | undefined): string {
  const d = valid(iso);
  return d ? `${dateFormat.format(d)} ${timeFormat.format(d)}` : "—";
}

/** "Kính gửi {name}" + { name } → "Kính gửi A". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

/** 2.956 (vi) / 2,956 (en). */
export function num(n: number, locale: UiLocale): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB").format(n);
}

/** 38,8% (vi) / 38.8% (en); "—" when nobody is registered. */
export function percent(part: number, whole: number, locale: UiLocale): string {
  if (whole <= 0) return "—";
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(part / whole);
}
