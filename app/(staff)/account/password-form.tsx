"use client";

import { IDLE, type FormState } from "@/components/staff/form-state";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

type Labels = { current: string; next: string; confirm: string; hint: string; submit: string; submitting: string };

export function PasswordForm({ action, labels, email }: { action: (s: FormState, d: FormData) => Promise<FormState>; labels: Labels; email: string }) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const e = state.errors ?? {};
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {/* Lets password managers tie the new password to the account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormMessage state={state} />
      <TextField name="currentPassword" type="password" label={labels.current} error={e.currentPassword} autoComplete="current-password" required />
      <TextField name="newPassword" type="password" label={labels.next} hint={labels.hint} error={e.newPassword} autoComplete="new-password" required />
      <TextField name="confirmPassword" type="password" label={labels.confirm} error={e.confirmPassword} autoComplete="new-password" required />
      <SubmitButton pending={pending} pendingLabel={labels.submitting}>{labels.submit}</SubmitButton>
    </form>
  );
}
