"use client";

import { useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import type { Messages } from "@/lib/i18n";

type Report = { dryRun: boolean; encoding: string; rows: number; valid: number; imported: number; errors: { row: number; field: string; message: string }[]; fileError?: string };

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

type Progress = { phase: "upload" | "read" | "check" | "import"; done: number; total: number };
type Line = ({ type: "progress" } & Progress) | ({ type: "report" } & Report) | { type: "problem"; detail?: string; title?: string };

/**
 * Sends the file and follows the import: the upload's progress (XMLHttpRequest: fetch has none),
 * then the server's progress lines (application/x-ndjson) as they arrive, then the report.
 */
function sendImport(body: FormData, locale: string, onProgress: (p: Progress) => void): Promise<{ ok: boolean; line: Line | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let last: Line | null = null;
    // A line that does not parse ends the import as failed (the promise always settles).
    const read = (): boolean => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return true;
      try {
        for (const raw of text.slice(seen, end).split("\n")) {
          if (!raw.trim()) continue;
          const line = JSON.parse(raw) as Line;
          if (line.type === "progress") onProgress(line);
          last = line;
        }
      } catch {
        xhr.abort();
        resolve({ ok: false, line: null });
        return false;
      }
      seen = end + 1;
      return true;
    };
    xhr.open("POST", "/api/v1/registrations/import");
    xhr.setRequestHeader("accept", "application/x-ndjson, application/problem+json");
    // The report in the page's language, whatever the browser's.
    xhr.setRequestHeader("accept-language", locale);
    xhr.upload.onprogress = (e) => onProgress({ phase: "upload", done: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.upload.onload = () => onProgress({ phase: "read", done: 0, total: 0 });
    xhr.onprogress = () => {
      if (xhr.getResponseHeader("content-type")?.includes("ndjson")) read();
    };
    xhr.onload = () => {
      if (xhr.getResponseHeader("content-type")?.includes("ndjson")) {
        if (read()) resolve({ ok: last?.type === "report", line: last });
        return;
      }
      try {
        resolve({ ok: false, line: { type: "problem", ...(JSON.parse(xhr.responseText) as { detail?: string; title?: string }) } });
      } catch {
        resolve({ ok: false, line: null });
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.ontimeout = () => reject(new Error("timeout"));
    xhr.send(body);
  });
}

/** Upload, check (dry run), then import: the report shows every problem by row and column. */
export function ImportForm({ t, problemTitle, locale }: { t: Messages["importPage"]; problemTitle: string; locale: "vi" | "en" }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);

  async function send(form: HTMLFormElement, dryRun: boolean) {
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setError(t.noFile);
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.append("file", file);
    body.append("dryRun", String(dryRun));
    setProgress({ phase: "upload", done: 0, total: file.size });
    try {
      const { ok, line } = await sendImport(body, locale, setProgress);
      if (ok && line?.type === "report") setReport(line);
      else {
        setReport(null);
        setError((line?.type === "problem" ? (line.detail ?? line.title) : undefined) ?? problemTitle);
      }
    } catch {
      setError(t.networkError);
    } finally {
      setBusy(false);
      setProgress(null);
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
      {progress && <ImportProgressBar p={progress} t={t} locale={locale} />}
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
              <div className="mt-3 relative overflow-x-auto">
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

/** How far the upload, the check or the import has got, as a bar and in words (announced politely). */
function ImportProgressBar({ p, t, locale }: { p: Progress; t: Messages["importPage"]; locale: "vi" | "en" }) {
  const num = (n: number) => n.toLocaleString(locale === "en" ? "en-GB" : "vi-VN");
  const percent = p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : null;
  const text = p.phase === "upload" ? fill(t.progress.upload, { percent: percent ?? 0 })
    : p.phase === "read" ? t.progress.read
      : fill(t.progress[p.phase], { done: num(p.done), total: num(p.total) });
  return (
    <div data-testid="import-progress" data-phase={p.phase}>
      <label htmlFor="import-progress" className="sr-only">{t.progressLabel}</label>
      {/* No value while the file is read: an indeterminate bar. */}
      <progress id="import-progress" max={100} value={p.phase === "read" ? undefined : (percent ?? undefined)} aria-describedby="import-progress-text" className="h-3 w-full accent-brand" />
      <p id="import-progress-text" className="mt-1 text-sm" role="status">{text}</p>
    </div>
  );
}
