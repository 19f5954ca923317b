import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BADGE_PRINT_CSS, BadgeSheet } from "@/components/registration/badge-sheet";
import { PrintButton } from "@/components/registration/print-button";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { qrSvg } from "@/lib/badges/badge";
import { isDomainError } from "@/lib/errors";
import { getEventOverview } from "@/lib/event/overview";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { getBadgeCode, getRegistration } from "@/lib/registration/manage";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.desk.badgeTitle, referrer: "no-referrer" };
}

/** /checkin/desk/badge/<id> — a delegate's A6 badge for staff to print at the desk (checkin.supervise). */
export default async function DeskBadgePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id: raw }, sp] = await Promise.all([params, searchParams]);
  const { ctx } = await requirePageUser("checkin.supervise", `/checkin/desk/badge/${encodeURIComponent(raw)}`);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const t = messages(ctx.locale);
  const d = t.checkinAdmin.desk;
  const view = await getRegistration(ctx, id).catch((e: unknown) => (isDomainError(e) && e.status === 404 ? null : Promise.reject(e)));
  if (!view) notFound();
  const confirmed = view.status === "confirmed";
  const [svg, event] = await Promise.all([confirmed ? getBadgeCode(ctx, id).then(({ code }) => qrSvg(code)) : null, getEventOverview(ctx)]);
  return (
    <main id="main">
      <div className="print:hidden">
        <p><Link href="/checkin/desk" className={ui.link}>← {d.backToDesk}</Link></p>
        <h1 className={cx(ui.h1, "mt-2")}>{d.badgeTitle}</h1>
        {one(sp.reissued) && confirmed && <Notice tone="success" className="mt-3">{d.reissued}</Notice>}
      </div>
      {svg ? (
        <>
          <style>{BADGE_PRINT_CSS}</style>
          <div className="mt-3 mb-4 flex flex-wrap items-center gap-3 print:hidden">
            <PrintButton label={d.print} describedBy="print-hint" />
            <p id="print-hint" className="text-sm text-muted">{d.badgePrintHint}</p>
          </div>
          <BadgeSheet view={view} svg={svg} event={event} t={t} />
        </>
      ) : (
        <Notice tone="info" className="mt-4">{d.badgeNotConfirmed}</Notice>
      )}
    </main>
  );
}
