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
import { getDelegation } from "@/lib/registration/delegation";
import { addMemberAction } from "../actions";
import { askedUnit, portalHref, requirePortalUser, unitParam } from "../unit";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.portal.addTitle };
}

/** /portal/add — "Thêm đại biểu": the delegate form with the unit's portal categories only (and each category's questions). */
export default async function PortalAddPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const rawUnit = one(sp.unit);
  const { ctx, me } = await requirePortalUser(withQuery("/portal/add", { unit: rawUnit }));
  const t = messages(ctx.locale);
  const p = t.portal;
  const unit = askedUnit(me, rawUnit);
  const [delegation, all] = await Promise.all([getDelegation(ctx, unit), listCategories(ctx)]);
  const categories = all.filter((c) => c.portalUnitKind === delegation.kind).map((c) => toCategoryChoice(c, ctx.locale));
  const full = delegation.left === 0;
  return (
    <>
      <p><Link href={portalHref("/portal", unit)} className={ui.link}>← {p.backToPortal}</Link></p>
      <h1 className={cx(ui.h1, "mt-2")}>{p.addTitle}</h1>
      <p className="mt-1 text-muted">{format(p.addIntro, { name: delegation.name })}</p>
      {delegation.left !== null && !full && (
        <p className="mt-2 text-sm font-semibold" data-testid="places-left">{p.left}: {delegation.left}</p>
      )}
      <div className="mt-6 max-w-3xl">
        {full ? (
          <Notice tone="warning">{format(p.full, { quota: delegation.quota ?? 0 })}</Notice>
        ) : categories.length === 0 ? (
          <Notice tone="info">{p.noCategories}</Notice>
        ) : (
          <DelegateForm
            mode="portal"
            action={addMemberAction.bind(null, unitParam(unit))}
            categories={categories}
            labels={delegateFormLabels(t, p.addSubmit, p.adding)}
          />
        )}
      </div>
    </>
  );
}
