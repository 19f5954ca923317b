import type { Metadata } from "next";
import Link from "next/link";
import { StatusPill } from "@/components/registration/status-pill";
import { problemText } from "@/components/staff/form-errors";
import { one, pageParam, withQuery, type SearchParams } from "@/components/staff/search-params";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { isDomainError } from "@/lib/errors";
import { format, messages, type Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listMinistries, listProvinces } from "@/lib/reference/units";
import { getDelegation, type DelegationView, type Unit } from "@/lib/registration/delegation";
import type { Ctx } from "@/lib/context";
import { formatDateTime } from "@/components/staff/format";
import { SubmitButton } from "@/components/ui/submit-button";
import { contactBadgesState, getDelegationContact, type ContactBadgesState, type ContactView } from "@/lib/registration/contact";
import { saveContactAction, sendContactBadgesAction } from "./actions";
import { ContactForm } from "./contact-form";
import { MemberActions } from "./member-actions";
import { askedUnit, isUnitOfficer, portalHref, requirePortalUser, unitParam } from "./unit";

const DONE = ["added", "updated", "cancelled", "substituted"] as const;
/** Below 640 px each member is a block (name, category, status, badge, actions stacked): no sideways scrolling on a phone. */
const STACK_ROW = "max-sm:block max-sm:border-b max-sm:border-stone-200 max-sm:py-2";
const STACK_CELL = "max-sm:block max-sm:border-0 max-sm:py-1";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.portal.title };
}

/**
 * /portal — a province's or ministry's delegation (registrations.unit, own unit only; organisers may
 * open a unit with ?unit=province:22): places allotted, used and left, the members with their status
 * and badge, add / edit / substitute / cancel, and the list as CSV or XLSX.
 */
