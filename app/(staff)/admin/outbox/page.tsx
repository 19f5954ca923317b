import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/staff/format";
import { one, pageParam, withQuery, type SearchParams } from "@/components/staff/search-params";
import { SelectField, TextField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { cx, ui } from "@/components/ui/styles";
import { OUTBOX_STATUSES } from "@/db/schema/mail";
import { requirePageUser } from "@/lib/auth/page";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listOutbox } from "@/lib/mail/list";
import { OUTBOX_TONE } from "./tone";

const PAGE_SIZE = 50;
const TEMPLATES = ["registration-status", "invitation", "password-reset", "test-message"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.outbox.title };
}

/** The outbox (outbox.read) — the mailbox when there is no SMTP: newest first, search by recipient, filters, pagination. */
export default async function OutboxPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const statusParam = one(sp.status);
  const templateParam = one(sp.template);
  const filters = {
    to: one(sp.to)?.slice(0, 254),
    status: OUTBOX_STATUSES.find((s) => s === statusParam),
    template: TEMPLATES.find((x) => x === templateParam),
  };
  const page = pageParam(sp.page);
  const { ctx } = await requirePageUser("outbox.read", withQuery("/admin/outbox", { ...filters, page: page > 1 ? page : undefined }));
  const t = messages(ctx.locale);
  const o = t.outbox;
  const result = await listOutbox(ctx, { ...filters, page, pageSize: PAGE_SIZE });
  const filtered = Boolean(filters.to || filters.status || filters.template);
  return (
    <>
      <h1 className={ui.h1}>{o.title}</h1>
      <p className="mt-1 text-muted">{o.intro}</p>

      <section aria-labelledby="filters-title" className={cx(ui.card, "mt-6")}>
        <h2 id="filters-title" className="sr-only">{t.staff.filters}</h2>
        <form method="get" action="/admin/outbox" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end">
          <TextField name="to" type="search" label={o.search} defaultValue={filters.to} maxLength={254} autoComplete="off" spellCheck={false} />
          <SelectField name="status" label={o.status} defaultValue={filters.status ?? ""} options={[{ value: "", label: t.staff.all }, ...OUTBOX_STATUSES.map((s) => ({ value: s, label: o.statuses[s] }))]} />
          <SelectField name="template" label={o.template} defaultValue={filters.template ?? ""} options={[{ value: "", label: t.staff.all }, ...TEMPLATES.map((x) => ({ value: x, label: o.templates[x] }))]} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={cx(ui.button, ui.primary)}>{t.staff.filter}</button>
            {filtered && <Link href="/admin/outbox" className={cx(ui.button, ui.secondary)}>{t.staff.clearFilters}</Link>}
          </div>
        </form>
      </section>

      <section aria-labelledby="list-title" className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="list-title" className={ui.h2}>{o.caption}</h2>
          <p className="text-sm text-muted" role="status">{format(t.staff.results, { total: result.total })}</p>
        </div>
        {result.items.length === 0 ? (
          <p className={cx(ui.card, "mt-3 text-muted")}>{filtered ? o.emptyFiltered : o.empty}</p>
        ) : (
          <div className={cx("mt-3", ui.tableScroll)} role="region" aria-labelledby="list-title" tabIndex={0}>
            <table className={cx(ui.table, "min-w-[48rem]")}>
              <thead>
                <tr>
                  <th scope="col" className={ui.th}>{o.subject}</th>
                  <th scope="col" className={ui.th}>{o.to}</th>
                  <th scope="col" className={ui.th}>{o.template}</th>
                  <th scope="col" className={ui.th}>{o.status}</th>
                  <th scope="col" className={ui.th}>{o.time}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className={cx(ui.td, "font-semibold")}>
                      <Link href={`/admin/outbox/${m.id}`} className={ui.link}>{m.subject ?? o.noSubject}</Link>
                    </th>
                    <td className={cx(ui.td, "break-all")}>
                      {m.to}
                      {m.toName && <span className="block text-xs text-muted">{m.toName}</span>}
                    </td>
                    <td className={ui.td}>{o.templates[m.template as keyof typeof o.templates] ?? m.template}</td>
                    <td className={ui.td}>
                      <span className={cx("whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold", OUTBOX_TONE[m.status])}>{o.statuses[m.status as keyof typeof o.statuses] ?? m.status}</span>
                    </td>
                    <td className={cx(ui.td, "whitespace-nowrap")}><time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/admin/outbox" query={filters} page={result.page} pageSize={result.pageSize} total={result.total} labels={t.staff.pagination} />
      </section>
    </>
  );
}
