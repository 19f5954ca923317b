"use client";

import { useState } from "react";
import type { FormState } from "@/components/staff/form-state";
import { IDLE } from "@/components/staff/form-state";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export type CategoryFormLabels = {
  nameVi: string; nameEn: string; colour: string; colourHint: string; mode: string; unitKind: string; requiresApproval: string;
  capacity: string; capacityHint: string; checkpoints: string; questions: string; questionsHint: string; choose: string; optional: string;
  submit: string; pending: string;
};

export type CategoryInitial = {
  nameVi: string; nameEn: string; colour: string; mode: "public" | "invitation" | "portal"; unitKind: "province" | "ministry" | null;
  requiresApproval: boolean; capacity: number | null; checkpoints: string[]; questionsJson: string;
};

/** Edit one delegate category; the unit kind shows only for portal registration. Questions are a JSON list. */
export function CategoryForm({ action, initial, labels, modes, unitKinds, checkpoints }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  initial: CategoryInitial;
  labels: CategoryFormLabels;
  modes: Option[];
  unitKinds: Option[];
  checkpoints: Option[];
}) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const [mode, setMode] = useState<string>(initial.mode);
  const [colour, setColour] = useState(initial.colour);
  const e = state.errors ?? {};
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="nameVi" label={labels.nameVi} error={e.nameVi} defaultValue={initial.nameVi} required maxLength={120} autoComplete="off" />
        <TextField name="nameEn" label={labels.nameEn} error={e.nameEn} defaultValue={initial.nameEn} required maxLength={120} autoComplete="off" lang="en" />
        <div className="flex items-end gap-3">
          <TextField
            name="badgeColour" label={labels.colour} hint={labels.colourHint} error={e.badgeColour} value={colour} onChange={(ev) => setColour(ev.target.value)}
            maxLength={7} autoComplete="off" spellCheck={false} className="flex-1"
          />
          <span aria-hidden="true" className="mb-0.5 inline-block size-11 shrink-0 rounded border border-stone-400" style={{ backgroundColor: /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : "transparent" }} />
        </div>
        <TextField name="capacity" label={labels.capacity} labelExtra={labels.optional} hint={labels.capacityHint} error={e.capacity} defaultValue={initial.capacity ?? ""} inputMode="numeric" autoComplete="off" maxLength={8} />
        <SelectField name="registrationMode" label={labels.mode} error={e.registrationMode} value={mode} onChange={(ev) => setMode(ev.target.value)} options={modes} />
        {mode === "portal" && (
          <SelectField name="portalUnitKind" label={labels.unitKind} error={e.portalUnitKind} defaultValue={initial.unitKind ?? ""} options={[{ value: "", label: labels.choose }, ...unitKinds]} />
        )}
      </div>
      <label className="flex items-start gap-3">
        <input type="checkbox" name="requiresApproval" defaultChecked={initial.requiresApproval} className="mt-0.5 size-5 accent-brand" />
        <span className="text-sm font-semibold">{labels.requiresApproval}</span>
      </label>
      <fieldset aria-describedby={e.checkpoints ? "f-checkpoints-error" : undefined}>
        <legend className={ui.label}>{labels.checkpoints}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {checkpoints.map((c) => (
            <label key={c.value} className="inline-flex min-h-11 items-center gap-2">
              <input type="checkbox" name="checkpoints" value={c.value} defaultChecked={initial.checkpoints.includes(c.value)} className="size-5 accent-brand" />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
        {e.checkpoints && <p id="f-checkpoints-error" className={ui.error}>{e.checkpoints}</p>}
      </fieldset>
      <div>
        <label htmlFor="f-questions" className={ui.label}>{labels.questions}</label>
        <p id="f-questions-hint" className={ui.hint}>{labels.questionsHint}</p>
        <textarea
          id="f-questions" name="questions" rows={14} spellCheck={false} defaultValue={initial.questionsJson}
          className={cx(ui.input, "mt-1 font-mono text-sm")} aria-invalid={e.questions ? true : undefined}
          aria-describedby={cx("f-questions-hint", e.questions && "f-questions-error")}
        />
        {e.questions && <p id="f-questions-error" className={cx(ui.error, "whitespace-pre-line")}>{e.questions}</p>}
      </div>
      <SubmitButton pending={pending} pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
