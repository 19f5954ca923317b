import { LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n";

/**
 * The request's language: the reader's saved choice (the `locale` cookie the pages use, so a page
 * and the API it calls — a live stream, a download — speak the same language), else
 * Accept-Language when it names vi or en, else Vietnamese.
 */
export function requestLocale(headers: Headers): Locale {
  const cookie = headers.get("cookie") ?? "";
  const saved = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  if (saved && isLocale(saved)) return saved;
  const accept = headers.get("accept-language")?.toLowerCase() ?? "";
  const first = accept.split(",").map((s) => s.trim().split(";")[0]!).find((l) => l.startsWith("vi") || l.startsWith("en"));
  return first?.startsWith("en") ? "en" : "vi";
}
