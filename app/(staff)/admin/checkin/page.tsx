import type { Metadata } from "next";
import { LiveDashboard } from "@/components/checkin-admin/live-dashboard";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { checkinStats } from "@/lib/checkin/stats";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.dashboard.title };
}

/** /admin/checkin — the live check-in dashboard (checkin.dashboard): rendered with the current figures, then kept live over SSE. */
export default async function CheckinDashboardPage() {
  const { ctx, me } = await requirePageUser("checkin.dashboard", "/admin/checkin");
  const c = messages(ctx.locale).checkinAdmin;
  const initial = await checkinStats(ctx);
  return (
    <>
      <h1 className={ui.h1}>{c.dashboard.title}</h1>
      <p className="mt-1 text-muted">{c.dashboard.intro}</p>
      <div className="mt-4">
        <LiveDashboard initial={initial} locale={ctx.locale} labels={{ dashboard: c.dashboard, results: c.results, reasons: c.reasons }} canRevoke={me.permissions.has("checkin.supervise")} />
      </div>
    </>
  );
}