export default async function PortalPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const rawUnit = one(sp.unit);
  const { ctx, me } = await requirePortalUser(withQuery("/portal", { unit: rawUnit }));
  const t = messages(ctx.locale);
  const p = t.portal;
  const unit = askedUnit(me, rawUnit);
  const officer = isUnitOfficer(me);
  if (!officer && !unit) return <ChooseUnit ctx={ctx} t={t} />;

  let delegation: DelegationView;
  try {
    delegation = await getDelegation(ctx, unit);
  } catch (e) {
    if (!officer && isDomainError(e) && e.status === 422) return <ChooseUnit ctx={ctx} t={t} error />;
    throw e;
  }
  const [contact, contactBadges] = await Promise.all([getDelegationContact(ctx, unit), contactBadgesState(ctx, unit)]);
  const act = one(sp.act) === "cancel" ? pageParam(sp.id) : 0;
  const sentCount = pageParam(sp.sent);
  const doneParam = one(sp.done);
  const done = DONE.find((d) => d === doneParam);
  const doneMember = done ? delegation.members.find((m) => m.id === pageParam(sp.rid)) : undefined;
  const error = problemText(one(sp.error), ctx.locale);
  const full = delegation.left === 0;
  const exportQuery = officer ? {} : delegation.kind === "province" ? { province: delegation.code } : { ministry: delegation.code };
  const honorific = (m: { honorific: "ong" | "ba" }) => t.delegate.honorifics[m.honorific];

  return (
    <>
      <h1 className={ui.h1}>{p.title}</h1>
      <p className="mt-1 text-lg font-semibold" data-testid="delegation-name">{delegation.name}</p>
      <p className="mt-1 text-muted">{p.intro}</p>
      {!officer && <Notice tone="info" className="mt-4">{format(p.actingFor, { name: delegation.name })}</Notice>}
      {done && doneMember && (
        <Notice tone="success" className="mt-4">{format(p.done[done], { name: `${honorific(doneMember)} ${doneMember.fullName}` })}</Notice>
      )}
      {error && <Notice tone="error" className="mt-4">{error}</Notice>}
      {sentCount > 0 && contact && <Notice tone="success" className="mt-4">{format(t.contact.sent, { count: sentCount, email: contact.email })}</Notice>}

      <section aria-labelledby="quota-title" className={cx(ui.card, "mt-6")} data-testid="quota">
        <h2 id="quota-title" className={ui.h2}>{p.quotaTitle}</h2>
        <dl className="mt-3 grid grid-cols-3 gap-3 text-center">
          <Figure label={p.quota} value={delegation.quota ?? p.unlimited} testId="quota-total" />
          <Figure label={p.used} value={delegation.used} testId="quota-used" />
          <Figure label={p.left} value={delegation.left ?? p.unlimited} testId="quota-left" tone={full ? "full" : undefined} />
        </dl>
        <p className={ui.hint}>{p.quotaHint}</p>
        {delegation.quota === null && <p className="mt-2 text-sm">{p.noQuota}</p>}
        {full && <Notice tone="warning" className="mt-3">{format(p.full, { quota: delegation.quota ?? 0 })}</Notice>}
      </section>

      <ContactSection t={t} unit={unit} contact={contact} badges={contactBadges} confirming={one(sp.act) === "send"} />

      <div className="mt-6 flex flex-wrap items-center gap-3">
        {!full && <Link href={portalHref("/portal/add", unit)} className={cx(ui.button, ui.primary)}>{p.add}</Link>}
        {!full && officer && <Link href="/portal/import" className={cx(ui.button, ui.secondary)}>{t.importPage.title}</Link>}
        <p className="flex flex-wrap gap-3" role="group" aria-label={p.exportLabel}>
          {(["csv", "xlsx"] as const).map((f) => (
            <a key={f} href={withQuery("/api/v1/registrations/export", { ...exportQuery, format: f })} download className={cx(ui.button, ui.secondary)} data-testid={`export-${f}`}>
              {f === "csv" ? p.exportCsv : p.exportXlsx}
            </a>
          ))}
        </p>
      </div>

      <section aria-labelledby="members-title" className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="members-title" className={ui.h2}>{p.membersTitle}</h2>
          <p className="text-sm text-muted">{format(p.count, { total: delegation.members.length })}</p>
        </div>
        {delegation.members.length === 0 ? (
          <p className={cx(ui.card, "mt-3 text-muted")} data-testid="members-empty">{p.empty}</p>
        ) : (
          <div className={cx("mt-3", ui.tableScroll)} role="region" aria-labelledby="members-title" tabIndex={0}>
            <table className={cx(ui.table, "max-sm:min-w-0 sm:min-w-[48rem]")} data-testid="members">
              <thead className="max-sm:sr-only">
                <tr>
                  <th scope="col" className={ui.th}>{p.name}</th>
                  <th scope="col" className={ui.th}>{p.category}</th>
                  <th scope="col" className={ui.th}>{p.status}</th>
                  <th scope="col" className={ui.th}>{p.badge}</th>
                  <th scope="col" className={ui.th}>{p.actions}</th>
                </tr>
              </thead>
              <tbody>
                {delegation.members.map((m) => {
                  const name = `${honorific(m)} ${m.fullName}`;
                  return (
                    <tr key={m.id} data-registration-id={m.id} className={STACK_ROW}>
                      <th scope="row" className={cx(ui.td, STACK_CELL, "font-semibold")}>
                        {name}
                        <span className="block text-xs font-normal text-muted">{m.position} · {m.organisation}</span>
                        <span className="block break-all text-xs font-normal text-muted">{m.email ?? t.delegate.noEmail}</span>
                      </th>
                      <td className={cx(ui.td, STACK_CELL)}>
                        <span className="inline-flex items-center gap-2">
                          <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-full border border-stone-400" style={{ backgroundColor: m.badgeColour }} />
                          {m.categoryName}
                        </span>
                      </td>
                      <td className={cx(ui.td, STACK_CELL)}><StatusPill status={m.status} label={t.delegate.statuses[m.status]} /></td>
                      <td className={cx(ui.td, STACK_CELL)}>
                        {m.status === "confirmed" ? (
                          <Link href={portalHref(`/portal/badge/${m.id}`, unit)} aria-label={format(p.badgeFor, { name })} className={ui.link}>{p.badgeLink}</Link>
                        ) : (
                          <span className="text-muted">{p.noBadge}</span>
                        )}
                      </td>
                      <td className={cx(ui.td, STACK_CELL)}><MemberActions r={m} confirming={act === m.id} unit={unit} t={t} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/**
 * The delegation's contact person (who receives the badges of members without a personal email) and
 * sending those badges: how many wait, a confirmation step (?act=send), the last sending with its PDF.
 */
function ContactSection({ t, unit, contact, badges, confirming }: { t: Messages; unit: Unit | undefined; contact: ContactView | null; badges: ContactBadgesState; confirming: boolean }) {
  const c = t.contact;
  return (
    <section aria-labelledby="contact-title" className={cx(ui.card, "mt-6")} data-testid="contact">
      <h2 id="contact-title" className={ui.h2}>{c.title}</h2>
      <p className={ui.hint}>{c.intro}</p>
      {contact ? <p className="mt-2 text-sm" data-testid="contact-current">{format(c.current, { name: contact.name, email: contact.email })}</p> : <Notice tone="warning" className="mt-3">{c.none}</Notice>}
      <ContactForm
        action={saveContactAction.bind(null, unitParam(unit))} contact={contact}
        labels={{ name: c.name, position: c.position, email: c.email, phone: c.phone, required: t.delegate.required, optional: t.delegate.optional, save: c.save, saving: c.saving }}
      />
      <h3 className="mt-6 font-bold">{c.badgesTitle}</h3>
      <p className="mt-1 text-sm" data-testid="contact-pending">{badges.pending > 0 ? format(c.pending, { count: badges.pending }) : c.pendingNone}
        {badges.pending > 0 && badges.last && <> {format(c.unsent, { count: badges.unsent })}</>}</p>
      {badges.last && (
        <p className="mt-1 text-sm text-muted" data-testid="contact-last">
          {format(c.last, { time: formatDateTime(badges.last.at), count: badges.last.count, status: c.lastStatus[badges.last.status as keyof typeof c.lastStatus] ?? badges.last.status })}
          {badges.last.downloadUrl && <> · <a href={badges.last.downloadUrl} className={ui.link} download>{c.download}</a></>}
        </p>
      )}
      {badges.pending > 0 && contact && (confirming ? (
        <form action={sendContactBadgesAction.bind(null, unitParam(unit))} className="mt-3 rounded border border-amber-700 bg-amber-50 p-3" data-testid="contact-send-confirm">
          <p className="font-semibold">{format(c.sendConfirm, { count: badges.pending, email: contact.email })}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <SubmitButton pendingLabel={c.sending} autoFocus>{c.send}</SubmitButton>
            <Link href={portalHref("/portal", unit)} className={cx(ui.button, ui.secondary)}>{t.portal.back}</Link>
          </div>
        </form>
      ) : (
        <Link href={portalHref("/portal", unit, { act: "send" })} scroll={false} className={cx(ui.button, ui.secondary, "mt-3")}>{c.send}</Link>
      ))}
    </section>
  );
}

function Figure({ label, value, testId, tone }: { label: string; value: string | number; testId: string; tone?: "full" }) {
  return (
    <div className={cx("rounded border p-2", tone === "full" ? "border-red-700 bg-red-50 text-red-900" : "border-stone-200 bg-stone-50")}>
      <dt className="text-xs font-semibold text-muted sm:text-sm">{label}</dt>
      <dd className={cx("mt-1 font-bold", typeof value === "number" ? "text-lg sm:text-2xl" : "text-sm sm:text-base")} data-testid={testId}>{value}</dd>
    </div>
  );
}

/** Organisers without ?unit=: pick the province or ministry whose portal to open. */
async function ChooseUnit({ ctx, t, error }: { ctx: Ctx; t: Messages; error?: boolean }) {
  const p = t.portal;
  const [provinces, ministries] = await Promise.all([listProvinces(ctx), listMinistries(ctx)]);
  const options = [
    ...provinces.map((x) => ({ value: unitParam({ kind: "province", code: x.code } satisfies Unit)!, label: x.name })),
    ...ministries.map((x) => ({ value: unitParam({ kind: "ministry", code: x.code } satisfies Unit)!, label: x.name })),
  ];
  return (
    <>
      <h1 className={ui.h1}>{p.title}</h1>
      <section aria-labelledby="choose-title" className={cx(ui.card, "mt-6")}>
        <h2 id="choose-title" className={ui.h2}>{p.chooseUnitTitle}</h2>
        <p className={ui.hint}>{p.chooseUnitIntro}</p>
        <form method="get" action="/portal" className="mt-4 flex flex-wrap items-end gap-3">
          <SelectField name="unit" label={p.unit} options={options} className="min-w-64 flex-1" error={error ? t.fields.choice : undefined} />
          <button type="submit" className={cx(ui.button, ui.primary)}>{p.open}</button>
        </form>
      </section>
    </>
  );
}

