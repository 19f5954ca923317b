import type { Metadata } from "next";
import Link from "next/link";
import { toCategoryChoice } from "@/components/registration/category-choice";
import { DelegateForm } from "@/components/registration/delegate-form";
import { delegateFormLabels } from "@/components/registration/labels";
import { one, withQuery, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { listCategories } from "@/lib/categories/categories";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { substituteAction } from "../../../actions";
import { askedUnit, memberOr404, portalHref, requirePortalUser, unitParam } from "../../../unit";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.portal.substituteTitle };
}

/**
 * /portal/members/<id>/substitute — the new person for a held place: the warning says what happens
 * (the old registration is cancelled, its badge refused at every door, the place kept), then the form.
 */
export default async function PortalSubstitutePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id: raw }, sp] = await Promise.all([params, searchParams]);
  const rawUnit = one(sp.unit);
  const { ctx, me } = await requirePortalUser(withQuery(`/portal/members/${encodeURIComponent(raw)}/substitute`, { unit: rawUnit }));
  const t = messages(ctx.locale);
  const p = t.portal;
  const unit = askedUnit(me, rawUnit);
  const view = await memberOr404(ctx, raw);
  const category = (await listCategories(ctx)).find((c) => c.code === view.categoryCode);
  const holdsPlace = view.status === "pending" || view.status === "confirmed";
  const name = `${t.delegate.honorifics[view.honorific]} ${view.fullName}`;
  return (
    <>
      <p><Link href={portalHref("/portal", unit)} className={ui.link}>← {p.backToPortal}</Link></p>
      <h1 className={cx(ui.h1, "mt-2")}>{p.substituteTitle}</h1>
      <div className="mt-6 max-w-3xl">
        {holdsPlace ? (
          <>
            <Notice tone="warning" id="substitute-warning">{format(p.substituteWarning, { name, category: view.categoryName })}</Notice>
            <div className="mt-6">
              <DelegateForm
                mode="substitute"
                emailRequired={!view.provinceCode && !view.ministryCode}
                action={substituteAction.bind(null, view.id, unitParam(unit))}
                categories={category ? [toCategoryChoice(category, ctx.locale)] : []}
                initialCategory={category?.code}
                labels={{ ...delegateFormLabels(t, p.substituteSubmit, p.substituting), personTitle: p.newPerson }}
              />
            </div>
          </>
        ) : (
          <Notice tone="info">{p.notActive}</Notice>
        )}
      </div>
    </>
  );
}
