import type { Metadata } from "next";
import Link from "next/link";
import { VipBoard } from "@/components/checkin-admin/vip-board";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { checkinStats } from "@/lib/checkin/stats";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.vips.title };
}

/** /admin/checkin/vips — the VIPs present in the hall in protocol order, for the MC; large type, live, printable. */
export default async function VipsPage() {
  const { ctx } = await requirePageUser("checkin.dashboard", "/admin/checkin/vips");
  const c = messages(ctx.locale).checkinAdmin;
  const initial = await checkinStats(ctx);
  return (
    <>
      <p className="print:hidden"><Link href="/admin/checkin" className={ui.link}>← {c.vips.back}</Link></p>
      <div className="mt-3">
        <VipBoard
          initial={initial}
          locale={ctx.locale}
          labels={{ dashboard: c.dashboard, results: c.results, reasons: c.reasons }}
          text={{ title: c.vips.title, intro: c.vips.intro, print: c.vips.print, printedAt: c.vips.printedAt }}
        />
      </div>
    </>
  );
}
