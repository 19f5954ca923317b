import type { Metadata } from "next";
import { toCategoryChoice } from "@/components/registration/category-choice";
import { DelegateForm } from "@/components/registration/delegate-form";
import { delegateFormLabels } from "@/components/registration/labels";
import { PublicShell } from "@/components/registration/public-shell";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { ui } from "@/components/ui/styles";
import { getPageCtx } from "@/lib/auth/page";
import { listCategories } from "@/lib/categories/categories";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listMinistries, listProvinces } from "@/lib/reference/units";
import { registerAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.register.title };
}

/** /register — public self-registration: pick a public category, then the delegate form (one small client component). */
export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const [all, provinces, ministries] = await Promise.all([listCategories(ctx), listProvinces(ctx), listMinistries(ctx)]);
  // Staff who manage categories see every category from the domain; the public form offers the public ones only.
  const categories = all.filter((c) => c.selfRegistration).map((c) => toCategoryChoice(c, ctx.locale));
  const wanted = one(sp.category);
  const initialCategory = categories.some((c) => c.code === wanted) ? wanted : undefined;
  return (
    <PublicShell locale={ctx.locale} t={t} path={initialCategory ? `/register?category=${initialCategory}` : "/register"}>
      <h1 className={ui.h1}>{t.register.title}</h1>
      <p className="mt-2 text-muted">{t.register.intro}</p>
      <div className="mt-6">
        {categories.length === 0 ? (
          <Notice tone="info">{t.register.noCategories}</Notice>
        ) : (
          <DelegateForm
            mode="register"
            action={registerAction}
            categories={categories}
            initialCategory={initialCategory}
            provinces={provinces.map((p) => ({ value: p.code, label: p.name }))}
            ministries={ministries.map((m) => ({ value: m.code, label: m.name }))}
            labels={delegateFormLabels(t, t.register.submit, t.register.submitting)}
          />
        )}
      </div>
    </PublicShell>
  );
}
