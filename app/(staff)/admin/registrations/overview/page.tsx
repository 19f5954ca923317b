import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/staff/bar-chart";
import { ui } from "@/components/ui/styles";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { registrationStats } from "@/lib/registration/history";
import { requireRegistrationsReader } from "../guard";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.adminRegistrations.overviewTitle };
}

const STATUS_COLOURS = { pending: "#b45309", confirmed: "#15803d", rejected: "#b91c1c", waitlisted: "#6d28d9", cancelled: "#57534e" } as const;

/** /admin/registrations/overview — registrations by status, category and province at a glance (officers: their unit). */
export default async function RegistrationsOverviewPage() {
  const { ctx } = await requireRegistrationsReader("/admin/registrations/overview");
  const t = messages(ctx.locale);
  const a = t.adminRegistrations;
  const s = await registrationStats(ctx);
  return (
    <>
      <p><Link href="/admin/registrations" className={ui.link}>← {a.backToList}</Link></p>
      <h1 className={ui.h1}>{a.overviewTitle}</h1>
      <p className="mt-1 text-muted" data-testid="overview-total">{format(a.overviewTotal, { total: s.total })}</p>
      <BarChart testId="chart-status" title={a.byStatus} nameLabel={a.colName} valueLabel={a.colCount}
        bars={s.byStatus.map((x) => ({ key: x.status, label: t.delegate.statuses[x.status], value: x.count, colour: STATUS_COLOURS[x.status] }))} />
      <BarChart testId="chart-category" title={a.byCategory} nameLabel={a.colName} valueLabel={a.colCount} secondaryLabel={a.colConfirmed}
        bars={s.byCategory.map((x) => ({ key: x.code, label: x.name, value: x.count, secondary: x.confirmed, colour: x.colour }))} />
      <BarChart testId="chart-province" title={a.byProvince} nameLabel={a.colName} valueLabel={a.colCount} secondaryLabel={a.colConfirmed}
        bars={s.byProvince.map((x) => ({ key: x.code, label: x.name, value: x.count, secondary: x.confirmed }))} />
    </>
  );
}
