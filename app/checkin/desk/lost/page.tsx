import type { Metadata } from "next";
import Link from "next/link";
import { hhmm } from "@/components/checkin-admin/format";
import { StatusPill } from "@/components/registration/status-pill";
import { problemText } from "@/components/staff/form-errors";
import { one, withQuery, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RegistrationStatus } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/page";
import { listCheckpoints } from "@/lib/checkin/checkpoints";
import { searchForCheckin, type CheckinSearchItem } from "@/lib/checkin/search";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { reissueDeskAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.desk.lostTitle };
}

/**
 * /checkin/desk/lost — find the delegate who lost the badge (name without diacritics, or phone),
 * confirm, re-issue (the old code is refused from then on) and print. A plain GET form and links:
 * it works before any script has loaded.
 */
export default async function LostBadgePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { ctx } = await requirePageUser("checkin.supervise", withQuery("/checkin/desk/lost", { q: one(sp.q) }));
  const t = messages(ctx.locale);
  const d = t.checkinAdmin.desk;
  const q = one(sp.q)?.slice(0, 100);
  const confirm = Number(one(sp.confirm));
  const error = problemText(one(sp.error), ctx.locale);
  const tooShort = q !== undefined && q.length < 2;
  const [items, checkpoints] = await Promise.all([
    q && !tooShort ? searchForCheckin(ctx, { q }) : Promise.resolve<CheckinSearchItem[] | null>(null),
    listCheckpoints(ctx),
  ]);
  const cpName = new Map(checkpoints.map((c) => [c.code, c.name]));
  return (
    <main id="main" className="mx-auto max-w-3xl">
      <h1 className={ui.h1}>{d.lostTitle}</h1>
      <p className="mt-2 text-muted">{d.lostIntro}</p>
      {error && <Notice tone="error" className="mt-4">{error}</Notice>}
      <form method="get" action="/checkin/desk/lost" role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="desk-q" className={ui.label}>{d.search}</label>
          <input
            id="desk-q" name="q" type="search" defaultValue={q} autoComplete="off" autoFocus={!items} maxLength={100}
            className={cx(ui.input, "mt-1")} aria-invalid={tooShort ? true : undefined} aria-describedby={tooShort ? "desk-q-error" : undefined}
          />
          {tooShort && <p id="desk-q-error" className={ui.error}>{d.searchShort}</p>}
        </div>
        <button type="submit" className={cx(ui.button, ui.primary)}>{d.searchButton}</button>
      </form>

      {items && (
        <section aria-labelledby="results-title" className="mt-6">
          <h2 id="results-title" className={ui.h2}>{format(d.results, { count: items.length })}</h2>
          {items.length === 0 ? (
            <p className={cx(ui.card, "mt-3 text-muted")}>{d.noResults}</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {items.map((r) => {
                const status = r.status as RegistrationStatus;
                const back = withQuery("/checkin/desk/lost", { q });
                return (
                  <li key={r.id} id={`r-${r.id}`} className={ui.card} data-testid="desk-result">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="text-lg font-bold">{r.name}</p>
                        <p className="text-sm">{r.position} · {r.organisation}</p>
                        {r.delegation && <p className="text-sm font-semibold text-brand-dark">{r.delegation}</p>}
                        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                          <span className="inline-flex items-center gap-1.5">
                            <span aria-hidden="true" className="inline-block size-3 rounded-full border border-stone-400" style={{ backgroundColor: r.colour }} />
                            {r.category}
                          </span>
                          <StatusPill status={status} label={t.delegate.statuses[status] ?? r.status} />
                          <span className="text-muted">{format(d.phoneTail, { tail: r.phoneTail })}</span>
                        </p>
                        <p className="mt-1 text-sm text-muted">
                          {r.checkedIn ? format(d.checkedIn, { checkpoint: cpName.get(r.checkedIn.checkpoint) ?? r.checkedIn.checkpoint, time: hhmm(r.checkedIn.at) }) : d.notCheckedIn}
                        </p>
                      </div>
                      {status !== "confirmed" ? (
                        <p className="text-sm text-muted">{format(d.notConfirmed, { status: t.delegate.statuses[status] ?? r.status })}</p>
                      ) : confirm !== r.id ? (
                        <Link
                          href={`${withQuery("/checkin/desk/lost", { q, confirm: r.id })}#r-${r.id}`} scroll={false}
                          aria-label={format(d.reissueFor, { name: r.name })} className={cx(ui.button, ui.secondary)}
                        >
                          {d.reissue}
                        </Link>
                      ) : null}
                    </div>
                    {status === "confirmed" && confirm === r.id && (
                      <form action={reissueDeskAction} className="mt-3 rounded border-2 border-red-700 bg-red-50 p-3">
                        <input type="hidden" name="id" value={r.id} />
                        <input type="hidden" name="q" value={q} />
                        <p className="text-sm font-semibold text-red-950">{format(d.reissueConfirm, { name: r.name })}</p>
                        <div className="mt-3 flex flex-wrap gap-2">
                          <SubmitButton tone="danger" pendingLabel={d.reissuing} autoFocus>{d.reissueButton}</SubmitButton>
                          <Link href={back} scroll={false} className={cx(ui.button, ui.secondary)}>{d.cancel}</Link>
                        </div>
                      </form>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
