import { ddmmyyyy, fill, hhmm } from "./format";
import type { CheckinStats } from "./types";

const BUCKET_MS = 15 * 60 * 1000;
/** Three days of 15-minute buckets: the exhibition, the evening ceremony and the conference day. */
const MAX_BUCKETS = 288;
const W = 720;
const H = 260;
const PAD = { left: 44, right: 12, top: 12, bottom: 40 };
/** Colour and dash per series, so the lines differ without colour too (WCAG 1.4.1). */
const SERIES = [
  { colour: "#1d4ed8", dash: undefined },
  { colour: "#b45309", dash: "7 4" },
  { colour: "#15803d", dash: "2 4" },
  { colour: "#7c3aed", dash: "10 3 2 3" },
] as const;

export type ArrivalsChartLabels = { title: string; desc: string; empty: string; table: string; time: string; truncated: string };

/** A whole tick step of 1, 2 or 5 × 10ⁿ giving at most five steps up to n, and the axis top it makes. */
function axis(n: number): { step: number; top: number } {
  const raw = Math.max(1, n) / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow);
  return { step, top: Math.max(step, Math.ceil(n / step) * step) };
}

/**
 * Arrivals per checkpoint over time as an inline SVG line chart (no chart library: three short
 * series of 15-minute buckets need no more), with the same figures in a table for screen readers
 * and for reading exact values. Buckets without arrivals count as zero between the first and the last.
 */
export function ArrivalsChart({ timeline, checkpoints, labels }: {
  timeline: CheckinStats["timeline"];
  checkpoints: { code: string; name: string }[];
  labels: ArrivalsChartLabels;
}) {
  const starts = timeline.map((p) => Math.floor(new Date(p.at).getTime() / BUCKET_MS) * BUCKET_MS).filter((t) => Number.isFinite(t));
  if (starts.length === 0) {
    return (
      <figure>
        <figcaption className="font-semibold">{labels.title}</figcaption>
        <p className="mt-2 text-muted">{labels.empty}</p>
      </figure>
    );
  }
  const last = Math.max(...starts);
  const first = Math.max(Math.min(...starts), last - (MAX_BUCKETS - 1) * BUCKET_MS);
  const truncated = Math.min(...starts) < first;
  const buckets: number[] = [];
  for (let t = first; t <= last; t += BUCKET_MS) buckets.push(t);
  const index = new Map(buckets.map((t, i) => [t, i]));
  const series = checkpoints.map((cp, i) => ({ ...cp, style: SERIES[i % SERIES.length]!, counts: buckets.map(() => 0) }));
  const byCode = new Map(series.map((s) => [s.code, s]));
  for (const p of timeline) {
    const i = index.get(Math.floor(new Date(p.at).getTime() / BUCKET_MS) * BUCKET_MS);
    const s = byCode.get(p.checkpoint);
    if (i !== undefined && s) s.counts[i]! += p.count;
  }
  const { step, top } = axis(Math.max(1, ...series.flatMap((s) => s.counts)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  // One bucket is drawn as a short segment across its 15 minutes, so a lone bucket still shows.
  const span = Math.max(1, buckets.length);
  const x = (i: number) => PAD.left + ((i + 0.5) / span) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const yTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const every = Math.max(1, Math.ceil(buckets.length / 8));
  const xTicks = buckets.map((t, i) => ({ t, i })).filter(({ i }) => i % every === 0);
  const showDots = buckets.length <= 48;
  const from = `${hhmm(new Date(first))} ${ddmmyyyy(new Date(first))}`;
  const to = `${hhmm(new Date(last + BUCKET_MS))} ${ddmmyyyy(new Date(last + BUCKET_MS))}`;

  return (
    <figure>
      <figcaption id="arrivals-title" className="font-semibold">{labels.title}</figcaption>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-hidden="true">
        {series.map((s) => (
          <li key={s.code} className="inline-flex items-center gap-2">
            <svg width="28" height="10" className="shrink-0"><line x1="0" y1="5" x2="28" y2="5" stroke={s.style.colour} strokeWidth="3" strokeDasharray={s.style.dash} /></svg>
            {s.name}
          </li>
        ))}
      </ul>
      <div className="mt-2 relative overflow-x-auto">
        <svg
          viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="arrivals-title arrivals-desc" className="h-auto w-full min-w-[34rem] text-ink"
          data-testid="arrivals-chart"
        >
          <desc id="arrivals-desc">{fill(labels.desc, { from, to })}</desc>
          {yTicks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d6d3d1" strokeWidth="1" />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="currentColor">{v}</text>
            </g>
          ))}
          {xTicks.map(({ t, i }) => {
            const d = new Date(t);
            const newDay = i === 0 || ddmmyyyy(d) !== ddmmyyyy(new Date(t - every * BUCKET_MS));
            return (
              <g key={t}>
                <line x1={x(i)} x2={x(i)} y1={PAD.top + plotH} y2={PAD.top + plotH + 4} stroke="#78716c" />
                <text x={x(i)} y={PAD.top + plotH + 18} textAnchor="middle" fontSize="12" fill="currentColor">{hhmm(d)}</text>
                {newDay && <text x={x(i)} y={PAD.top + plotH + 33} textAnchor="middle" fontSize="11" fill="#57534e">{ddmmyyyy(d).slice(0, 5)}</text>}
              </g>
            );
          })}
          <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#57534e" strokeWidth="1.5" />
          {series.map((s) => {
            const points = s.counts.length === 1
              ? `${PAD.left},${y(s.counts[0]!)} ${W - PAD.right},${y(s.counts[0]!)}`
              : s.counts.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
            return (
              <g key={s.code}>
                <polyline points={points} fill="none" stroke={s.style.colour} strokeWidth="2.5" strokeDasharray={s.style.dash} strokeLinejoin="round" />
                {showDots && s.counts.map((v, i) => (v > 0 ? <circle key={i} cx={x(i)} cy={y(v)} r="3.5" fill={s.style.colour} /> : null))}
              </g>
            );
          })}
        </svg>
      </div>
      {truncated && <p className="mt-1 text-sm text-muted">{fill(labels.truncated, { count: MAX_BUCKETS })}</p>}
      <details className="mt-2">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-semibold text-blue-800 underline underline-offset-2">{labels.table}</summary>
        <div className="mt-2 max-h-80 overflow-auto rounded border border-stone-200">
          <table className="w-full border-collapse text-left text-sm">
            <thead className="sticky top-0 bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">{labels.time}</th>
                {series.map((s) => <th key={s.code} scope="col" className="px-3 py-2 text-right font-semibold">{s.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {buckets.map((t, i) => (series.some((s) => s.counts[i]) ? (
                <tr key={t} className="border-t border-stone-200">
                  <th scope="row" className="px-3 py-1 font-normal whitespace-nowrap">{ddmmyyyy(new Date(t))} {hhmm(new Date(t))}</th>
                  {series.map((s) => <td key={s.code} className="px-3 py-1 text-right tabular-nums">{s.counts[i]}</td>)}
                </tr>
              ) : null))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
