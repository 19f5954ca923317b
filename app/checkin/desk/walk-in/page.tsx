import type { Metadata } from "next";
import { toCategoryChoice } from "@/components/registration/category-choice";
import { DelegateForm } from "@/components/registration/delegate-form";
import { delegateFormLabels } from "@/components/registration/labels";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { listCategories } from "@/lib/categories/categories";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listMinistries, listProvinces } from "@/lib/reference/units";
import { walkInAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.desk.walkInTitle };
}

/** /checkin/desk/walk-in — the registration form of /register, filled in by a supervisor for the person at the desk. */
export default async function WalkInPage() {
  const { ctx } = await requirePageUser("checkin.supervise", "/checkin/desk/walk-in");
  const t = messages(ctx.locale);
  const d = t.checkinAdmin.desk;
  const [all, provinces, ministries] = await Promise.all([listCategories(ctx), listProvinces(ctx), listMinistries(ctx)]);
  // Walk-ins may join the categories open to public registration only (the domain checks it too).
  const categories = all.filter((c) => c.selfRegistration).map((c) => toCategoryChoice(c, ctx.locale));
  return (
    <main id="main" className="mx-auto max-w-3xl">
      <h1 className={ui.h1}>{d.walkInTitle}</h1>
      <p className="mt-2 text-muted">{d.walkInIntro}</p>
      <div className={cx(ui.card, "mt-6")}>
        {categories.length === 0 ? (
          <Notice tone="info">{d.noCategories}</Notice>
        ) : (
          <DelegateForm
            mode="register"
            action={walkInAction}
            categories={categories}
            provinces={provinces.map((p) => ({ value: p.code, label: p.name }))}
            ministries={ministries.map((m) => ({ value: m.code, label: m.name }))}
            labels={delegateFormLabels(t, d.submit, d.submitting)}
          />
        )}
      </div>
    </main>
  );
}
