"use client";

import Link from "next/link";
import type { FormState } from "@/components/staff/form-state";
import { IDLE } from "@/components/staff/form-state";
import { FormMessage } from "@/components/ui/form-message";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * A confirmation step with a reason (reject: required; cancel: optional): the question, the reason,
 * the confirming button and a way back. Field errors from the domain appear under the reason.
 */
export function ReasonForm({ action, idPrefix, question, reasonLabel, optionalLabel, required, submit, pendingLabel, backHref, backLabel }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  idPrefix: string;
  question: string;
  reasonLabel: string;
  optionalLabel?: string;
  required: boolean;
  submit: string;
  pendingLabel: string;
  backHref: string;
  backLabel: string;
}) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const error = state.errors?.reason;
  const id = `${idPrefix}-reason`;
  return (
    <form {...formProps} className="min-w-64 space-y-3 rounded border-2 border-red-700 bg-red-50 p-3 text-left">
      <p className="text-sm font-semibold text-red-950">{question}</p>
      <FormMessage state={state} />
      <div>
        <label htmlFor={id} className={ui.label}>
          {reasonLabel}
          {!required && optionalLabel && <span className="ml-1 font-normal text-muted">{optionalLabel}</span>}
        </label>
        <textarea
          id={id} name="reason" rows={2} maxLength={500} autoFocus className={cx(ui.input, "mt-1")}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && <p id={`${id}-error`} className={ui.error}>{error}</p>}
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton tone="danger" pending={pending} pendingLabel={pendingLabel}>{submit}</SubmitButton>
        <Link href={backHref} scroll={false} className={cx(ui.button, ui.secondary)}>{backLabel}</Link>
      </div>
    </form>
  );
}
