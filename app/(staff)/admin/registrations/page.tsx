import type { Metadata } from "next";
import Link from "next/link";
import { StatusPill } from "@/components/registration/status-pill";
import { BadgePrint } from "@/components/staff/badge-print";
import { problemText } from "@/components/staff/form-errors";
import { formatDateTime } from "@/components/staff/format";
import { one, pageParam, withQuery, type SearchParams } from "@/components/staff/search-params";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { cx, ui } from "@/components/ui/styles";
import { REGISTRATION_STATUSES } from "@/db/schema/registration";
import { listCategories } from "@/lib/categories/categories";
import { isDomainError } from "@/lib/errors";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listMinistries, listProvinces } from "@/lib/reference/units";
import { getRegistration, listRegistrations } from "@/lib/registration/manage";
import { BULK_FORM, BulkBar } from "./bulk-bar";
import { requireRegistrationsReader } from "./guard";
import { ROW_ACTS, RowActions, type RowAct } from "./row-actions";
import { SelectAll } from "./select-all";

const PAGE_SIZE = 25;
const DONE = ["approved", "rejected", "cancelled", "reissued"] as const;
const CHECKPOINTS = ["trien-lam", "le-ton-vinh", "hoi-truong"] as const;
const ARRIVED = ["yes", "no"] as const;
const BULK_ERRORS = ["action", "none", "confirm", "reason", "category", "rank"] as const;

function countParam(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 1000 ? n : 0;
}

/** "12:code,13:code" from the bulk action's redirect → at most 20 failures. */
function failuresOf(raw: string | undefined): { id: number; code: string }[] {
  return (raw ?? "").split(",").slice(0, 20).flatMap((x) => {
    const m = /^(\d{1,10}):([a-z0-9_.]{0,80})$/.exec(x);
    return m ? [{ id: Number(m[1]), code: m[2]! }] : [];
  });
}
const PROVINCE_CODE = /^\d{2}$/;
const MINISTRY_CODE = /^[a-z0-9-]{2,40}$/;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.adminRegistrations.title };
}

/**
 * Delegates (registrations.read, or registrations.unit for one's own unit — the domain scopes the
 * list): search, filters, server-side pagination; per row, for registrations.manage: approve, reject
 * with a reason, cancel with confirmation; re-issue the badge for badges.reissue.
 */
