import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { listCategories } from "@/lib/categories/categories";
import { getEventOverview } from "@/lib/event/overview";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { updateCategoryAction } from "../actions";
import { CategoryForm } from "../category-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.adminCategories.title };
}

/** Edit one delegate category (categories.manage). */
export default async function CategoryPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { ctx } = await requirePageUser("categories.manage", `/admin/categories/${encodeURIComponent(code)}`);
  const t = messages(ctx.locale);
  const c = t.adminCategories;
  const [categories, event] = await Promise.all([listCategories(ctx), getEventOverview(ctx)]);
  const category = categories.find((x) => x.code === code);
  if (!category) notFound();
  const mode = category.selfRegistration ? "public" : category.invitationOnly ? "invitation" : "portal";
  const checkpoints = (event?.checkpoints ?? []).map((cp) => ({ value: cp.code, label: cp.name }));
  for (const cp of category.checkpoints) if (!checkpoints.some((x) => x.value === cp)) checkpoints.push({ value: cp, label: cp });
  return (
    <>
      <p><Link href="/admin/categories" className={ui.link}>← {c.back}</Link></p>
      <h1 className={cx(ui.h1, "mt-2 break-words")}>{format(c.editTitle, { name: category.name })}</h1>
      <p className="mt-1 font-mono text-sm text-muted">{category.code}</p>
      <section aria-label={format(c.editTitle, { name: category.name })} className={cx(ui.card, "mt-6")}>
        <CategoryForm
          key={JSON.stringify(category)}
          action={updateCategoryAction.bind(null, category.code)}
          initial={{
            nameVi: category.nameVi, nameEn: category.nameEn, colour: category.colour, mode, unitKind: category.portalUnitKind,
            requiresApproval: category.requiresApproval, capacity: category.capacity, checkpoints: category.checkpoints,
            questionsJson: JSON.stringify(category.questions, null, 2),
          }}
          modes={(["public", "invitation", "portal"] as const).map((m) => ({ value: m, label: c.modes[m] }))}
          unitKinds={(["province", "ministry"] as const).map((k) => ({ value: k, label: c.unitKinds[k] }))}
          checkpoints={checkpoints}
          labels={{
            nameVi: c.nameVi, nameEn: c.nameEn, colour: c.colour, colourHint: c.colourHint, mode: c.mode, unitKind: c.unitKind,
            requiresApproval: c.requiresApproval, capacity: c.capacity, capacityHint: c.capacityHint, checkpoints: c.checkpoints,
            questions: c.questions, questionsHint: c.questionsHint, choose: t.delegate.choose, optional: t.staff.optional,
            submit: t.staff.save, pending: t.staff.saving,
          }}
        />
      </section>
    </>
  );
}
