import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { toCategoryChoice } from "@/components/registration/category-choice";
import { DelegateForm } from "@/components/registration/delegate-form";
import { delegateFormLabels } from "@/components/registration/labels";
import { PublicShell } from "@/components/registration/public-shell";
import { RegistrationDetails } from "@/components/registration/registration-details";
import { StatusPill } from "@/components/registration/status-pill";
import { problemText } from "@/components/staff/form-errors";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { getPageCtx } from "@/lib/auth/page";
import { isDomainError } from "@/lib/errors";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { currentEvent, personalLinks } from "@/lib/registration/common";
import { registrationByManageToken } from "@/lib/registration/manage";
import { cancelByTokenAction, updateByTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.manage.title, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

const ACTIVE = new Set(["pending", "confirmed", "waitlisted"]);

/**
 * /registration/<token> — the delegate's personal manage link (no account): status, details, badge,
 * calendar file, editing the allowed fields and cancelling (with a confirmation step: ?confirm=cancel).
 */
export default async function ManageRegistrationPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: SearchParams }) {
  const [{ token }, sp] = await Promise.all([params, searchParams]);
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const found = await registrationByManageToken(ctx, token).catch((e: unknown) => (isDomainError(e) ? null : Promise.reject(e)));
  if (!found) notFound();
  const { view, row, category } = found;
  const links = personalLinks(row, await currentEvent(ctx.db));
  const cat = toCategoryChoice(category, ctx.locale);
  const active = ACTIVE.has(view.status);
  const notice = one(sp.notice);
  const error = problemText(one(sp.error), ctx.locale);
  const confirming = active && one(sp.confirm) === "cancel";
  const path = `/registration/${token}`;

  return (
    <PublicShell locale={ctx.locale} t={t} path={path}>
      <h1 className={ui.h1}>{t.manage.title}</h1>
      {notice === "saved" && <Notice tone="success" className="mt-4">{t.manage.saved}</Notice>}
      {notice === "cancelled" && <Notice tone="success" className="mt-4">{t.manage.cancelled}</Notice>}
      {error && <Notice tone="error" className="mt-4">{error}</Notice>}

      <section aria-labelledby="status-title" className={cx(ui.card, "mt-6")}>
        <h2 id="status-title" className={ui.h2}>{t.manage.statusTitle}</h2>
        <p className="mt-2"><StatusPill status={view.status} label={t.delegate.statuses[view.status]} testId="registration-status" /></p>
        <p className="mt-2">{t.manage.statusText[view.status]}</p>
        {view.status === "rejected" && view.rejectionReason && <p className="mt-1 text-sm">{format(t.manage.reason, { reason: view.rejectionReason })}</p>}
        {active && (
          <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            {view.status === "confirmed" && <Link href={`/badge/${links.badgeToken}`} prefetch={false} className={cx(ui.button, ui.primary)}>{t.manage.badge}</Link>}
            <a href={`${path}/calendar.ics`} download className={cx(ui.button, ui.secondary)} aria-describedby="calendar-hint">{t.manage.calendar}</a>
          </div>
        )}
        {active && <p id="calendar-hint" className="mt-2 text-sm text-muted">{t.manage.calendarHint}</p>}
      </section>

      <section aria-labelledby="details-title" className={cx(ui.card, "mt-6")}>
        <h2 id="details-title" className={ui.h2}>{t.manage.detailsTitle}</h2>
        <div className="mt-3"><RegistrationDetails view={view} category={cat} t={t} /></div>
      </section>

      {active && (
        <section aria-labelledby="edit-title" className={cx(ui.card, "mt-6")}>
          <h2 id="edit-title" className={ui.h2}>{t.manage.editTitle}</h2>
          <p className="mt-1 text-sm text-muted">{t.manage.editHint}</p>
          <div className="mt-4">
            <DelegateForm
              key={view.updatedAt}
              mode="edit"
              action={updateByTokenAction.bind(null, token)}
              categories={[cat]}
              initial={{ honorific: view.honorific, familyName: view.familyName, givenName: view.givenName, position: view.position, organisation: view.organisation, phone: view.phone, notes: view.notes, answers: view.answers }}
              labels={{ ...delegateFormLabels(t, t.manage.save, t.manage.saving), personTitle: t.register.personTitle, contactTitle: t.register.contactTitle }}
            />
          </div>
        </section>
      )}

      {active && (
        <section aria-labelledby="cancel-title" className={cx(ui.card, "mt-6")}>
          <h2 id="cancel-title" className={ui.h2}>{t.manage.cancelTitle}</h2>
          <p className="mt-1 text-sm text-muted">{t.manage.cancelText}</p>
          {confirming ? (
            <form action={cancelByTokenAction} className="mt-4 rounded border-2 border-red-700 bg-red-50 p-4" aria-labelledby="cancel-confirm">
              <input type="hidden" name="token" value={token} />
              <p id="cancel-confirm" className="font-semibold text-red-950">{t.manage.cancelConfirm}</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <SubmitButton tone="danger" pendingLabel={t.manage.cancelling} autoFocus>{t.manage.cancelConfirmButton}</SubmitButton>
                <Link href={path} prefetch={false} scroll={false} className={cx(ui.button, ui.secondary)}>{t.manage.keep}</Link>
              </div>
            </form>
          ) : (
            <Link href={`${path}?confirm=cancel`} prefetch={false} scroll={false} className={cx(ui.button, ui.danger, "mt-4")}>{t.manage.cancelButton}</Link>
          )}
        </section>
      )}
    </PublicShell>
  );
}
