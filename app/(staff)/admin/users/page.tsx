import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/staff/format";
import { one, pageParam, withQuery, type SearchParams } from "@/components/staff/search-params";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { isRole, ROLES } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listMinistries, listProvinces } from "@/lib/reference/units";
import { getUser, listUsers } from "@/lib/users/users";
import { createUserAction } from "./actions";
import { UserForm } from "./user-form";

const PAGE_SIZE = 25;
const STATUSES = ["active", "disabled"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.users.title };
}

/** Staff accounts: search (diacritics-insensitive), filters, pagination; the create form for users.manage. */
export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const q = one(sp.q)?.slice(0, 100);
  const roleParam = one(sp.role);
  const role = isRole(roleParam) ? roleParam : undefined;
  const statusParam = one(sp.status);
  const status = STATUSES.find((s) => s === statusParam);
  const page = pageParam(sp.page);
  const filters = { q, role, status };
  const { ctx, me } = await requirePageUser("users.read", withQuery("/admin/users", { ...filters, page: page > 1 ? page : undefined }));
  const t = messages(ctx.locale);
  const canManage = me.permissions.has("users.manage");

  const createdId = pageParam(sp.created);
  const [result, provinces, ministries, created] = await Promise.all([
    listUsers(ctx, { q, role, status: status ?? "all", page, pageSize: PAGE_SIZE }),
    listProvinces(ctx),
    listMinistries(ctx),
    one(sp.created) ? getUser(ctx, createdId).catch((e: unknown) => (isDomainError(e) ? null : Promise.reject(e))) : null,
  ]);
  const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));
  const ministryNames = new Map(ministries.map((m) => [m.code, m.name]));
  const unitOf = (u: { provinceCode: string | null; ministryCode: string | null }) =>
    (u.provinceCode && provinceNames.get(u.provinceCode)) || (u.ministryCode && ministryNames.get(u.ministryCode)) || t.staff.none;
  const roleOptions = ROLES.map((r) => ({ value: r, label: t.roles[r] }));
  const filtered = Boolean(q || role || status);

  return (
    <>
      <h1 className={ui.h1}>{t.users.title}</h1>
      {!canManage && <p className="mt-1 text-muted">{t.users.readOnly}</p>}
      {created && (
        <Notice tone="success" className="mt-4">
          {format(one(sp.link) ? t.users.createdLink : t.users.created, { email: created.email })}{" "}
          <Link href={`/admin/users/${created.id}`} className={ui.link}>{created.name}</Link>
        </Notice>
      )}

      <section aria-labelledby="filters-title" className={cx(ui.card, "mt-6")}>
        <h2 id="filters-title" className="sr-only">{t.staff.filters}</h2>
        <form method="get" action="/admin/users" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end">
          <TextField name="q" type="search" label={t.users.search} hint={t.users.searchHint} defaultValue={q} maxLength={100} autoComplete="off" />
          <SelectField name="role" label={t.users.role} defaultValue={role ?? ""} options={[{ value: "", label: t.staff.all }, ...roleOptions]} />
          <SelectField
            name="status" label={t.users.status} defaultValue={status ?? ""}
            options={[{ value: "", label: t.staff.all }, { value: "active", label: t.users.statusActive }, { value: "disabled", label: t.users.statusDisabled }]}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={cx(ui.button, ui.primary)}>{t.staff.filter}</button>
            {filtered && <Link href="/admin/users" className={cx(ui.button, ui.secondary)}>{t.staff.clearFilters}</Link>}
          </div>
        </form>
      </section>

      <section aria-labelledby="list-title" className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="list-title" className={ui.h2}>{t.users.caption}</h2>
          <p className="text-sm text-muted" role="status">{format(t.staff.results, { total: result.total })}</p>
        </div>
        {result.items.length === 0 ? (
          <p className={cx(ui.card, "mt-3 text-muted")}>{filtered ? t.users.emptyFiltered : t.users.empty}</p>
        ) : (
          <div className={cx("mt-3", ui.tableScroll)} role="region" aria-labelledby="list-title" tabIndex={0}>
            <table className={ui.table}>
              <thead>
                <tr>
                  <th scope="col" className={ui.th}>{t.users.name}</th>
                  <th scope="col" className={ui.th}>{t.users.email}</th>
                  <th scope="col" className={ui.th}>{t.users.role}</th>
                  <th scope="col" className={ui.th}>{t.users.unit}</th>
                  <th scope="col" className={ui.th}>{t.users.status}</th>
                  <th scope="col" className={ui.th}>{t.users.lastSignIn}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((u) => (
                  <tr key={u.id}>
                    <th scope="row" className={cx(ui.td, "font-semibold")}>
                      <Link href={`/admin/users/${u.id}`} className={ui.link}>{u.name}</Link>
                    </th>
                    <td className={ui.td}>{u.email}</td>
                    <td className={ui.td}>{t.roles[u.role]}</td>
                    <td className={ui.td}>{unitOf(u)}</td>
                    <td className={ui.td}>
                      <span className={cx("whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold", u.disabled ? "bg-stone-200 text-stone-800" : "bg-green-100 text-green-900")}>
                        {u.disabled ? t.users.statusDisabled : t.users.statusActive}
                      </span>
                    </td>
                    <td className={cx(ui.td, "whitespace-nowrap")}>{formatDateTime(u.lastSignInAt, t.staff.never)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/admin/users" query={filters} page={result.page} pageSize={result.pageSize} total={result.total} labels={t.staff.pagination} />
      </section>

      {canManage && (
        <section aria-labelledby="create-title" className={cx(ui.card, "mt-8")}>
          <h2 id="create-title" className={ui.h2}>{t.users.createTitle}</h2>
          <div className="mt-4">
            <UserForm
              action={createUserAction}
              idPrefix="create"
              withPassword
              roles={roleOptions}
              provinces={provinces.map((p) => ({ value: p.code, label: p.name }))}
              ministries={ministries.map((m) => ({ value: m.code, label: m.name }))}
              labels={{
                email: t.users.email, name: t.users.name, role: t.users.role, province: t.users.province, ministry: t.users.ministry,
                choose: t.users.choose, password: t.users.password, passwordHint: t.users.passwordHint, optional: t.staff.optional,
                submit: t.users.createSubmit, pending: t.users.creating,
              }}
            />
          </div>
        </section>
      )}
    </>
  );
}
