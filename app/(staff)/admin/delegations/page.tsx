import type { Metadata } from "next";
import Link from "next/link";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { format, messages, type Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listDelegations, type DelegationRow } from "@/lib/registration/delegation-list";
import { quotaAction } from "./actions";
import { QuotaForm } from "./quota-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.adminDelegations.title };
}

/**
 * Organisers (registrations.manage): each province's and ministry's delegation — quota, places used
 * and left, contact person — with a form per row to set or remove the quota and a link to its portal.
 */
export default async function DelegationsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { ctx } = await requirePageUser("registrations.manage", "/admin/delegations");
  const t = messages(ctx.locale);
  const d = t.adminDelegations;
  const rows = await listDelegations(ctx);
  const key = (r: DelegationRow) => `${r.kind}:${r.code}`;
  const saved = rows.find((r) => key(r) === one(sp.saved));
  const cleared = rows.find((r) => key(r) === one(sp.cleared));
  return (
    <>
      <h1 className={ui.h1}>{d.title}</h1>
      <p className="mt-1 text-muted">{d.intro}</p>
      <p className="mt-3 flex flex-wrap gap-3" role="group" aria-label={d.exportLabel}>
        {(["csv", "xlsx"] as const).map((f) => (
          <a key={f} href={`/api/v1/delegations/export?format=${f}`} download className={cx(ui.button, ui.secondary)} data-testid={`delegations-export-${f}`}>
            {f === "csv" ? d.exportCsv : d.exportXlsx}
          </a>
        ))}
      </p>
      {saved && <Notice tone="success" className="mt-4">{format(d.saved, { name: saved.name })}</Notice>}
      {cleared && <Notice tone="success" className="mt-4">{format(d.cleared, { name: cleared.name })}</Notice>}
      <DelegationTable id="provinces" caption={d.caption} rows={rows.filter((r) => r.kind === "province")} t={t} />
      <DelegationTable id="ministries" caption={d.captionMinistries} rows={rows.filter((r) => r.kind === "ministry")} t={t} />
    </>
  );
}

function DelegationTable({ id, caption, rows, t }: { id: string; caption: string; rows: DelegationRow[]; t: Messages }) {
  const d = t.adminDelegations;
  return (
    <section aria-labelledby={`${id}-title`} className="mt-6">
      <h2 id={`${id}-title`} className={ui.h2}>{caption}</h2>
      <div className={cx("mt-3", ui.tableScroll)} role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
        <table className={cx(ui.table, "min-w-[60rem]")} data-testid={`delegations-${id}`}>
          <thead>
            <tr>
              <th scope="col" className={ui.th}>{d.name}</th>
              <th scope="col" className={cx(ui.th, "text-right")}>{d.used}</th>
              <th scope="col" className={cx(ui.th, "text-right")}>{d.left}</th>
              <th scope="col" className={ui.th}>{d.quota}</th>
              <th scope="col" className={ui.th}>{d.contact}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} id={`d-${r.kind}-${r.code}`} data-unit={`${r.kind}:${r.code}`}>
                <th scope="row" className={cx(ui.td, "font-semibold")}>
                  <Link href={`/portal?unit=${r.kind}:${r.code}`} className={ui.link} aria-label={format(d.openPortal, { name: r.name })}>{r.name}</Link>
                </th>
                <td className={cx(ui.td, "text-right tabular-nums")}>{r.used}</td>
                <td className={cx(ui.td, "text-right tabular-nums")}>{r.left ?? <span className="text-muted">{d.noQuota}</span>}</td>
                <td className={ui.td}>
                  <QuotaForm
                    action={quotaAction.bind(null, r.kind, r.code)} code={`${r.kind}-${r.code}`} quota={r.quota}
                    labels={{ quota: format(d.quotaFor, { name: r.name }), save: d.save, saveFor: format(d.saveFor, { name: r.name }), clear: d.clear, clearFor: format(d.clearFor, { name: r.name }), working: d.working }}
                  />
                </td>
                <td className={cx(ui.td, "text-sm")}>
                  {r.contact ? <>{r.contact.name}<span className="block break-all text-muted">{r.contact.email}</span></> : <span className="text-muted">{d.noContact}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
