import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { toCategoryChoice } from "@/components/registration/category-choice";
import { RegistrationDetails } from "@/components/registration/registration-details";
import { StatusPill } from "@/components/registration/status-pill";
import { problemText } from "@/components/staff/form-errors";
import { formatDateTime } from "@/components/staff/format";
import { one, pageParam, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { listCategories } from "@/lib/categories/categories";
import { NotFoundError } from "@/lib/errors";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { registrationHistory } from "@/lib/registration/history";
import { getRegistration } from "@/lib/registration/manage";
import { requireRegistrationsReader } from "../guard";
import { ROW_ACTS, RowActions, type RowAct } from "../row-actions";

const DONE = ["approved", "rejected", "cancelled", "reissued"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.adminRegistrations.title };
}

/** One registration: every detail, its answers with the category's question labels, and the same actions as the list. */
export default async function RegistrationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id: rawId }, sp] = await Promise.all([params, searchParams]);
  const path = `/admin/registrations/${encodeURIComponent(rawId)}`;
  const { ctx, me } = await requireRegistrationsReader(path);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const t = messages(ctx.locale);
  const a = t.adminRegistrations;
  const [view, categories] = await Promise.all([
    getRegistration(ctx, id).catch((e: unknown) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    }),
    listCategories(ctx),
  ]);
  // After getRegistration: its scope check (and audit of a refusal) runs once, before the history's.
  const history = await registrationHistory(ctx, id);
  const category = categories.find((c) => c.code === view.categoryCode);
  const p = me.permissions;
  const can = { manage: p.has("registrations.manage"), cancel: p.has("registrations.manage") || p.has("registrations.unit"), reissue: p.has("badges.reissue") };
  const actParam = one(sp.act);
  const act = ROW_ACTS.find((x) => x === actParam) ?? null;
  const doneParam = one(sp.done);
  const done = DONE.find((d) => d === doneParam && pageParam(sp.rid) === id);
  const error = problemText(one(sp.error), ctx.locale);
  const name = `${t.delegate.honorifics[view.honorific]} ${view.fullName}`;
  const base = `/admin/registrations/${id}`;
  const hrefFor = (x: RowAct | null) => (x ? `${base}?act=${x}` : base);
  const extra: [string, string][] = [
    [a.source, a.sources[view.source as keyof typeof a.sources] ?? view.source],
    [a.badgeSerial, String(view.badgeSerial)],
    ...(view.rejectionReason ? [[a.rejectionReason, view.rejectionReason] as [string, string]] : []),
    [a.updatedAt, formatDateTime(view.updatedAt)],
  ];

  return (
    <>
      <p><Link href="/admin/registrations" className={ui.link}>← {a.backToList}</Link></p>
      <h1 className={cx(ui.h1, "mt-2 break-words")}>{format(a.detailTitle, { name })}</h1>
      <p className="mt-2"><StatusPill status={view.status} label={t.delegate.statuses[view.status]} testId="registration-status" /></p>
      {done && <Notice tone="success" className="mt-4">{format(a.done[done], { name, serial: view.badgeSerial })}</Notice>}
      {error && <Notice tone="error" className="mt-4">{error}</Notice>}

      <section aria-labelledby="details-title" className={cx(ui.card, "mt-6")}>
        <h2 id="details-title" className={ui.h2}>{a.detailsTitle}</h2>
        <div className="mt-3">
          <RegistrationDetails view={view} category={category ? toCategoryChoice(category, ctx.locale) : null} t={t} extra={extra} />
        </div>
      </section>

      <section aria-labelledby="actions-title" className={cx(ui.card, "mt-6")}>
        <h2 id="actions-title" className={ui.h2}>{a.actions}</h2>
        <div className="mt-3">
          <RowActions r={view} open={act} back={base} hrefFor={hrefFor} can={can} t={t} />
        </div>
      </section>

      <section aria-labelledby="history-title" className={cx(ui.card, "mt-6")}>
        <h2 id="history-title" className={ui.h2}>{a.historyTitle}</h2>
        {history.length === 0 ? <p className="mt-3 text-muted">{a.historyEmpty}</p> : (
          <div className="mt-3 relative overflow-x-auto">
            <table className={ui.table} data-testid="registration-history">
              <thead><tr><th className={ui.th}>{a.historyAt}</th><th className={ui.th}>{a.historyWhat}</th><th className={ui.th}>{a.historyWho}</th></tr></thead>
              <tbody>
                {history.map((h, i) => (
                  <tr key={i}>
                    <td className={ui.td}>{formatDateTime(h.at)}</td>
                    <td className={ui.td}>{a.historyActions[h.action as keyof typeof a.historyActions] ?? h.action}</td>
                    <td className={cx(ui.td, "break-all")}>{h.actor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
