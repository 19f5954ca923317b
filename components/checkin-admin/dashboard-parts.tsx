import type { CheckinAdminMessages } from "@/messages/sections/checkin-admin.vi";
import { fill, hhmm, hhmmss, num, percent, type UiLocale } from "./format";
import type { CheckinStats, ScanResultCode } from "./types";
import type { Connection } from "./use-live-stats";

export type DashboardLabels = Pick<CheckinAdminMessages, "dashboard" | "results" | "reasons">;

const RESULT_TONE: Record<ScanResultCode, string> = {
  admitted: "border-green-700 bg-green-50 text-green-900",
  already_admitted: "border-amber-600 bg-amber-50 text-amber-950",
  refused: "border-red-700 bg-red-50 text-red-900",
  invalid: "border-red-950 bg-stone-800 text-white",
};

/** A scan result as colour and word (never colour alone). */
export function ResultPill({ result, label }: { result: ScanResultCode; label: string }) {
  return <span className={`inline-block rounded border-l-4 px-2 py-0.5 text-xs font-bold whitespace-nowrap ${RESULT_TONE[result]}`}>{label}</span>;
}

/** "● Trực tiếp" or "Đang kết nối lại…", announced politely when it changes. */
export function ConnectionBadge({ connection, generatedAt, labels }: { connection: Connection; generatedAt: string; labels: DashboardLabels["dashboard"] }) {
  const text = connection === "live" ? labels.live : connection === "connecting" ? labels.connecting : labels.reconnecting;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span
        role="status" aria-label={`${labels.connection}: ${text}`} data-testid="live-status" data-state={connection}
        className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 font-semibold ${connection === "live" ? "border-green-700 bg-green-50 text-green-900" : "border-amber-600 bg-amber-50 text-amber-950"}`}
      >
        <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${connection === "live" ? "bg-green-600 motion-safe:animate-pulse" : "bg-amber-500"}`} />
        {text}
      </span>
      <span className="text-muted" data-testid="live-updated">{fill(labels.updatedAt, { time: hhmmss(generatedAt) })}</span>
    </div>
  );
}

export function CheckpointTiles({ checkpoints, labels, locale }: { checkpoints: CheckinStats["checkpoints"]; labels: DashboardLabels["dashboard"]; locale: UiLocale }) {
  return (
    <ul className="grid gap-4 md:grid-cols-3">
      {checkpoints.map((cp) => (
        <li key={cp.code} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid={`tile-${cp.code}`} aria-labelledby={`tile-${cp.code}-name`}>
          <h3 id={`tile-${cp.code}-name`} className="font-bold text-brand-dark">{cp.name}</h3>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
            <div>
              <dt className="text-xs font-semibold text-muted">{labels.admitted}</dt>
              <dd className="text-3xl font-extrabold text-green-800 tabular-nums" data-testid="admitted">{num(cp.admitted, locale)}</dd>
            </div>
            <div>
              <dt className="text-xs font-semibold text-muted">{labels.insideNow}</dt>
              <dd className="text-3xl font-extrabold text-blue-900 tabular-nums" data-testid="inside">{num(cp.insideNow, locale)}</dd>
            </div>
            <div>
              <dt className="text-xs font-semibold text-muted">{labels.refused}</dt>
              <dd className="text-3xl font-extrabold text-red-800 tabular-nums" data-testid="refused">{num(cp.refused, locale)}</dd>
            </div>
          </dl>
          {cp.invalid > 0 && <p className="mt-2 text-xs text-muted">{labels.invalid}: {num(cp.invalid, locale)}</p>}
        </li>
      ))}
    </ul>
  );
}

