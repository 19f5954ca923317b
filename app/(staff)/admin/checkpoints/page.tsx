import type { Metadata } from "next";
import Link from "next/link";
import { dateTime } from "@/components/checkin-admin/format";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { listCategories } from "@/lib/categories/categories";
import { listCheckpoints } from "@/lib/checkin/checkpoints";
import { format, formatNumber, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.checkpoints.title };
}

/** /admin/checkpoints — the doors and their rules (event.manage); each opens its edit form. */
export default async function CheckpointsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { ctx } = await requirePageUser("event.manage", "/admin/checkpoints");
  const t = messages(ctx.locale);
  const c = t.checkinAdmin.checkpoints;
  const [checkpoints, categories] = await Promise.all([listCheckpoints(ctx), listCategories(ctx)]);
  const categoryNames = new Map(categories.map((x) => [x.code, x]));
  const saved = checkpoints.find((x) => x.code === one(sp.saved));
  return (
    <>
      <h1 className={ui.h1}>{c.title}</h1>
      <p className="mt-1 text-muted">{c.intro}</p>
      {saved && <Notice tone="success" className="mt-4">{format(c.saved, { name: saved.name })}</Notice>}
      {checkpoints.length === 0 ? (
        <p className={cx(ui.card, "mt-6 text-muted")}>{c.empty}</p>
      ) : (
        <ul className="mt-6 grid gap-4 lg:grid-cols-3">
          {checkpoints.map((cp) => (
            <li key={cp.code} className={cx(ui.card, "flex flex-col")} aria-labelledby={`cp-${cp.code}`} data-testid={`checkpoint-${cp.code}`}>
              <h2 id={`cp-${cp.code}`} className={ui.h2}>{cp.name}</h2>
              <p className="mt-1 text-sm text-muted">
                <span className="font-mono">{cp.code}</span> · {c.part}: {t.parts[cp.part as keyof typeof t.parts] ?? cp.part}
              </p>
              <p className="mt-2 flex flex-wrap gap-2 text-sm">
                <span className={cx("rounded px-2 py-0.5 font-semibold", cp.openNow ? "bg-green-100 text-green-900" : "bg-stone-200 text-stone-900")}>{cp.openNow ? c.openNow : c.closedNow}</span>
                <span className="rounded bg-blue-50 px-2 py-0.5 text-blue-950">{format(c.insideNow, { count: formatNumber(cp.insideNow, ctx.locale) })}</span>
              </p>
              <dl className="mt-3 flex-1 space-y-3 text-sm">
                <div>
                  <dt className="font-semibold">{c.categories}</dt>
                  <dd className="mt-1">
                    {cp.categories.length === 0 ? <span className="text-muted">{c.noCategories}</span> : (
                      <ul className="flex flex-wrap gap-1.5" data-testid="rule-categories">
                        {cp.categories.map((code) => {
                          const cat = categoryNames.get(code);
                          return (
                            <li key={code} className="inline-flex items-center gap-1.5 rounded border border-stone-300 px-2 py-0.5">
                              <span aria-hidden="true" className="inline-block size-2.5 rounded-full border border-stone-400" style={{ backgroundColor: cat?.colour }} />
                              {cat?.name ?? code}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="font-semibold">{c.windows}</dt>
                  <dd className="mt-1" data-testid="rule-windows">
                    {cp.windows.length === 0 ? <span className="text-muted">{c.noWindows}</span> : (
                      <ul className="space-y-0.5">
                        {cp.windows.map((w) => <li key={w.opensAt} className="tabular-nums">{dateTime(w.opensAt)} – {dateTime(w.closesAt)}</li>)}
                      </ul>
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="font-semibold">{c.reentry}</dt>
                  <dd className="mt-1" data-testid="rule-reentry">{cp.allowReentry ? c.reentryYes : c.reentryNo}</dd>
                </div>
              </dl>
              <p className="mt-4">
                <Link href={`/admin/checkpoints/${cp.code}`} aria-label={format(c.editFor, { name: cp.name })} className={cx(ui.button, ui.secondary)}>{c.edit}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
