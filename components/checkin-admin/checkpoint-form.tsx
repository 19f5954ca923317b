"use client";

import { useRef, useState, type FormEvent } from "react";
import type { FormState } from "@/components/staff/form-state";
import { IDLE } from "@/components/staff/form-state";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { fill } from "./format";
import { MAX_WINDOWS } from "./windows";

export type CheckpointFormLabels = {
  categories: string; categoriesHint: string; windows: string; windowsHint: string; window: string; opensAt: string; closesAt: string;
  addWindow: string; removeWindow: string; reentry: string; tooManyWindows: string;
  confirmTitle: string; confirmRemoved: string; confirmNoReentry: string; confirmSave: string; confirmBack: string;
  submit: string; pending: string;
};

type Row = { key: number; opensAt: string; closesAt: string };
type Pending = { removed: string[]; noReentry: boolean };

/**
 * A checkpoint's rules: categories allowed (checkboxes), opening windows (pairs of datetime-local
 * inputs in Hà Nội time, added and removed here) and re-entry. Saving a change that turns people
 * away (a category unticked, re-entry switched off) asks for confirmation first.
 */
export function CheckpointForm({ action, name, categories, initial, labels }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  name: string;
  categories: { code: string; name: string; colour: string }[];
  initial: { categories: string[]; windows: { opensAt: string; closesAt: string }[]; allowReentry: boolean };
  labels: CheckpointFormLabels;
}) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const nextKey = useRef(initial.windows.length);
  const [rows, setRows] = useState<Row[]>(() => initial.windows.map((w, i) => ({ key: i, ...w })));
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const e = state.errors ?? {};

  function addRow() {
    setRows((r) => [...r, { key: nextKey.current++, opensAt: "", closesAt: "" }]);
  }
  function removeRow(key: number) {
    setRows((r) => r.filter((x) => x.key !== key));
  }
  function setRow(key: number, field: "opensAt" | "closesAt", value: string) {
    setRows((r) => r.map((x) => (x.key === key ? { ...x, [field]: value } : x)));
  }

  function onSubmit(ev: FormEvent<HTMLFormElement>) {
    const submitter = (ev.nativeEvent as SubmitEvent).submitter;
    if (submitter?.getAttribute("name") !== "confirmed") {
      const data = new FormData(ev.currentTarget);
      const checked = new Set(data.getAll("categories"));
      const removed = initial.categories.filter((c) => !checked.has(c)).map((c) => categories.find((x) => x.code === c)?.name ?? c);
      const noReentry = initial.allowReentry && data.get("allowReentry") !== "on";
      if (removed.length || noReentry) {
        ev.preventDefault();
        setConfirming({ removed, noReentry });
        return;
      }
    }
    setConfirming(null);
    formProps.onSubmit(ev);
  }

  return (
    <form {...formProps} onSubmit={onSubmit} className="space-y-6">
      <FormMessage state={state} />
      <fieldset aria-describedby={cx("f-categories-hint", e.categories && "f-categories-error")}>
        <legend className={ui.label}>{labels.categories}</legend>
        <p id="f-categories-hint" className={ui.hint}>{labels.categoriesHint}</p>
        <div className="mt-2 grid gap-x-4 sm:grid-cols-2">
          {categories.map((c) => (
            <label key={c.code} className="inline-flex min-h-11 items-center gap-3">
              <input type="checkbox" name="categories" value={c.code} defaultChecked={initial.categories.includes(c.code)} className="size-5 shrink-0 accent-brand" />
              <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-full border border-stone-400" style={{ backgroundColor: c.colour }} />
              <span>{c.name}</span>
            </label>
          ))}
        </div>
        {e.categories && <p id="f-categories-error" className={ui.error}>{e.categories}</p>}
      </fieldset>

      <fieldset aria-describedby={cx("f-windows-hint", e.windows && "f-windows-error")}>
        <legend className={ui.label}>{labels.windows}</legend>
        <p id="f-windows-hint" className={ui.hint}>{labels.windowsHint}</p>
        <ol className="mt-2 space-y-3">
          {rows.map((row, i) => {
            const n = i + 1;
            const openErr = e[`windows.${i}.opensAt`];
            const closeErr = e[`windows.${i}.closesAt`];
            const id = `f-windows-${i}`;
            return (
              <li key={row.key} className="rounded border border-stone-300 p-3" data-testid="window-row">
                <fieldset>
                  <legend className="text-sm font-semibold">{fill(labels.window, { n })}</legend>
                  <div className="mt-1 flex flex-wrap items-start gap-3">
                    <div>
                      <label htmlFor={`${id}-opensAt`} className="block text-sm">{labels.opensAt}</label>
                      <input
                        id={`${id}-opensAt`} name="opensAt" type="datetime-local" value={row.opensAt} onChange={(ev) => setRow(row.key, "opensAt", ev.target.value)}
                        className={cx(ui.input, "mt-1 w-auto")} aria-invalid={openErr ? true : undefined} aria-describedby={openErr ? `${id}-opensAt-error` : undefined}
                      />
                      {openErr && <p id={`${id}-opensAt-error`} className={ui.error}>{openErr}</p>}
                    </div>
                    <div>
                      <label htmlFor={`${id}-closesAt`} className="block text-sm">{labels.closesAt}</label>
                      <input
                        id={`${id}-closesAt`} name="closesAt" type="datetime-local" value={row.closesAt} onChange={(ev) => setRow(row.key, "closesAt", ev.target.value)}
                        className={cx(ui.input, "mt-1 w-auto")} aria-invalid={closeErr ? true : undefined} aria-describedby={closeErr ? `${id}-closesAt-error` : undefined}
                      />
                      {closeErr && <p id={`${id}-closesAt-error`} className={ui.error}>{closeErr}</p>}
                    </div>
                    <button type="button" onClick={() => removeRow(row.key)} className={cx(ui.button, ui.secondary, "mt-6")}>
                      {fill(labels.removeWindow, { n })}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {rows.length < MAX_WINDOWS && (
          <button type="button" onClick={addRow} className={cx(ui.button, ui.secondary, "mt-3")}>+ {labels.addWindow}</button>
        )}
        {e.windows && <p id="f-windows-error" className={ui.error}>{e.windows}</p>}
      </fieldset>

      <div>
        <label className="flex items-start gap-3">
          <input type="checkbox" name="allowReentry" defaultChecked={initial.allowReentry} className="mt-0.5 size-5 accent-brand" aria-invalid={e.allowReentry ? true : undefined} />
          <span className="text-sm font-semibold">{labels.reentry}</span>
        </label>
        {e.allowReentry && <p className={ui.error}>{e.allowReentry}</p>}
      </div>

      {confirming ? (
        <div className="rounded border-2 border-red-700 bg-red-50 p-4" data-testid="confirm-panel">
          <Notice tone="warning">
            <p className="font-semibold">{labels.confirmTitle}</p>
            {confirming.removed.length > 0 && <p className="mt-1">{fill(labels.confirmRemoved, { name, list: confirming.removed.join(", ") })}</p>}
            {confirming.noReentry && <p className="mt-1">{labels.confirmNoReentry}</p>}
          </Notice>
          <div className="mt-3 flex flex-wrap gap-2">
            {/* Autofocus: the reader has just asked to save; the confirmation is what they need next. */}
            <button type="submit" name="confirmed" value="1" disabled={pending} autoFocus className={cx(ui.button, ui.danger)}>
              {pending ? labels.pending : labels.confirmSave}
            </button>
            <button type="button" onClick={() => setConfirming(null)} className={cx(ui.button, ui.secondary)}>{labels.confirmBack}</button>
          </div>
        </div>
      ) : (
        <SubmitButton pending={pending} pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      )}
    </form>
  );
}