/** Registered vs arrived with the share as text and as a bar. */
export function RateTable({ id, caption, nameHeader, rows, labels, locale }: {
  id: string; caption: string; nameHeader: string; locale: UiLocale; labels: DashboardLabels["dashboard"];
  rows: { key: string; name: string; colour?: string; registered: number; arrived: number }[];
}) {
  if (rows.length === 0) return <p className="mt-2 text-muted">{labels.noRows}</p>;
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid={id}>
      <caption className="sr-only">{caption}</caption>
      <thead className="sticky top-0 bg-white">
        <tr>
          <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 font-semibold">{nameHeader}</th>
          <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 text-right font-semibold">{labels.registered}</th>
          <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 text-right font-semibold">{labels.arrived}</th>
          <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 font-semibold">{labels.rate}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const share = r.registered > 0 ? Math.min(1, r.arrived / r.registered) : 0;
          return (
            <tr key={r.key}>
              <th scope="row" className="border-b border-stone-200 px-2 py-1.5 font-medium">
                <span className="inline-flex items-center gap-2">
                  {r.colour && <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-full border border-stone-400" style={{ backgroundColor: r.colour }} />}
                  {r.name}
                </span>
              </th>
              <td className="border-b border-stone-200 px-2 py-1.5 text-right tabular-nums">{num(r.registered, locale)}</td>
              <td className="border-b border-stone-200 px-2 py-1.5 text-right tabular-nums">{num(r.arrived, locale)}</td>
              <td className="border-b border-stone-200 px-2 py-1.5">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="h-2 w-16 shrink-0 overflow-hidden rounded bg-stone-200">
                    <span className="block h-full bg-brand" style={{ width: `${share * 100}%` }} />
                  </span>
                  <span className="tabular-nums">{percent(r.arrived, r.registered, locale)}</span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RecentScans({ recent, checkpointNames, labels }: { recent: CheckinStats["recent"]; checkpointNames: Map<string, string>; labels: DashboardLabels }) {
  const d = labels.dashboard;
  if (recent.length === 0) return <p className="mt-2 text-muted">{d.recentEmpty}</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm" data-testid="recent-scans">
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 font-semibold">{d.time}</th>
            <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 font-semibold">{d.checkpoint}</th>
            <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 font-semibold">{d.person}</th>
            <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 font-semibold">{d.result}</th>
            <th scope="col" className="border-b-2 border-stone-300 px-2 py-2 font-semibold">{d.by}</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((s) => {
            const reason = s.reason && s.reason in labels.reasons ? labels.reasons[s.reason as keyof DashboardLabels["reasons"]] : null;
            return (
              <tr key={s.id} className={s.undone ? "text-muted line-through" : undefined}>
                <td className="border-b border-stone-200 px-2 py-1.5 whitespace-nowrap tabular-nums">{hhmm(s.at)}</td>
                <td className="border-b border-stone-200 px-2 py-1.5">
                  {checkpointNames.get(s.checkpoint) ?? s.checkpoint}
                  <span className="block text-xs text-muted">{s.direction === "out" ? d.exit : d.entry}{s.method === "manual" ? ` · ${d.manual}` : ""}</span>
                </td>
                <td className="border-b border-stone-200 px-2 py-1.5">
                  {s.registration ? (
                    <>
                      <span className="font-semibold">{s.registration.name}</span>
                      <span className="block text-xs text-muted">{s.registration.delegation ?? s.registration.organisation}</span>
                    </>
                  ) : <span className="text-muted">{d.unknownPerson}</span>}
                </td>
                <td className="border-b border-stone-200 px-2 py-1.5">
                  <ResultPill result={s.result} label={labels.results[s.result]} />
                  {reason && <span className="block text-xs">{reason}</span>}
                  {s.undone && <span className="block text-xs no-underline">({d.undone})</span>}
                </td>
                <td className="border-b border-stone-200 px-2 py-1.5 text-xs">{[s.by, s.device].filter(Boolean).join(" · ") || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The VIPs present in protocol order, large enough for the MC to read at a lectern. */
export function VipList({ vips, labels, size = "large" }: { vips: CheckinStats["vips"]; labels: DashboardLabels["dashboard"]; size?: "large" | "huge" }) {
  if (vips.length === 0) return <p className="mt-2 text-lg text-muted" data-testid="vip-empty">{labels.vipsEmpty}</p>;
  return (
    <ol className="vip-list mt-3 space-y-3" data-testid="vip-list">
      {vips.map((v, i) => (
        <li key={v.id} className="flex gap-4 border-b border-stone-200 pb-3 last:border-0">
          <span className={`shrink-0 font-bold text-brand tabular-nums ${size === "huge" ? "w-12 text-3xl" : "w-9 text-2xl"}`} aria-hidden="true">{i + 1}.</span>
          <div className="min-w-0">
            <p className={`font-extrabold leading-tight ${size === "huge" ? "text-3xl sm:text-4xl" : "text-2xl"}`}>{v.name}</p>
            <p className={`mt-1 ${size === "huge" ? "text-xl sm:text-2xl" : "text-lg"}`}>{[v.position, v.organisation].filter(Boolean).join(", ")}</p>
            <p className="vip-time mt-0.5 text-sm text-muted">{fill(labels.arrivedAt, { time: hhmm(v.at) })}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
