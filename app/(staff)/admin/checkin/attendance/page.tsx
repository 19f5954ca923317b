import type { Metadata } from "next";
import Link from "next/link";
import { AttendanceList } from "@/components/checkin-admin/attendance-list";
import { DownloadLink } from "@/components/checkin-admin/download-link";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { attendanceByDelegation } from "@/lib/checkin/attendance";
import { listCheckpoints } from "@/lib/checkin/checkpoints";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.attendance.title };
}

const EXPORT = "/api/v1/checkins/attendance";

/** /admin/checkin/attendance — who of each delegation came (checkin.dashboard), with CSV and XLSX downloads. */
export default async function AttendancePage() {
  const { ctx } = await requirePageUser("checkin.dashboard", "/admin/checkin/attendance");
  const c = messages(ctx.locale).checkinAdmin;
  const a = c.attendance;
  const [attendance, checkpoints] = await Promise.all([attendanceByDelegation(ctx), listCheckpoints(ctx)]);
  const items = attendance.items;
  return (
    <>
      <p><Link href="/admin/checkin" className={ui.link}>← {a.back}</Link></p>
      <h1 className={cx(ui.h1, "mt-2")}>{a.title}</h1>
      <p className="mt-1 text-muted">{a.intro}</p>
      <section aria-labelledby="downloads-title" className="mt-4 flex flex-wrap items-center gap-3">
        <h2 id="downloads-title" className="sr-only">{a.downloads}</h2>
        <DownloadLink href={`${EXPORT}?format=csv`} locale={ctx.locale} label={a.csv} pendingLabel={a.downloading} failedLabel={a.downloadFailed} tone="primary" testId="download-csv" />
        <DownloadLink href={`${EXPORT}?format=xlsx`} locale={ctx.locale} label={a.xlsx} pendingLabel={a.downloading} failedLabel={a.downloadFailed} testId="download-xlsx" />
      </section>
      <AttendanceList items={items} labels={a} locale={ctx.locale} checkpointNames={Object.fromEntries(checkpoints.map((cp) => [cp.code, cp.name]))} />
    </>
  );
}
