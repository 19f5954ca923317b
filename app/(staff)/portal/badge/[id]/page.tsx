import type { Metadata } from "next";
import Link from "next/link";
import { BADGE_PRINT_CSS, BadgeSheet } from "@/components/registration/badge-sheet";
import { PrintButton } from "@/components/registration/print-button";
import { one, withQuery, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { qrSvg } from "@/lib/badges/badge";
import { getEventOverview } from "@/lib/event/overview";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { getBadgeCode } from "@/lib/registration/manage";
import { askedUnit, memberOr404, portalHref, requirePortalUser } from "../../unit";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.portal.badgeTitle, referrer: "no-referrer" };
}

/** /portal/badge/<id> — a member's A6 badge for the delegation's officer to print (another unit's member: 403). */
export default async function PortalBadgePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id: raw }, sp] = await Promise.all([params, searchParams]);
  const rawUnit = one(sp.unit);
  const { ctx, me } = await requirePortalUser(withQuery(`/portal/badge/${encodeURIComponent(raw)}`, { unit: rawUnit }));
  const t = messages(ctx.locale);
  const p = t.portal;
  const unit = askedUnit(me, rawUnit);
  const view = await memberOr404(ctx, raw);
  const confirmed = view.status === "confirmed";
  const [svg, event] = await Promise.all([confirmed ? getBadgeCode(ctx, view.id).then(({ code }) => qrSvg(code)) : null, getEventOverview(ctx)]);
  return (
    <>
      <div className="print:hidden">
        <p><Link href={portalHref("/portal", unit)} className={ui.link}>← {p.backToPortal}</Link></p>
        <h1 className={cx(ui.h1, "mt-2")}>{p.badgeTitle}</h1>
      </div>
      {svg ? (
        <>
          <style>{BADGE_PRINT_CSS}</style>
          <div className="mt-3 mb-4 flex flex-wrap items-center gap-3 print:hidden">
            <PrintButton label={p.print} describedBy="print-hint" />
            <p id="print-hint" className="text-sm text-muted">{p.printHint}</p>
          </div>
          <BadgeSheet view={view} svg={svg} event={event} t={t} />
        </>
      ) : (
        <Notice tone="info" className="mt-4">{p.badgeNotConfirmed}</Notice>
      )}
    </>
  );
}
