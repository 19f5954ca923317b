import { LOCALE_COOKIE, toLocale, type Locale } from "@/lib/i18n";

/** The request's language: Accept-Language when it names vi or en, else the saved choice, else Vietnamese. */
export function requestLocale(headers: Headers): Locale {
  const accept = headers.get("accept-language")?.toLowerCase() ?? "";
  const first = accept.split(",").map((s) => s.trim().split(";")[0]!).find((l) => l.startsWith("vi") || l.startsWith("en"));
  if (first) return first.startsWith("en") ? "en" : "vi";
  const cookie = headers.get("cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie);
  return toLocale(m?.[1]);
}
