import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { ui } from "@/components/ui/styles";
import type { Locale, Messages } from "@/lib/i18n";

/** The frame of the sign-in, password-reset and 403 pages: public header, one centred card, footer. */
export function AuthShell({ locale, t, path, title, children }: { locale: Locale; t: Messages; path: string; title: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader locale={locale} t={t} path={path} />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-8 sm:py-12">
        <div className={ui.card}>
          <h1 className={ui.h1}>{title}</h1>
          <div className="mt-4">{children}</div>
        </div>
      </main>
      <SiteFooter t={t} />
    </div>
  );
}
