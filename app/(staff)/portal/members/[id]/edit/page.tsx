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
import { editMemberAction } from "../../../actions";
import { askedUnit, memberOr404, portalHref, requirePortalUser, unitParam } from "../../../unit";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.portal.editTitle };
}

/** /portal/members/<id>/edit — the fields an officer may change (not the email, the category or the unit). */
export default async function PortalEditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id: raw }, sp] = await Promise.all([params, searchParams]);
  const rawUnit = one(sp.unit);
  const { ctx, me } = await requirePortalUser(withQuery(`/portal/members/${encodeURIComponent(raw)}/edit`, { unit: rawUnit }));
  const t = messages(ctx.locale);
  const p = t.portal;
  const unit = askedUnit(me, rawUnit);
  const view = await memberOr404(ctx, raw);
  const category = (await listCategories(ctx)).find((c) => c.code === view.categoryCode);
  const active = view.status === "pending" || view.status === "confirmed" || view.status === "waitlisted";
  const name = `${t.delegate.honorifics[view.honorific]} ${view.fullName}`;
  return (
    <>
      <p><Link href={portalHref("/portal", unit)} className={ui.link}>← {p.backToPortal}</Link></p>
      <h1 className={cx(ui.h1, "mt-2")}>{p.editTitle}</h1>
      <p className="mt-1 text-muted">{format(p.editIntro, { name })}</p>
      <p className="mt-1 text-sm">{view.email ?? t.delegate.noEmail} · {view.categoryName}</p>
      <div className="mt-6 max-w-3xl">
        {active ? (
          <DelegateForm
            key={view.updatedAt}
            mode="edit"
            action={editMemberAction.bind(null, view.id, unitParam(unit))}
            categories={category ? [toCategoryChoice(category, ctx.locale)] : []}
            initialCategory={category?.code}
            initial={{ honorific: view.honorific, familyName: view.familyName, givenName: view.givenName, position: view.position, organisation: view.organisation, phone: view.phone, notes: view.notes, answers: view.answers }}
            labels={delegateFormLabels(t, p.editSubmit, p.saving)}
          />
        ) : (
          <Notice tone="info">{p.notActive}</Notice>
        )}
      </div>
    </>
  );
}
