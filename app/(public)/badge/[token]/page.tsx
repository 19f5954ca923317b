import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BADGE_PRINT_CSS, BadgeSheet } from "@/components/registration/badge-sheet";
import { PrintButton } from "@/components/registration/print-button";
import { PublicShell } from "@/components/registration/public-shell";
import { StatusPill } from "@/components/registration/status-pill";
import { Notice } from "@/components/ui/notice";
import { ui } from "@/components/ui/styles";
import { getPageCtx } from "@/lib/auth/page";
import { qrSvg } from "@/lib/badges/badge";
import { isDomainError } from "@/lib/errors";
import { getEventOverview } from "@/lib/event/overview";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { badgeCodeByLink } from "@/lib/registration/manage";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.badge.title, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * /badge/<token> — the delegate's badge: name, position, unit, delegation, the category's colour, the
 * signed QR code (server-rendered SVG; the code itself appears nowhere else on the page), event name
 * and dates, a print button and A6 print CSS. An unconfirmed registration shows its status instead.
 */
export default async function BadgePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const found = await badgeCodeByLink(ctx, token).catch((e: unknown) => (isDomainError(e) ? null : Promise.reject(e)));
  if (!found) notFound();
  const { code, registration: view } = found;
  const event = await getEventOverview(ctx);
  const confirmed = view.status === "confirmed";
  const svg = confirmed ? await qrSvg(code) : null;

  if (!confirmed) {
    return (
      <PublicShell locale={ctx.locale} t={t} path={`/badge/${token}`}>
        <h1 className={ui.h1}>{t.badge.title}</h1>
        <p className="mt-4 flex flex-wrap items-center gap-2">
          <span className="font-semibold">{t.register.status}:</span>
          <StatusPill status={view.status} label={t.delegate.statuses[view.status]} testId="registration-status" />
        </p>
        <Notice tone="info" className="mt-4">{t.badge.notConfirmed}</Notice>
      </PublicShell>
    );
  }

  return (
    <PublicShell locale={ctx.locale} t={t} path={`/badge/${token}`}>
      <style>{BADGE_PRINT_CSS}</style>
      <div className="badge-controls mb-4">
        <h1 className={ui.h1}>{t.badge.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <PrintButton label={t.badge.print} describedBy="print-hint" />
          <p id="print-hint" className="text-sm text-muted">{t.badge.printHint}</p>
        </div>
      </div>
      {svg && <BadgeSheet view={view} svg={svg} event={event} t={t} />}
    </PublicShell>
  );
}
