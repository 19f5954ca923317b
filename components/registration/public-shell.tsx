import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import type { Locale, Messages } from "@/lib/i18n";

/** The frame of the delegates' public pages: header with the language switch back to `path`, a narrow main column, footer. */
export function PublicShell({ locale, t, path, children, wide }: { locale: Locale; t: Messages; path: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className="flex min-h-screen flex-col">
      <div className="print:hidden">
        <SiteHeader locale={locale} t={t} path={path} />
      </div>
      <main id="main" className={`mx-auto w-full flex-1 px-4 py-6 sm:py-10 print:p-0 ${wide ? "max-w-4xl" : "max-w-2xl"}`}>{children}</main>
      <div className="print:hidden">
        <SiteFooter t={t} />
      </div>
    </div>
  );
}
