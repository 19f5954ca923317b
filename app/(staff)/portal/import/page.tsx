import type { Metadata } from "next";
import Link from "next/link";
import { cx, ui } from "@/components/ui/styles";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requirePortalUser } from "../unit";
import { ImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.importPage.title };
}

/** /portal/import — a delegation's list from a CSV or XLSX file (officers: their unit; organisers: the units in the file). */
export default async function ImportPage() {
  const { ctx } = await requirePortalUser("/portal/import");
  const t = messages(ctx.locale);
  const m = t.importPage;
  return (
    <>
      <p><Link href="/portal" className="text-sm underline">{m.back}</Link></p>
      <h1 className={ui.h1}>{m.title}</h1>
      <p className="mt-1 max-w-3xl text-muted">{m.intro}</p>
      <p className="mt-1 text-sm text-muted">{m.encodingsHint}</p>
      <p className="mt-1 text-sm text-muted">{m.emailOptional}</p>
      <p className="mt-3 flex flex-wrap gap-3">
        <a href="/api/v1/registrations/import/template?format=xlsx" download className={cx(ui.button, ui.secondary)}>{m.templateXlsx}</a>
        <a href="/api/v1/registrations/import/template?format=csv" download className={cx(ui.button, ui.secondary)}>{m.templateCsv}</a>
      </p>
      <ImportForm t={m} problemTitle={t.errors.serverTitle} locale={ctx.locale} />
    </>
  );
}
