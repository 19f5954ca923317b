import Link from "next/link";
import type { Locale, Messages } from "@/lib/i18n";

/** Public header: ministry line, home link and the language switch (a plain link: no client JS). */
export function SiteHeader({ locale, t, path = "/" }: { locale: Locale; t: Messages; path?: string }) {
  const other: Locale = locale === "vi" ? "en" : "vi";
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-sm font-semibold uppercase tracking-wide text-amber-200 hover:underline">
          {t.common.ministry}
        </Link>
        <nav aria-label={t.common.language}>
          <a
            href={`/lang/${other}?next=${encodeURIComponent(path)}`}
            hrefLang={other}
            lang={other}
            aria-label={t.common.switchToLabel}
            className="rounded border border-white/60 px-3 py-1 text-sm font-medium hover:bg-white/10"
          >
            {t.common.switchTo}
          </a>
        </nav>
      </div>
      <div className="h-1 bg-gold" />
    </header>
  );
}
