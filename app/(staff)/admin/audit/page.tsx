import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/staff/format";
import { one, pageParam, withQuery, type SearchParams } from "@/components/staff/search-params";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { cx, ui } from "@/components/ui/styles";
import { listAudit, type AuditEntryView } from "@/lib/audit/list";
import { requirePageUser } from "@/lib/auth/page";
import { ValidationError } from "@/lib/errors";
import { translateKey } from "@/lib/http/problem";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listMinistries, listProvinces } from "@/lib/reference/units";

const PAGE_SIZE = 50;
const ENTITY_TYPES = ["user", "api_token"] as const;
const DAY_VI = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.audit.title };
}

/** "17/12/2020" (or "2020-12-17") → "2020-12-17"; null when it is not a real calendar day. */
function parseDay(value: string): string | null {
  const vi = DAY_VI.exec(value);
  const iso = DAY_ISO.exec(value);
  const [y, m, d] = vi ? [Number(vi[3]), Number(vi[2]), Number(vi[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!y || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A calendar day in Vietnam time as an ISO instant: the start of `from`, the end of `to`. */
function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day) return undefined;
  const iso = parseDay(day);
  if (!iso) return day; // the domain answers "fields.invalid" next to the field
  return `${iso}T${end ? "23:59:59.999" : "00:00:00.000"}+07:00`;
}

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold uppercase text-muted">{label}</p>
      <pre className="mt-1 max-h-80 overflow-auto rounded bg-stone-100 p-2 text-xs">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** The audit log (audit.read): filters, newest first, before/after data on demand, pagination. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = {
    action: one(sp.action)?.slice(0, 80),
    actor: one(sp.actor)?.slice(0, 120),
    entityType: one(sp.entityType)?.slice(0, 80),
    provinceCode: one(sp.provinceCode)?.slice(0, 2),
    from: one(sp.from)?.slice(0, 20),
    to: one(sp.to)?.slice(0, 20),
  };
  const page = pageParam(sp.page);
  const { ctx } = await requirePageUser("audit.read", withQuery("/admin/audit", { ...filters, page: page > 1 ? page : undefined }));
  const t = messages(ctx.locale);
  const [provinces, ministries] = await Promise.all([listProvinces(ctx), listMinistries(ctx)]);

  let result: { items: AuditEntryView[]; total: number; page: number; pageSize: number } = { items: [], total: 0, page, pageSize: PAGE_SIZE };
  const errors: Partial<Record<string, string>> = {};
  try {
    result = await listAudit(ctx, { ...filters, from: dayBound(filters.from, false), to: dayBound(filters.to, true), page, pageSize: PAGE_SIZE });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    for (const fe of e.errors) errors[fe.path] ??= translateKey(fe.message, ctx.locale);
  }
  const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));
  const ministryNames = new Map(ministries.map((m) => [m.code, m.name]));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <h1 className={ui.h1}>{t.audit.title}</h1>
      <p className="mt-1 text-muted">{t.audit.intro}</p>

      <section aria-labelledby="filters-title" className={cx(ui.card, "mt-6")}>
        <h2 id="filters-title" className="sr-only">{t.staff.filters}</h2>
        <form method="get" action="/admin/audit" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <TextField name="action" label={t.audit.action} hint={t.audit.actionHint} defaultValue={filters.action} error={errors.action} maxLength={80} autoComplete="off" spellCheck={false} />
          <TextField name="actor" label={t.audit.actor} defaultValue={filters.actor} error={errors.actor} maxLength={120} autoComplete="off" />
          <SelectField
            name="entityType" label={t.audit.entityType} defaultValue={filters.entityType ?? ""} error={errors.entityType}
            options={[
              { value: "", label: t.staff.all },
              ...ENTITY_TYPES.map((v) => ({ value: v, label: t.audit.entityTypes[v] })),
              ...(filters.entityType && !ENTITY_TYPES.some((v) => v === filters.entityType) ? [{ value: filters.entityType, label: filters.entityType }] : []),
            ]}
          />
          <SelectField
            name="provinceCode" label={t.audit.province} defaultValue={filters.provinceCode ?? ""} error={errors.provinceCode}
            options={[{ value: "", label: t.staff.all }, ...provinces.map((p) => ({ value: p.code, label: p.name }))]}
          />
          <TextField name="from" label={t.audit.from} hint={t.audit.dateHint} defaultValue={filters.from} error={errors.from} inputMode="numeric" autoComplete="off" maxLength={20} />
          <TextField name="to" label={t.audit.to} hint={t.audit.dateHint} defaultValue={filters.to} error={errors.to} inputMode="numeric" autoComplete="off" maxLength={20} />
          <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
            <button type="submit" className={cx(ui.button, ui.primary)}>{t.staff.filter}</button>
            {filtered && <Link href="/admin/audit" className={cx(ui.button, ui.secondary)}>{t.staff.clearFilters}</Link>}
          </div>
        </form>
      </section>

      {Object.keys(errors).length > 0 && <Notice tone="error" className="mt-4">{t.staff.formErrors}</Notice>}

      <section aria-labelledby="log-title" className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="log-title" className={ui.h2}>{t.audit.caption}</h2>
          <p className="text-sm text-muted" role="status">{format(t.staff.results, { total: result.total })}</p>
        </div>
        {result.items.length === 0 ? (
          <p className={cx(ui.card, "mt-3 text-muted")}>{filtered ? t.audit.emptyFiltered : t.audit.empty}</p>
        ) : (
          <div className={cx("mt-3", ui.tableScroll)} role="region" aria-labelledby="log-title" tabIndex={0}>
            <table className={ui.table}>
              <thead>
                <tr>
                  <th scope="col" className={ui.th}>{t.audit.time}</th>
                  <th scope="col" className={ui.th}>{t.audit.actor}</th>
                  <th scope="col" className={ui.th}>{t.audit.actionColumn}</th>
                  <th scope="col" className={ui.th}>{t.audit.entity}</th>
                  <th scope="col" className={ui.th}>{t.audit.unit}</th>
                  <th scope="col" className={ui.th}>{t.audit.details}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((e) => {
                  const unit = (e.provinceCode && (provinceNames.get(e.provinceCode) ?? e.provinceCode)) || (e.ministryCode && (ministryNames.get(e.ministryCode) ?? e.ministryCode)) || t.staff.none;
                  const hasData = (e.before !== null && e.before !== undefined) || (e.after !== null && e.after !== undefined);
                  return (
                    <tr key={e.id}>
                      <td className={cx(ui.td, "whitespace-nowrap")}><time dateTime={e.at}>{formatDateTime(e.at)}</time></td>
                      <td className={ui.td}>
                        {e.actorKind === "system" || e.actorKind === "anonymous" ? t.audit.actorKinds[e.actorKind] : e.actorLabel}
                        {e.actorKind === "token" && <span className="block text-xs text-muted">{t.audit.viaToken}</span>}
                      </td>
                      <td className={cx(ui.td, "font-mono text-xs")}>{e.action}</td>
                      <td className={cx(ui.td, "font-mono text-xs")}>{e.entityId ? `${e.entityType} #${e.entityId}` : e.entityType}</td>
                      <td className={ui.td}>{unit}</td>
                      <td className={ui.td}>
                        {hasData || e.requestId ? (
                          <details className="max-w-md">
                            <summary className="cursor-pointer font-medium text-blue-800 underline">{t.audit.showDetails}</summary>
                            <div className="mt-2 grid gap-2">
                              <Json label={t.audit.before} value={e.before} />
                              <Json label={t.audit.after} value={e.after} />
                              {e.requestId && <p className="text-xs text-muted">{format(t.audit.request, { id: e.requestId })}</p>}
                            </div>
                          </details>
                        ) : t.staff.none}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/admin/audit" query={filters} page={result.page} pageSize={result.pageSize} total={result.total} labels={t.staff.pagination} />
      </section>
    </>
  );
}
