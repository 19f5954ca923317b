import { cx, ui } from "@/components/ui/styles";

export type Bar = { key: string; label: string; value: number; secondary?: number; colour?: string };

/**
 * Horizontal bars readable at a glance, with the table behind them (the bars are decoration for
 * screen readers: the table carries the figures). `secondary` draws a darker inner bar (e.g. confirmed of all).
 */
export function BarChart({ title, bars, valueLabel, secondaryLabel, nameLabel, testId }: {
  title: string; bars: Bar[]; valueLabel: string; secondaryLabel?: string; nameLabel: string; testId?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className={cx(ui.card, "mt-6")} data-testid={testId}>
      <figcaption className={ui.h2}>{title}</figcaption>
      <div aria-hidden="true" className="mt-4 grid gap-1.5">
        {bars.map((b) => (
          <div key={b.key} className="grid grid-cols-[minmax(6rem,14rem)_1fr_3.5rem] items-center gap-2 text-sm">
            <span className="truncate" title={b.label}>{b.label}</span>
            <span className="relative h-4 rounded bg-stone-100">
              <span className="absolute inset-y-0 left-0 rounded" style={{ width: `${(b.value / max) * 100}%`, background: b.colour ?? "#1d4ed8", opacity: 0.45 }} />
              {b.secondary !== undefined && <span className="absolute inset-y-0 left-0 rounded" style={{ width: `${(b.secondary / max) * 100}%`, background: b.colour ?? "#1d4ed8" }} />}
            </span>
            <span className="text-right tabular-nums">{b.value}</span>
          </div>
        ))}
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm">{nameLabel} · {valueLabel}</summary>
        <table className={cx(ui.table, "mt-2")}>
          <thead><tr><th className={ui.th}>{nameLabel}</th><th className={ui.th}>{valueLabel}</th>{secondaryLabel && <th className={ui.th}>{secondaryLabel}</th>}</tr></thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}><td className={ui.td}>{b.label}</td><td className={cx(ui.td, "tabular-nums")}>{b.value}</td>{secondaryLabel && <td className={cx(ui.td, "tabular-nums")}>{b.secondary ?? ""}</td>}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
