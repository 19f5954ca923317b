import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckpointForm } from "@/components/checkin-admin/checkpoint-form";
import { toLocalInput } from "@/components/checkin-admin/windows";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { listCategories } from "@/lib/categories/categories";
import { listCheckpoints } from "@/lib/checkin/checkpoints";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { updateCheckpointAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.checkpoints.title };
}

/** Edit one checkpoint's rules (event.manage). */
export default async function CheckpointPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { ctx } = await requirePageUser("event.manage", `/admin/checkpoints/${encodeURIComponent(code)}`);
  const t = messages(ctx.locale);
  const c = t.checkinAdmin.checkpoints;
  const [checkpoints, categories] = await Promise.all([listCheckpoints(ctx), listCategories(ctx)]);
  const cp = checkpoints.find((x) => x.code === code);
  if (!cp) notFound();
  const title = format(c.editTitle, { name: cp.name });
  return (
    <>
      <p><Link href="/admin/checkpoints" className={ui.link}>← {c.back}</Link></p>
      <h1 className={cx(ui.h1, "mt-2 break-words")}>{title}</h1>
      <p className="mt-1 font-mono text-sm text-muted">{cp.code}</p>
      <section aria-label={title} className={cx(ui.card, "mt-6")}>
        <CheckpointForm
          key={JSON.stringify(cp)}
          action={updateCheckpointAction.bind(null, cp.code)}
          name={cp.name}
          categories={categories.map((x) => ({ code: x.code, name: x.name, colour: x.colour }))}
          initial={{
            categories: cp.categories,
            windows: cp.windows.map((w) => ({ opensAt: toLocalInput(w.opensAt), closesAt: toLocalInput(w.closesAt) })),
            allowReentry: cp.allowReentry,
          }}
          labels={{
            categories: c.categories, categoriesHint: c.categoriesHint, windows: c.windows, windowsHint: c.windowsHint, window: c.window,
            opensAt: c.opensAt, closesAt: c.closesAt, addWindow: c.addWindow, removeWindow: c.removeWindow, reentry: c.reentry,
            tooManyWindows: c.tooManyWindows, confirmTitle: c.confirmTitle, confirmRemoved: c.confirmRemoved, confirmNoReentry: c.confirmNoReentry,
            confirmSave: c.confirmSave, confirmBack: c.confirmBack, submit: t.staff.save, pending: t.staff.saving,
          }}
        />
      </section>
    </>
  );
}
