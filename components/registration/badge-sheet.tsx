import type { EventOverview } from "@/lib/event/overview";
import { format, formatDate, type Messages } from "@/lib/i18n";
import type { RegistrationView } from "@/lib/registration/schemas";

/** Black or white text, whichever reads better on the category colour (#rrggbb). */
export function inkOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.35 ? "#111111" : "#ffffff";
}

/**
 * A6 portrait (105 × 148 mm) edge to edge. Only the badge prints, whatever layout surrounds it
 * (the desk sits inside the scanner's layout): everything else is hidden and the sheet is placed
 * at the page's corner.
 */
export const BADGE_PRINT_CSS = `
@page { size: 105mm 148mm; size: A6; margin: 0; }
@media print {
  html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; height: 148mm !important; overflow: hidden !important; }
  body * { visibility: hidden !important; }
  .badge-sheet, .badge-sheet * { visibility: visible !important; }
  .badge-sheet { position: fixed !important; left: 0 !important; top: 0 !important; width: 105mm !important; height: 148mm !important; max-width: none !important; margin: 0 !important; border: 0 !important; border-radius: 0 !important; box-shadow: none !important; overflow: hidden; break-inside: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
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
 * The delegate's badge as staff print it at the desk: the same card as the delegate's own badge page
 * (/badge/<token>): event, category colour band, name, position, unit, delegation, the signed QR
 * (server-rendered SVG from the digits only) and the category name.
 */
export function BadgeSheet({ view, svg, event, t }: { view: RegistrationView; svg: string; event: EventOverview | null; t: Messages }) {
  const ink = inkOn(view.badgeColour);
  const dates = event ? format(t.badge.dates, { ceremony: formatDate(event.ceremony.startsAt, event.timezone), conference: formatDate(event.conference.startsAt, event.timezone) }) : null;
  return (
    <article
      aria-label={t.badge.title}
      className="badge-sheet mx-auto flex w-full max-w-[24rem] flex-col overflow-hidden rounded-lg border border-stone-300 bg-white text-center text-ink shadow-md"
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
        <div
          role="img"
          aria-label={t.badge.qrAlt}
          data-testid="badge-qr"
          className="badge-qr mt-3 size-56 [&>svg]:block [&>svg]:size-full"
          // The SVG is made on the server by the qrcode library from the signed digits only.
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </div>
      <footer className="badge-foot flex h-10 items-center justify-center px-3 text-sm font-bold" style={{ backgroundColor: view.badgeColour, color: ink }}>
        {view.categoryName}
      </footer>
    </article>
  );
}
