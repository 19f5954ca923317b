import { ScannerSignOut } from "./sign-out";
import { LanguageSwitch } from "@/components/staff/staff-nav";
import type { Locale } from "@/lib/i18n";
import type { ScannerMessages } from "@/messages/sections/scanner.vi";

/** The scanner's own slim header: who is scanning, language, sign-out (one row on a 360 px phone). */
export function ScannerHeader({
  name, locale, t, switchTo, switchToLabel,
}: {
  name: string;
  locale: Locale;
  t: ScannerMessages;
  switchTo: string;
  switchToLabel: string;
}) {
  return (
    <header className="bg-brand-dark text-white">
      <div className="mx-auto flex max-w-5xl items-center gap-2 px-3 py-1.5">
        <div className="min-w-0 flex-1">
          <p className="truncate text-xs font-semibold uppercase tracking-wide text-amber-200">{t.brand}</p>
          <p className="truncate text-sm" data-testid="scanner-user">
            <span className="sr-only">{t.signedInAs}: </span>
            <span className="font-semibold">{name}</span>
          </p>
        </div>
        <LanguageSwitch other={locale === "vi" ? "en" : "vi"} text={switchTo} label={switchToLabel} />
        <ScannerSignOut label={t.signOut} pendingLabel={t.signingOut} />
      </div>
    </header>
  );
}
