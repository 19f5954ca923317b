import type { Metadata } from "next";
import Link from "next/link";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { listCategories } from "@/lib/categories/categories";
import { getEventOverview } from "@/lib/event/overview";
import { format, formatNumber, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.adminCategories.title };
}

/** Delegate categories (categories.manage): how each one registers, approval, places, access and questions; each row opens its edit form. */
export default async function CategoriesPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { ctx } = await requirePageUser("categories.manage", "/admin/categories");
  const t = messages(ctx.locale);
  const c = t.adminCategories;
  const [categories, event] = await Promise.all([listCategories(ctx), getEventOverview(ctx)]);
  const checkpointNames = new Map((event?.checkpoints ?? []).map((cp) => [cp.code, cp.name]));
  const saved = categories.find((x) => x.code === one(sp.saved));
  const modeOf = (x: (typeof categories)[number]) => (x.selfRegistration ? "public" : x.invitationOnly ? "invitation" : "portal");
  return (
    <>
      <h1 className={ui.h1}>{c.title}</h1>
      <p className="mt-1 text-muted">{c.intro}</p>
      {saved && <Notice tone="success" className="mt-4">{format(c.saved, { name: saved.name })}</Notice>}
      <section aria-labelledby="list-title" className="mt-6">
        <h2 id="list-title" className={ui.h2}>{c.caption}</h2>
        {categories.length === 0 ? (
          <p className={cx(ui.card, "mt-3 text-muted")}>{c.empty}</p>
        ) : (
          <div className={cx("mt-3", ui.tableScroll)} role="region" aria-labelledby="list-title" tabIndex={0}>
            <table className={cx(ui.table, "min-w-[52rem]")}>
              <thead>
                <tr>
                  <th scope="col" className={ui.th}>{c.name}</th>
                  <th scope="col" className={ui.th}>{c.mode}</th>
                  <th scope="col" className={ui.th}>{c.approval}</th>
                  <th scope="col" className={ui.th}>{c.capacity}</th>
                  <th scope="col" className={ui.th}>{c.checkpoints}</th>
                  <th scope="col" className={ui.th}>{c.questions}</th>
                  <th scope="col" className={ui.th}><span className="sr-only">{c.edit}</span></th>
                </tr>
              </thead>
              <tbody>
                {categories.map((x) => {
                  const mode = modeOf(x);
                  return (
                    <tr key={x.code}>
                      <th scope="row" className={cx(ui.td, "font-semibold")}>
                        <span className="inline-flex items-center gap-2">
                          <span aria-hidden="true" className="inline-block size-4 shrink-0 rounded border border-stone-400" style={{ backgroundColor: x.colour }} />
                          {x.name}
                        </span>
                        <span className="block font-mono text-xs font-normal text-muted">{x.code} · {x.colour}</span>
                      </th>
                      <td className={ui.td}>
                        {c.modes[mode]}
                        {x.portalUnitKind && <span className="block text-xs text-muted">{c.unitKinds[x.portalUnitKind]}</span>}
                      </td>
                      <td className={ui.td}>{x.requiresApproval ? c.yes : c.no}</td>
                      <td className={cx(ui.td, "whitespace-nowrap")}>{x.capacity === null ? c.unlimited : formatNumber(x.capacity, ctx.locale)}</td>
                      <td className={ui.td}>{x.checkpoints.map((cp) => checkpointNames.get(cp) ?? cp).join(", ") || t.staff.none}</td>
                      <td className={ui.td}>{format(c.questionsCount, { count: x.questions.length })}</td>
                      <td className={ui.td}>
                        <Link href={`/admin/categories/${x.code}`} aria-label={format(c.editFor, { name: x.name })} className={cx(ui.button, ui.secondary)}>{c.edit}</Link>
                      </td>
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