export default async function RegistrationsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const statusParam = one(sp.status);
  const filters = {
    q: one(sp.q)?.slice(0, 100),
    status: REGISTRATION_STATUSES.find((s) => s === statusParam),
    category: one(sp.category)?.slice(0, 40),
    checkpoint: CHECKPOINTS.find((c) => c === one(sp.checkpoint)),
    arrived: ARRIVED.find((x) => x === one(sp.arrived)),
    province: [one(sp.province)].find((x) => x !== undefined && PROVINCE_CODE.test(x)),
    ministry: [one(sp.ministry)].find((x) => x !== undefined && MINISTRY_CODE.test(x)),
  };
  const page = pageParam(sp.page);
  const listPath = withQuery("/admin/registrations", { ...filters, page: page > 1 ? page : undefined });
  const { ctx, me } = await requireRegistrationsReader(listPath);
  const t = messages(ctx.locale);
  const a = t.adminRegistrations;
  const p = me.permissions;
  const can = { manage: p.has("registrations.manage"), cancel: p.has("registrations.manage") || p.has("registrations.unit"), reissue: p.has("badges.reissue") };
  const actParam = one(sp.act);
  const act = ROW_ACTS.find((x) => x === actParam) ?? null;
  const actId = act ? pageParam(sp.id) : 0;
  const doneParam = one(sp.done);
  const done = DONE.find((d) => d === doneParam);
  const doneId = done ? pageParam(sp.rid) : 0;
  const error = problemText(one(sp.error), ctx.locale);
  const berrParam = one(sp.berr);
  const bulkError = BULK_ERRORS.find((x) => x === berrParam);
  const bulkCounts = one(sp.bdone) !== undefined ? { done: countParam(one(sp.bdone)), failed: countParam(one(sp.bfail)) } : null;
  const failures = bulkCounts ? failuresOf(one(sp.bf)) : [];

  const allUnits = p.has("registrations.read");
  const [provinces, ministries] = allUnits ? await Promise.all([listProvinces(ctx), listMinistries(ctx)]) : [[], []];
  const [result, categories, doneView] = await Promise.all([
    listRegistrations(ctx, { ...filters, page, pageSize: PAGE_SIZE }),
    listCategories(ctx),
    done ? getRegistration(ctx, doneId).catch((e: unknown) => (isDomainError(e) ? null : Promise.reject(e))) : null,
  ]);
  const failureViews = await Promise.all(failures.map(async (f) => ({
    ...f,
    name: await getRegistration(ctx, f.id).then((r) => `${t.delegate.honorifics[r.honorific]} ${r.fullName}`, (e: unknown) => (isDomainError(e) ? `#${f.id}` : Promise.reject(e))),
  })));
  const filtered = Boolean(filters.q || filters.status || filters.category || filters.checkpoint || filters.arrived || filters.province || filters.ministry);
  const categoryOptions = categories.map((c) => ({ value: c.code, label: c.name }));
  if (filters.category && !categories.some((c) => c.code === filters.category)) categoryOptions.push({ value: filters.category, label: filters.category });
  const hrefFor = (id: number) => (x: RowAct | null) => withQuery("/admin/registrations", { ...filters, page: page > 1 ? page : undefined, act: x ?? undefined, id: x ? id : undefined });

  return (
    <>
      <h1 className={ui.h1}>{a.title}</h1>
      <p className="mt-1 text-muted">{p.has("registrations.read") ? a.intro : a.introUnit}</p>
      <p className="mt-2"><Link href="/admin/registrations/overview" className={ui.link}>{a.overviewLink}</Link></p>
      <p className="mt-3 flex flex-wrap gap-3" aria-label={a.exportLabel}>
        {(["csv", "xlsx"] as const).map((format) => (
          <a key={format} href={withQuery("/api/v1/registrations/export", { ...filters, format })} download className={cx(ui.button, ui.secondary)} data-testid={`export-${format}`}>
            {format === "csv" ? a.exportCsv : a.exportXlsx}
          </a>
        ))}
      </p>
      {done && doneView && (
        <Notice tone="success" className="mt-4">
          {format(a.done[done], { name: `${t.delegate.honorifics[doneView.honorific]} ${doneView.fullName}`, serial: doneView.badgeSerial })}
        </Notice>
      )}
      {error && <Notice tone="error" className="mt-4">{error}</Notice>}
      {bulkError && <Notice tone="error" className="mt-4">{a.bulkErrors[bulkError]}</Notice>}
      {bulkCounts && (
        <Notice tone={bulkCounts.failed ? "warning" : "success"} className="mt-4">
          <p data-testid="bulk-result">{format(a.bulkResult, { done: bulkCounts.done, failed: bulkCounts.failed })}</p>
          {failureViews.length > 0 && (
            <>
              <p className="mt-2 font-semibold">{a.bulkFailures}</p>
              <ul className="mt-1 list-disc pl-5">
                {failureViews.map((f) => <li key={f.id}>{f.name}: {problemText(f.code, ctx.locale) ?? f.code}</li>)}
              </ul>
            </>
          )}
        </Notice>
      )}

      <section aria-labelledby="filters-title" className={cx(ui.card, "mt-6")}>
        <h2 id="filters-title" className="sr-only">{t.staff.filters}</h2>
        <form method="get" action="/admin/registrations" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
          <TextField name="q" type="search" label={a.search} hint={a.searchHint} defaultValue={filters.q} maxLength={100} autoComplete="off" />
          <SelectField
            name="status" label={a.status} defaultValue={filters.status ?? ""}
            options={[{ value: "", label: t.staff.all }, ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: t.delegate.statuses[s] }))]}
          />
          <SelectField name="category" label={a.category} defaultValue={filters.category ?? ""} options={[{ value: "", label: t.staff.all }, ...categoryOptions]} />
          <SelectField
            name="checkpoint" label={a.checkpoint} defaultValue={filters.checkpoint ?? ""}
            options={[{ value: "", label: t.staff.all }, ...CHECKPOINTS.map((c) => ({ value: c, label: a.checkpoints[c] }))]}
          />
          <SelectField
            name="arrived" label={a.arrived} defaultValue={filters.arrived ?? ""}
            options={[{ value: "", label: t.staff.all }, { value: "yes", label: a.arrivedYes }, { value: "no", label: a.arrivedNo }]}
          />
          {allUnits && (
            <>
              <SelectField name="province" label={a.province} defaultValue={filters.province ?? ""} options={[{ value: "", label: t.staff.all }, ...provinces.map((x) => ({ value: x.code, label: x.name }))]} />
              <SelectField name="ministry" label={a.ministry} defaultValue={filters.ministry ?? ""} options={[{ value: "", label: t.staff.all }, ...ministries.map((x) => ({ value: x.code, label: x.name }))]} />
            </>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={cx(ui.button, ui.primary)}>{t.staff.filter}</button>
            {filtered && <Link href="/admin/registrations" className={cx(ui.button, ui.secondary)}>{t.staff.clearFilters}</Link>}
          </div>
        </form>
      </section>

      {can.manage && result.items.length > 0 && <BulkBar back={listPath} categories={categories.map((c) => ({ value: c.code, label: c.name }))} t={t} />}
      <BadgePrint filter={filters} locale={ctx.locale} t={t.badgePrint} unit={!p.has("registrations.read")} />
      <section aria-labelledby="list-title" className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="list-title" className={ui.h2}>{a.caption}</h2>
          <p className="text-sm text-muted" role="status">{format(t.staff.results, { total: result.total })}</p>
        </div>
        {result.items.length === 0 ? (
          <p className={cx(ui.card, "mt-3 text-muted")}>{filtered ? a.emptyFiltered : a.empty}</p>
        ) : (
          <div className={cx("mt-3", ui.tableScroll)} role="region" aria-labelledby="list-title" tabIndex={0}>
            <table className={cx(ui.table, "min-w-[56rem]")}>
              <thead>
                <tr>
                  {can.manage && <th scope="col" className={cx(ui.th, "w-10")}><SelectAll form={BULK_FORM} label={a.bulkSelectAll} /></th>}
                  <th scope="col" className={ui.th}>{a.name}</th>
                  <th scope="col" className={ui.th}>{a.category}</th>
                  <th scope="col" className={ui.th}>{a.unit}</th>
                  <th scope="col" className={ui.th}>{a.contact}</th>
                  <th scope="col" className={ui.th}>{a.status}</th>
                  <th scope="col" className={ui.th}>{a.createdAt}</th>
                  <th scope="col" className={ui.th}>{a.actions}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((r) => (
                  <tr key={r.id} data-registration-id={r.id}>
                    {can.manage && (
                      <td className={ui.td}>
                        <input type="checkbox" name="ids" value={r.id} form={BULK_FORM} aria-label={format(a.bulkSelect, { name: `${t.delegate.honorifics[r.honorific]} ${r.fullName}` })} className="size-5 accent-brand" />
                      </td>
                    )}
                    <th scope="row" className={cx(ui.td, "font-semibold")}>
                      <Link href={`/admin/registrations/${r.id}`} className={ui.link}>{t.delegate.honorifics[r.honorific]} {r.fullName}</Link>
                      <span className="block text-xs font-normal text-muted">{r.position}</span>
                    </th>
                    <td className={ui.td}>
                      <span className="inline-flex items-center gap-2">
                        <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-full border border-stone-400" style={{ backgroundColor: r.badgeColour }} />
                        {r.categoryName}
                      </span>
                    </td>
                    <td className={ui.td}>
                      {r.organisation}
                      {r.delegation && <span className="block text-xs text-muted">{r.delegation}</span>}
                    </td>
                    <td className={cx(ui.td, "break-all")}>
                      {r.email ?? <span className="text-muted"><span aria-hidden="true">{t.staff.none}</span><span className="sr-only">{t.delegate.noEmail}</span></span>}
                      <span className="block text-xs text-muted">{r.phone}</span>
                    </td>
                    <td className={ui.td}><StatusPill status={r.status} label={t.delegate.statuses[r.status]} /></td>
                    <td className={cx(ui.td, "whitespace-nowrap")}><time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time></td>
                    <td className={ui.td}>
                      <RowActions r={r} open={actId === r.id ? act : null} back={listPath} hrefFor={hrefFor(r.id)} can={can} t={t} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/admin/registrations" query={filters} page={result.page} pageSize={result.pageSize} total={result.total} labels={t.staff.pagination} />
      </section>
    </>
  );
}
