import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DeskNav } from "@/components/checkin-admin/desk-nav";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { LanguageSwitch } from "@/components/staff/staff-nav";
import { getPageCtx } from "@/lib/auth/page";
import { messages } from "@/lib/i18n";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * Desk mode's frame inside /checkin: who is at the desk, the two desk tasks, the way back to the
 * scanner and the dashboard. Like the staff shell, it renders no frame for a reader without
 * the permission: the page itself redirects to sign-in or answers 403. Nothing of it prints.
 */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const ctx = await getPageCtx();
  if (ctx.actor.kind !== "user" || !ctx.actor.permissions.has("checkin.supervise")) return <>{children}</>;
  const me = ctx.actor;
  const t = messages(ctx.locale);
  const c = t.checkinAdmin;
  const items = [
    { href: "/checkin/desk/walk-in", label: c.desk.walkIn },
    { href: "/checkin/desk/lost", label: c.desk.lost },
    { href: "/checkin", label: c.nav.scanner, exact: true },
    ...(me.permissions.has("checkin.dashboard") ? [{ href: "/admin/checkin", label: c.nav.dashboard }] : []),
  ];
  return (
    <div className="flex flex-1 flex-col bg-stone-50 text-ink">
      <header className="bg-brand text-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <div className="min-w-0">
            <p className="text-lg font-bold">{c.desk.title}</p>
            <p className="text-sm">
              <span className="sr-only">{t.staff.signedInAs}: </span>
              <span className="font-semibold">{me.name}</span> · {t.roles[me.role]}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <LanguageSwitch other={ctx.locale === "vi" ? "en" : "vi"} text={t.common.switchTo} label={t.common.switchToLabel} />
            <SignOutButton label={t.staff.signOut} pendingLabel={t.staff.signingOut} />
          </div>
        </div>
        <div className="bg-brand-dark">
          <DeskNav items={items} label={c.desk.navLabel} />
        </div>
        <div className="h-1 bg-gold" />
      </header>
      <div id="desk" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 print:p-0">{children}</div>
    </div>
  );
}
