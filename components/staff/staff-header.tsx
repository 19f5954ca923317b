import Link from "next/link";
import type { UserActor } from "@/lib/context";
import type { Locale, Messages } from "@/lib/i18n";
import { navItems } from "./nav";
import { SignOutButton } from "./sign-out-button";
import { LanguageSwitch, StaffNav } from "./staff-nav";

/** Check-in sections, by permission: the scanner, the welcome desk, the live dashboard, the doors' rules. */
function checkinItems(me: UserActor, t: Messages): { href: string; label: string }[] {
  const p = me.permissions;
  const n = t.checkinAdmin.nav;
  return [
    p.has("checkin.scan") && { href: "/checkin", label: n.scanner },
    p.has("checkin.supervise") && { href: "/checkin/desk", label: n.desk },
    p.has("checkin.dashboard") && { href: "/admin/checkin", label: n.dashboard },
    p.has("event.manage") && { href: "/admin/checkpoints", label: n.checkpoints },
  ].filter((x): x is { href: string; label: string } => Boolean(x));
}

/** The signed-in header: who is signed in (name, role, unit), the sections their role may use, language, sign-out. */
export function StaffHeader({ me, unit, locale, t }: { me: UserActor; unit: string | null; locale: Locale; t: Messages }) {
  const base = navItems(me.permissions).map((i) => ({ href: i.href, label: t.staff.nav[i.key] }));
  // The account link stays last.
  const items = [...base.slice(0, -1), ...checkinItems(me, t), ...base.slice(-1)];
  const other: Locale = locale === "vi" ? "en" : "vi";
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <div className="min-w-0">
          <Link href="/" prefetch={false} className="text-sm font-semibold uppercase tracking-wide text-amber-200 hover:underline">
            {t.staff.brand}
          </Link>
          <p className="mt-1 text-sm" data-testid="staff-user">
            <span className="sr-only">{t.staff.signedInAs}: </span>
            <span className="font-semibold">{me.name}</span>
            <span aria-hidden="true"> · </span>
            <span data-testid="staff-role">{t.roles[me.role]}</span>
            {unit && (
              <>
                <span aria-hidden="true"> · </span>
                <span data-testid="staff-unit">{unit}</span>
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <LanguageSwitch other={other} text={t.common.switchTo} label={t.common.switchToLabel} />
          <SignOutButton label={t.staff.signOut} pendingLabel={t.staff.signingOut} />
        </div>
      </div>
      <div className="bg-brand-dark">
        <StaffNav items={items} label={t.staff.navLabel} />
      </div>
      <div className="h-1 bg-gold" />
    </header>
  );
}
