import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicShell } from "@/components/registration/public-shell";
import { StatusPill } from "@/components/registration/status-pill";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { getPageCtx } from "@/lib/auth/page";
import { isDomainError } from "@/lib/errors";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { registrationByManageToken } from "@/lib/registration/manage";
import { currentEvent, personalLinks } from "@/lib/registration/common";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.register.doneTitle, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** After registering (or accepting an invitation): the status, the email on its way, the badge and manage links. */
export default async function RegisterDonePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const found = await registrationByManageToken(ctx, token).catch((e: unknown) => (isDomainError(e) ? null : Promise.reject(e)));
  if (!found) notFound();
  const { view, row } = found;
  const links = personalLinks(row, await currentEvent(ctx.db));
  return (
    <PublicShell locale={ctx.locale} t={t} path={`/register/done/${token}`}>
      <h1 className={ui.h1}>{t.register.doneTitle}</h1>
      <p className="mt-3 flex flex-wrap items-center gap-2">
        <span className="font-semibold">{t.register.status}:</span>
        <StatusPill status={view.status} label={t.delegate.statuses[view.status]} testId="registration-status" />
      </p>
      <p className="mt-3 text-lg">{t.register.doneLead[view.status]}</p>
      <Notice tone="info" className="mt-4">{format(t.register.emailOnItsWay, { email: view.email ?? "" })}</Notice>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        {view.status === "confirmed" && (
          <Link href={`/badge/${links.badgeToken}`} prefetch={false} className={cx(ui.button, ui.primary)}>{t.register.badgeLink}</Link>
        )}
        <Link href={`/registration/${links.manageToken}`} prefetch={false} className={cx(ui.button, ui.secondary)}>{t.register.manageLink}</Link>
      </div>
      <p className="mt-6 text-sm text-muted">{t.register.keepLink}</p>
    </PublicShell>
  );
}
