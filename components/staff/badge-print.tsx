"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import type { Messages } from "@/lib/i18n";

/** The list's filters that the print request understands (anything else on the page is left out). */
const FILTER_KEYS = ["q", "status", "category", "province", "ministry", "checkpoint", "arrived"] as const;
type Filter = Partial<Record<(typeof FILTER_KEYS)[number], string>>;
type Job = { status: "queued" | "running" | "succeeded" | "failed" | "cancelled"; progress: number; downloadUrl?: string };
type State =
  | { phase: "idle" }
  | { phase: "starting" }
  | { phase: "working"; jobId: number; count: number; job: Job | null }
  | { phase: "error"; message: string };

const LAYOUTS = ["a4-4up", "a6"] as const;

/**
 * "In thẻ hàng loạt": sends the list's current filters to POST /api/v1/badges/print, then follows the
 * job (GET /api/v1/jobs/{id} every second) until its PDF can be downloaded.
 */
export function BadgePrint({ filter, locale, t, unit }: { filter: Filter; locale: "vi" | "en"; t: Messages["badgePrint"]; unit: boolean }) {
  const [layout, setLayout] = useState<(typeof LAYOUTS)[number]>("a4-4up");
  const [state, setState] = useState<State>({ phase: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = useId();
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const headers = { "accept-language": locale, accept: "application/json" };
  const problem = async (res: Response) => ((await res.json().catch(() => null)) as { detail?: string } | null)?.detail ?? t.failed;

  async function follow(jobId: number, count: number) {
    try {
      const res = await fetch(`/api/v1/jobs/${jobId}`, { headers, cache: "no-store" });
      if (!res.ok) return setState({ phase: "error", message: await problem(res) });
      const job = (await res.json()) as Job;
      if (job.status === "failed" || job.status === "cancelled") return setState({ phase: "error", message: t.failed });
      setState({ phase: "working", jobId, count, job });
      if (job.status !== "succeeded") timer.current = setTimeout(() => void follow(jobId, count), 1000);
    } catch {
      timer.current = setTimeout(() => void follow(jobId, count), 2000);
    }
  }

  async function start(e: React.FormEvent) {
    e.preventDefault();
    if (timer.current) clearTimeout(timer.current);
    setState({ phase: "starting" });
    const clean = Object.fromEntries(FILTER_KEYS.flatMap((k) => (filter[k] ? [[k, filter[k]]] : [])));
    try {
      const res = await fetch("/api/v1/badges/print", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ filter: clean, layout }) });
      if (res.status !== 202) return setState({ phase: "error", message: await problem(res) });
      const { jobId, count } = (await res.json()) as { jobId: number; count: number };
      setState({ phase: "working", jobId, count, job: null });
      void follow(jobId, count);
    } catch {
      setState({ phase: "error", message: t.failed });
    }
  }

  const busy = state.phase === "starting" || (state.phase === "working" && state.job?.status !== "succeeded");
  const job = state.phase === "working" ? state.job : null;
  return (
    <section aria-labelledby={`${id}-title`} className={cx(ui.card, "mt-6")} data-testid="badge-print">
      <h2 id={`${id}-title`} className={ui.h2}>{t.title}</h2>
      <p className="mt-1 text-sm text-muted">{unit ? t.introUnit : t.intro}</p>
      <form onSubmit={start} className="mt-3 flex flex-wrap items-end gap-4">
        <fieldset>
          <legend className={ui.label}>{t.layout}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {LAYOUTS.map((l) => (
              <label key={l} className="inline-flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="layout" value={l} checked={layout === l} onChange={() => setLayout(l)} className="size-4" />
                {t.layouts[l]}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={cx(ui.button, ui.primary)} disabled={busy}>{state.phase === "starting" ? t.starting : t.submit}</button>
      </form>
      {state.phase === "working" && (
        <div className="mt-4" aria-live="polite">
          {job?.status === "succeeded" && job.downloadUrl ? (
            <Notice tone="success">
              {t.ready.replace("{count}", String(state.count))}{" "}
              <a href={job.downloadUrl} download className={ui.link} data-testid="badge-print-download">{t.download}</a>
            </Notice>
          ) : (
            <>
              <p className="text-sm" role="status">
                {job?.status === "running" ? t.running.replace("{progress}", String(job.progress)) : t.queued.replace("{count}", String(state.count))}
              </p>
              <progress className="mt-2 h-2 w-full max-w-md" max={100} value={job?.progress ?? 0} aria-label={t.progressLabel} />
            </>
          )}
        </div>
      )}
      {state.phase === "error" && <Notice tone="error" className="mt-4">{state.message}</Notice>}
    </section>
  );
}
