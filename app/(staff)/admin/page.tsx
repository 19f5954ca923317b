import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { cx, ui } from "@/components/ui/styles";
import { getPageCtx } from "@/lib/auth/page";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.dashboardTitle };
}

/** The console's front page: links to the sections the user may open (users.read or audit.read). */
export default async function AdminHome() {
  const ctx = await getPageCtx();
  if (ctx.actor.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent("/admin")}`);
  const p = ctx.actor.permissions;
  if (!p.has("users.read") && !p.has("audit.read")) forbidden();
  const { t } = await getMessages();
  const sections = [
    p.has("users.read") && { href: "/admin/users", title: t.staff.nav.users, text: p.has("users.manage") ? t.staff.sections.users : t.staff.sections.usersReadOnly },
    p.has("audit.read") && { href: "/admin/audit", title: t.staff.nav.audit, text: t.staff.sections.audit },
    p.has("checkin.dashboard") && { href: "/admin/checkin", title: t.checkinAdmin.nav.dashboard, text: t.checkinAdmin.sections.dashboard },
    p.has("event.manage") && { href: "/admin/checkpoints", title: t.checkinAdmin.nav.checkpoints, text: t.checkinAdmin.sections.checkpoints },
    p.has("checkin.scan") && { href: "/checkin", title: t.checkinAdmin.nav.scanner, text: t.checkinAdmin.sections.scanner },
    p.has("checkin.supervise") && { href: "/checkin/desk", title: t.checkinAdmin.nav.desk, text: t.checkinAdmin.sections.desk },
    { href: "/account", title: t.staff.nav.account, text: t.staff.sections.account },
  ].filter((s): s is { href: string; title: string; text: string } => Boolean(s));
  return (
    <>
      <h1 className={ui.h1}>{t.staff.dashboardTitle}</h1>
      <p className="mt-1 text-muted">{t.staff.dashboardIntro}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className={cx(ui.card, "block h-full hover:border-brand focus-visible:border-brand")}>
              <h2 className={ui.h2}>{s.title}</h2>
              <p className="mt-1 text-sm text-muted">{s.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
