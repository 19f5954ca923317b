import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n";

/** Persists the language choice in a cookie for a year and returns to the page the reader was on. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const next = req.nextUrl.searchParams.get("next") ?? "/";
  // Only same-site paths: "/x" but never "//evil.example" or "/\evil".
  const target = /^\/(?![/\\])[^\s]*$/.test(next) ? next : "/";
  const res = new NextResponse(null, { status: 303, headers: { Location: target } });
  if (isLocale(locale)) {
    res.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: false });
  }
  return res;
}
