"use client";

import Link from "next/link";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ResetState } from "./actions";

type Labels = { newPassword: string; confirmPassword: string; hint: string; submit: string; submitting: string; done: string; signIn: string };

const INITIAL: ResetState = { status: "idle" };

export function ResetForm({ action, token, labels }: { action: (s: ResetState, d: FormData) => Promise<ResetState>; token: string; labels: Labels }) {
  const { state, pending, formProps } = useFormAction(action, INITIAL);
  if (state.status === "ok") {
    return (
      <div className="space-y-4">
        <Notice tone="success">{labels.done.replace("{email}", state.email ?? "")}</Notice>
        <Link href={state.email ? `/signin?email=${encodeURIComponent(state.email)}` : "/signin"} className={cx(ui.button, ui.primary)}>{labels.signIn}</Link>
      </div>
    );
  }
  const e = state.errors ?? {};
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <TextField name="password" type="password" label={labels.newPassword} hint={labels.hint} error={e.password} autoComplete="new-password" required />
      <TextField name="confirmPassword" type="password" label={labels.confirmPassword} error={e.confirmPassword} autoComplete="new-password" required />
      <SubmitButton pending={pending} pendingLabel={labels.submitting}>{labels.submit}</SubmitButton>
    </form>
  );
}
