"use client";

import { IDLE, type FormState } from "@/components/staff/form-state";
import { FormMessage } from "@/components/ui/form-message";
import { cx, ui } from "@/components/ui/styles";
import { useFormAction } from "@/components/ui/use-form-action";

/** One delegation's quota: a number field with its error, Save, and (when set) Remove quota. */
export function QuotaForm({ action, code, quota, labels }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  code: string;
  quota: number | null;
  labels: { quota: string; save: string; saveFor: string; clear: string; clearFor: string; working: string };
}) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const error = state.errors?.quota;
  const id = `quota-${code}`;
  return (
    <form {...formProps} className="flex flex-wrap items-start gap-2">
      <FormMessage state={state.errors?.quota ? IDLE : state} />
      <div>
        <label htmlFor={id} className="sr-only">{labels.quota}</label>
        <input
          id={id} name="quota" type="number" inputMode="numeric" min={0} max={10000} defaultValue={quota ?? ""}
          className={cx(ui.input, "w-28")} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && <p id={`${id}-error`} className={ui.error}>{error}</p>}
      </div>
      <button type="submit" disabled={pending} aria-label={labels.saveFor} className={cx(ui.button, ui.primary)}>{pending ? labels.working : labels.save}</button>
      {quota !== null && (
        <button type="submit" name="clear" value="1" disabled={pending} aria-label={labels.clearFor} className={cx(ui.button, ui.secondary)}>{labels.clear}</button>
      )}
    </form>
  );
}
