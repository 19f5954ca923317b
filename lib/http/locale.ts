import { hasSessionCookie } from "@/lib/auth/session";
import { LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n";

/**
 * The request's language, as the pages choose theirs: the reader's saved choice (the `locale`
 * cookie), else Vietnamese for a signed-in browser (pages are Vietnamese until the reader picks
 * English, so a page and the API it calls — a live stream, a download, an upload's report — speak
 * the same language); for API clients without a session, Accept-Language when it names vi or en,
 * else Vietnamese.
 */
export function requestLocale(headers: Headers): Locale {
  const cookie = headers.get("cookie") ?? "";
  const saved = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  if (saved && isLocale(saved)) return saved;
  if (hasSessionCookie(cookie)) return "vi";
  const accept = headers.get("accept-language")?.toLowerCase() ?? "";
  const first = accept.split(",").map((s) => s.trim().split(";")[0]!).find((l) => l.startsWith("vi") || l.startsWith("en"));
  return first?.startsWith("en") ? "en" : "vi";
}
