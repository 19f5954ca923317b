import Link from "next/link";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getDb } from "@/db/client";
import { getEventOverview, type EventOverview } from "@/lib/event/overview";
import { format, formatDate, formatLongDate, formatTime, type Locale, type Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

const PARTS = ["exhibition", "ceremony", "conference"] as const;
const AUDIENCES = [
  { key: "delegate", href: "/register" },
  { key: "unit", href: "/portal" },
  { key: "checkin", href: "/checkin" },
  { key: "organiser", href: "/admin" },
] as const;

export default async function LandingPage() {
  const { locale, t } = await getMessages();
  const { db } = await getDb();
  const event = await getEventOverview({ db, actor: { kind: "anonymous" }, now: new Date(), locale });
  return (
    <>
      <SiteHeader locale={locale} t={t} />
      <main id="main" className="mx-auto max-w-5xl px-4">
        <Hero event={event} locale={locale} t={t} />
        <section aria-labelledby="parts-title" className="mt-10">
          <h2 id="parts-title" className="text-xl font-bold text-brand-dark">{t.landing.partsTitle}</h2>
          <ol className="mt-4 grid gap-4 md:grid-cols-3">
            {PARTS.map((part, i) => (
              <li key={part} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <p className="text-sm font-semibold text-gold">{i + 1}</p>
                <h3 className="mt-1 font-bold">{t.landing.parts[part].title}</h3>
                {event && (
                  <p className="mt-1 text-sm font-medium text-brand">
                    <time dateTime={event[part].startsAt.toISOString()}>{formatDate(event[part].startsAt, event.timezone)} · {formatTime(event[part].startsAt, event.timezone)}</time>
                  </p>
                )}
                <p className="mt-2 text-sm text-muted">{t.landing.parts[part].text}</p>
              </li>
            ))}
          </ol>
        </section>
        <Agenda event={event} locale={locale} t={t} />
        <section aria-labelledby="audiences-title" className="mt-10">
          <h2 id="audiences-title" className="text-xl font-bold text-brand-dark">{t.landing.audiencesTitle}</h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {AUDIENCES.map(({ key, href }) => (
              <li key={key} className="flex flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <h3 className="font-bold">{t.landing.audiences[key].title}</h3>
                <p className="mt-1 flex-1 text-sm text-muted">{t.landing.audiences[key].text}</p>
                <Link href={href} prefetch={false} className="mt-3 inline-block self-start rounded bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
                  {t.landing.audiences[key].cta}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <SiteFooter t={t} />
    </>
  );
}

function Hero({ event, locale, t }: { event: EventOverview | null; locale: Locale; t: Messages }) {
  return (
    <section aria-labelledby="event-title" className="pt-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand">{t.landing.kicker}</p>
      <h1 id="event-title" className="mt-2 text-2xl font-extrabold leading-tight text-ink sm:text-4xl">{event?.name ?? t.meta.title}</h1>
      <p className="mt-2 text-muted">{t.common.programme}</p>
      {event && (
        <dl className="mt-6 grid gap-4 rounded-lg border-l-4 border-gold bg-white p-4 shadow-sm sm:grid-cols-2">
          <div>
            <dt className="text-sm font-semibold text-muted">{t.landing.when}</dt>
            <dd className="mt-1 font-semibold">
              {format(t.landing.dateRange, {
                ceremonyDate: formatLongDate(event.ceremony.startsAt, locale, event.timezone),
                conferenceDate: formatLongDate(event.conference.startsAt, locale, event.timezone),
              })}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-muted">{t.landing.where}</dt>
            <dd className="mt-1 font-semibold">{event.venue}</dd>
            <dd className="text-sm text-muted">{event.address}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function Agenda({ event, locale, t }: { event: EventOverview | null; locale: Locale; t: Messages }) {
  const byPart = PARTS.map((part) => ({ part, items: event?.agenda.filter((a) => a.part === part) ?? [] })).filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="agenda-title" className="mt-10">
      <h2 id="agenda-title" className="text-xl font-bold text-brand-dark">{t.landing.agendaTitle}</h2>
      {byPart.length === 0 || !event ? (
        <p className="mt-4 text-muted">{t.landing.agendaEmpty}</p>
      ) : (
        <div className="mt-4 grid gap-6 md:grid-cols-3">
          {byPart.map(({ part, items }) => (
            <div key={part}>
              <h3 className="font-bold">
                {t.parts[part]} — {formatLongDate(items[0]!.startsAt, locale, event.timezone)}
              </h3>
              <ol className="mt-2 space-y-2">
                {items.map((item) => (
                  <li key={`${item.startsAt.toISOString()}-${item.title}`} className="flex gap-3 text-sm">
                    <time dateTime={item.startsAt.toISOString()} className="w-12 shrink-0 font-semibold tabular-nums text-brand">{formatTime(item.startsAt, event.timezone)}</time>
                    <span>{item.title}</span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
