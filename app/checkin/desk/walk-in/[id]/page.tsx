import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusPill } from "@/components/registration/status-pill";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { isDomainError } from "@/lib/errors";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { getRegistration } from "@/lib/registration/manage";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.desk.resultTitle };
}

/** The outcome of a walk-in registration: confirmed → print the badge; pending or waitlisted → what happens next. */
export default async function WalkInResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const { ctx } = await requirePageUser("checkin.supervise", `/checkin/desk/walk-in/${encodeURIComponent(raw)}`);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const t = messages(ctx.locale);
  const d = t.checkinAdmin.desk;
  const view = await getRegistration(ctx, id).catch((e: unknown) => (isDomainError(e) && e.status === 404 ? null : Promise.reject(e)));
  if (!view) notFound();
  const name = `${t.delegate.honorifics[view.honorific]} ${view.fullName}`;
  const values = { name, category: view.categoryName, status: t.delegate.statuses[view.status] };
  return (
    <main id="main" className="mx-auto max-w-3xl">
      <h1 className={ui.h1}>{d.resultTitle}</h1>
      <div className={cx(ui.card, "mt-6 space-y-4")}>
        <p className="text-xl font-bold" data-testid="walk-in-name">{name}</p>
        <p className="text-muted">{view.position} · {view.organisation}{view.delegation ? ` · ${view.delegation}` : ""}</p>
        <p className="flex flex-wrap items-center gap-2">
          <span className="inline-flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-3 rounded-full border border-stone-400" style={{ backgroundColor: view.badgeColour }} />
            {view.categoryName}
          </span>
          <StatusPill status={view.status} label={t.delegate.statuses[view.status]} testId="registration-status" />
        </p>
        {view.status === "confirmed" ? (
          <Notice tone="success">{format(d.confirmed, values)}</Notice>
        ) : view.status === "pending" ? (
          <Notice tone="warning">{format(d.pending, values)}</Notice>
        ) : view.status === "waitlisted" ? (
          <Notice tone="warning">{format(d.waitlisted, values)}</Notice>
        ) : (
          <Notice tone="info">{format(d.other, values)}</Notice>
        )}
        <div className="flex flex-wrap gap-3">
          {view.status === "confirmed" && <Link href={`/checkin/desk/badge/${view.id}`} className={cx(ui.button, ui.primary)}>{d.print}</Link>}
          <Link href="/checkin/desk/walk-in" className={cx(ui.button, ui.secondary)}>{d.next}</Link>
        </div>
      </div>
    </main>
  );
}
