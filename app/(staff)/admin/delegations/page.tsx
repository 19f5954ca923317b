import type { Metadata } from "next";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listDelegations } from "@/lib/registration/delegation-list";
import { quotaAction } from "./actions";
import { QuotaForm } from "./quota-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.adminDelegations.title };
}

/** Organisers (registrations.manage): each province delegation's quota, places used and left, and a form per row to set or remove the quota. */
export default async function DelegationsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { ctx } = await requirePageUser("registrations.manage", "/admin/delegations");
  const t = messages(ctx.locale);
  const d = t.adminDelegations;
  const rows = await listDelegations(ctx);
  const saved = rows.find((r) => r.code === one(sp.saved));
  const cleared = rows.find((r) => r.code === one(sp.cleared));
  return (
    <>
      <h1 className={ui.h1}>{d.title}</h1>
      <p className="mt-1 text-muted">{d.intro}</p>
      {saved && <Notice tone="success" className="mt-4">{format(d.saved, { name: saved.name })}</Notice>}
      {cleared && <Notice tone="success" className="mt-4">{format(d.cleared, { name: cleared.name })}</Notice>}
      <section aria-labelledby="delegations-title" className="mt-6">
        <h2 id="delegations-title" className={ui.h2}>{d.caption}</h2>
        <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white" role="region" aria-labelledby="delegations-title" tabIndex={0}>
          <table className={cx(ui.table, "min-w-[48rem]")}>
            <thead>
              <tr>
                <th scope="col" className={ui.th}>{d.name}</th>
                <th scope="col" className={cx(ui.th, "text-right")}>{d.used}</th>
                <th scope="col" className={cx(ui.th, "text-right")}>{d.left}</th>
                <th scope="col" className={ui.th}>{d.quota}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code} id={`d-${r.code}`} data-unit={r.code}>
                  <th scope="row" className={cx(ui.td, "font-semibold")}>{r.name}</th>
                  <td className={cx(ui.td, "text-right tabular-nums")}>{r.used}</td>
                  <td className={cx(ui.td, "text-right tabular-nums")}>{r.left ?? <span className="text-muted">{d.noQuota}</span>}</td>
                  <td className={ui.td}>
                    <QuotaForm
                      action={quotaAction.bind(null, r.code)} code={r.code} quota={r.quota}
                      labels={{ quota: format(d.quotaFor, { name: r.name }), save: d.save, saveFor: format(d.saveFor, { name: r.name }), clear: d.clear, clearFor: format(d.clearFor, { name: r.name }), working: d.working }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
