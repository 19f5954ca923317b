import Link from "next/link";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { LanguageSwitch } from "@/components/staff/staff-nav";
import type { Locale } from "@/lib/i18n";
import type { ScannerMessages } from "@/messages/sections/scanner.vi";

/** The scanner's own slim header: who is scanning, language, sign-out; links to desk mode for supervisors. */
export function ScannerHeader({
  name, locale, t, switchTo, switchToLabel, desk,
}: {
  name: string;
  locale: Locale;
  t: ScannerMessages;
  switchTo: string;
  switchToLabel: string;
  desk: { href: string; label: string } | null;
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
        {desk && (
          <Link href={desk.href} prefetch={false} className="inline-flex min-h-11 items-center rounded px-2 text-sm font-medium underline-offset-2 hover:underline">
            {desk.label}
          </Link>
        )}
        <LanguageSwitch other={locale === "vi" ? "en" : "vi"} text={switchTo} label={switchToLabel} />
        <SignOutButton label={t.signOut} pendingLabel={t.signingOut} />
      </div>
    </header>
  );
}
