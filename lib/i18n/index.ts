import en from "@/messages/en";
import vi, { type Messages } from "@/messages/vi";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
export const LOCALE_COOKIE = "locale";

const catalogues: Record<Locale, Messages> = { vi, en };

export function isLocale(value: unknown): value is Locale {
  return value === "vi" || value === "en";
}

export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/** "Kính gửi {name}," + { name } → "Kính gửi Ông A,". Unknown placeholders stay visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

const TZ = "Asia/Ho_Chi_Minh";

/** 17/12/2020 — DOMAIN.md: dates dd/mm/yyyy in Asia/Ho_Chi_Minh, in both languages. */
export function formatDate(d: Date, timeZone = TZ): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")}`;
}

/** 19:30 */
export function formatTime(d: Date, timeZone = TZ): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hour12: false }).format(d);
}

/** Vietnamese weekday + date: "Thứ Năm, 17/12/2020"; English: "Thursday, 17/12/2020". */
export function formatLongDate(d: Date, locale: Locale, timeZone = TZ): string {
  const weekday = new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { timeZone, weekday: "long" }).format(d);
  const cap = weekday.charAt(0).toUpperCase() + weekday.slice(1);
  return `${cap}, ${formatDate(d, timeZone)}`;
}

/** 2.956 and 38,8 in Vietnamese; 2,956 and 38.8 in English. */
export function formatNumber(n: number, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
}

export type { Messages };
