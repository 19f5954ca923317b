import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/registration/print-button";
import { PublicShell } from "@/components/registration/public-shell";
import { StatusPill } from "@/components/registration/status-pill";
import { Notice } from "@/components/ui/notice";
import { ui } from "@/components/ui/styles";
import { getPageCtx } from "@/lib/auth/page";
import { qrSvg } from "@/lib/badges/badge";
import { isDomainError } from "@/lib/errors";
import { getEventOverview } from "@/lib/event/overview";
import { format, formatDate, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { badgeCodeByLink } from "@/lib/registration/manage";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.badge.title, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** Black or white text, whichever reads better on the category colour (#rrggbb). */
function inkOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.35 ? "#111111" : "#ffffff";
}

// A6 portrait (105 × 148 mm), edge to edge, in millimetres; the explicit size first for browsers without the A6 keyword.
// The screen version is the same card at phone width.
const PRINT_CSS = `
@page { size: 105mm 148mm; size: A6; margin: 0; }
@media print {
  html, body { background: #fff !important; margin: 0; }
  .badge-controls { display: none !important; }
  .badge-sheet { width: 105mm !important; height: 148mm !important; max-width: none !important; margin: 0 !important; border: 0 !important; border-radius: 0 !important; box-shadow: none !important; overflow: hidden; break-inside: avoid; page-break-after: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .badge-top { padding: 5mm 6mm 3mm !important; }
  .badge-ministry { font-size: 2.6mm !important; }
  .badge-event { font-size: 3mm !important; line-height: 1.25 !important; }
  .badge-band { height: 11mm !important; font-size: 5mm !important; }
  .badge-body { padding: 3mm 6mm !important; }
  .badge-name { font-size: 6.5mm !important; line-height: 1.15 !important; }
  .badge-meta { font-size: 3.5mm !important; line-height: 1.3 !important; }
  .badge-qr { width: 46mm !important; height: 46mm !important; margin-top: 2mm !important; }
  .badge-foot { height: 9mm !important; font-size: 3.2mm !important; }
}`;

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
  const ink = inkOn(view.badgeColour);
  const dates = event ? format(t.badge.dates, { ceremony: formatDate(event.ceremony.startsAt, event.timezone), conference: formatDate(event.conference.startsAt, event.timezone) }) : null;

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
      <style>{PRINT_CSS}</style>
      <div className="badge-controls mb-4">
        <h1 className={ui.h1}>{t.badge.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <PrintButton label={t.badge.print} describedBy="print-hint" />
          <p id="print-hint" className="text-sm text-muted">{t.badge.printHint}</p>
        </div>
      </div>
      <article
        aria-label={t.badge.title}
        className="badge-sheet mx-auto flex w-full max-w-[24rem] flex-col overflow-hidden rounded-lg border border-stone-300 bg-white text-center shadow-md"
      >
        <header className="badge-top px-5 pt-5 pb-3">
          <p className="badge-ministry text-[0.7rem] font-semibold uppercase tracking-wide text-brand">{t.common.ministry}</p>
          {event && <p className="badge-event mt-1 text-sm font-bold leading-snug">{event.name}</p>}
          {dates && <p className="badge-event mt-1 text-xs text-muted">{dates} · {event?.city}</p>}
        </header>
        <div className="badge-band flex h-12 items-center justify-center px-3 text-lg font-extrabold uppercase tracking-widest" style={{ backgroundColor: view.badgeColour, color: ink }}>
          {t.badge.delegate}
        </div>
        <div className="badge-body flex flex-1 flex-col items-center px-5 py-4">
          <p className="badge-name text-2xl font-extrabold leading-tight" data-testid="badge-name">
            {t.delegate.honorifics[view.honorific]} {view.fullName}
          </p>
          <p className="badge-meta mt-2 font-semibold">{view.position}</p>
          <p className="badge-meta">{view.organisation}</p>
          {view.delegation && <p className="badge-meta mt-1 font-semibold text-brand-dark">{view.delegation}</p>}
          {svg && (
            <div
              role="img"
              aria-label={t.badge.qrAlt}
              data-testid="badge-qr"
              className="badge-qr mt-3 size-56 [&>svg]:block [&>svg]:size-full"
              // The SVG is made on the server by the qrcode library from the signed digits only.
              dangerouslySetInnerHTML={{ __html: svg }}
            />
          )}
        </div>
        <footer className="badge-foot flex h-10 items-center justify-center px-3 text-sm font-bold" style={{ backgroundColor: view.badgeColour, color: ink }}>
          {view.categoryName}
        </footer>
      </article>
    </PublicShell>
  );
}
