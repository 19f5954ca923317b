"use client";

import { useEffect } from "react";
import type { FormState } from "@/components/staff/form-state";
import { IDLE } from "@/components/staff/form-state";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export type InviteFormLabels = {
  category: string; email: string; honorific: string; honorificNone: string; ong: string; ba: string; familyName: string; givenName: string;
  position: string; organisation: string; optional: string; pasteLabel: string; pasteHint: string; submit: string; pending: string;
};

/** Invite one person ("single") or a pasted list ("paste"); after sending, the outcome is announced and the form is emptied. */
export function InviteForm({ variant, action, categories, labels }: {
  variant: "single" | "paste";
  action: (state: FormState, data: FormData) => Promise<FormState>;
  categories: Option[];
  labels: InviteFormLabels;
}) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const e = state.errors ?? {};
  const p = variant;
  useEffect(() => {
    if (state.status === "ok") formProps.ref.current?.reset();
  }, [state, formProps.ref]);
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage state={state} />
      {state.status === "ok" && state.message && <Notice tone="success">{state.message}</Notice>}
      <SelectField id={`${p}-category`} name="categoryCode" label={labels.category} error={e.categoryCode} options={categories} />
      {variant === "single" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={`${p}-email`} name="email" type="email" label={labels.email} error={e.email} autoComplete="off" inputMode="email" spellCheck={false} maxLength={254} className="sm:col-span-2" />
          <SelectField
            id={`${p}-honorific`} name="honorific" label={labels.honorific} labelExtra={labels.optional}
            options={[{ value: "", label: labels.honorificNone }, { value: "ong", label: labels.ong }, { value: "ba", label: labels.ba }]}
          />
          <div className="hidden sm:block" />
          <TextField id={`${p}-familyName`} name="familyName" label={labels.familyName} labelExtra={labels.optional} error={e.familyName} maxLength={80} autoComplete="off" />
          <TextField id={`${p}-givenName`} name="givenName" label={labels.givenName} labelExtra={labels.optional} error={e.givenName} maxLength={40} autoComplete="off" />
          <TextField id={`${p}-position`} name="position" label={labels.position} labelExtra={labels.optional} error={e.position} maxLength={160} autoComplete="off" />
          <TextField id={`${p}-organisation`} name="organisation" label={labels.organisation} labelExtra={labels.optional} error={e.organisation} maxLength={200} autoComplete="off" />
        </div>
      ) : (
        <div>
          <label htmlFor="paste-list" className={ui.label}>{labels.pasteLabel}</label>
          <p id="paste-list-hint" className={ui.hint}>{labels.pasteHint}</p>
          <textarea
            id="paste-list" name="list" rows={8} spellCheck={false} className={cx(ui.input, "mt-1 font-mono text-sm")}
            aria-invalid={e.list ? true : undefined} aria-describedby={cx("paste-list-hint", e.list && "paste-list-error")}
          />
          {e.list && <p id="paste-list-error" className={cx(ui.error, "whitespace-pre-line")}>{e.list}</p>}
        </div>
      )}
      <SubmitButton pending={pending} pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
