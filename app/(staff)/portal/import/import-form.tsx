"use client";

import { useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import type { Messages } from "@/lib/i18n";

type Report = { dryRun: boolean; encoding: string; rows: number; valid: number; imported: number; errors: { row: number; field: string; message: string }[]; fileError?: string };

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/** Upload, check (dry run), then import: the report shows every problem by row and column. */
export function ImportForm({ t, problemTitle, locale }: { t: Messages["importPage"]; problemTitle: string; locale: "vi" | "en" }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(form: HTMLFormElement, dryRun: boolean) {
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setError(t.noFile);
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.append("file", file);
    body.append("dryRun", String(dryRun));
    try {
      // The report in the page's language, whatever the browser's.
      const res = await fetch("/api/v1/registrations/import", { method: "POST", body, headers: { "accept-language": locale } });
      const json = (await res.json()) as Report & { detail?: string; title?: string };
      if (!res.ok) {
        setReport(null);
        setError(json.detail ?? json.title ?? problemTitle);
      } else setReport(json);
    } catch {
      setError(t.networkError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={cx(ui.card, "mt-6 grid gap-4")} onSubmit={(e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      void send(e.currentTarget, true);
    }} noValidate>
      <div>
        <label htmlFor="import-file" className="block font-semibold">{t.file}</label>
        <p id="import-file-hint" className="text-sm text-muted">{t.fileHint}</p>
        <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-hint" className="mt-2 block w-full text-sm" onChange={() => setReport(null)} />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={busy} className={cx(ui.button, ui.secondary)}>{busy ? t.working : t.check}</button>
        <button type="button" disabled={busy || !report || report.errors.length > 0 || Boolean(report.fileError) || report.imported > 0 || report.rows === 0}
          className={cx(ui.button, ui.primary)}
          onClick={(e) => void send(e.currentTarget.form!, false)}>
          {t.import}
        </button>
      </div>
      <div aria-live="polite">
        {error && <Notice tone="error">{error}</Notice>}
        {report?.fileError && <Notice tone="error">{report.fileError}</Notice>}
        {report && !report.fileError && (
          <>
            <p className="text-sm" data-testid="import-summary">{fill(t.summary, { rows: report.rows, valid: report.valid, encoding: report.encoding })}</p>
            {report.imported > 0 ? <Notice tone="success">{fill(t.imported, { count: report.imported })}</Notice>
              : report.errors.length === 0 ? <Notice tone="success">{t.allValid}</Notice>
                : <Notice tone="error">{fill(t.problems, { count: report.errors.length })}</Notice>}
            {report.errors.length > 0 && (
              <div className="mt-3 overflow-x-auto">
                <table className={ui.table} data-testid="import-errors">
                  <thead><tr><th className={ui.th}>{t.row}</th><th className={ui.th}>{t.field}</th><th className={ui.th}>{t.message}</th></tr></thead>
                  <tbody>
                    {report.errors.map((x, i) => (
                      <tr key={i}><td className={ui.td}>{x.row}</td><td className={ui.td}>{x.field}</td><td className={ui.td}>{x.message}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </div>
    </form>
  );
}
