"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TokenFormState } from "./actions";

type Labels = {
  name: string; nameHint: string; create: string; creating: string; createdTitle: string; createdWarning: string;
  tokenLabel: string; copy: string; copied: string; copyFailed: string;
};

const INITIAL: TokenFormState = { status: "idle" };

/** Creates an API token and shows its secret once, with a copy button and a warning. */
export function TokenForm({ action, labels }: { action: (s: TokenFormState, d: FormData) => Promise<TokenFormState>; labels: Labels }) {
  const { state, pending, formProps } = useFormAction(action, INITIAL);
  const created = state.status === "ok" ? state.created : undefined;
  return (
    <div className="space-y-4">
      {created && (
        <Notice tone="warning">
          <p className="font-semibold">{labels.createdTitle.replace("{name}", created.name)}</p>
          <p className="mt-1">{labels.createdWarning}</p>
          <label htmlFor="new-token" className="mt-3 block text-sm font-semibold">{labels.tokenLabel}</label>
          <input
            id="new-token" readOnly value={created.token} spellCheck={false} autoComplete="off" data-testid="new-token"
            onFocus={(ev) => ev.currentTarget.select()}
            className="mt-1 block w-full rounded border border-stone-400 bg-white px-3 py-2 font-mono text-sm"
          />
          <div className="mt-2">
            <CopyButton value={created.token} label={labels.copy} copiedLabel={labels.copied} failedLabel={labels.copyFailed} />
          </div>
        </Notice>
      )}
      <form {...formProps} key={created?.token ?? "new"} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <FormMessage state={state} />
          <TextField name="name" label={labels.name} hint={labels.nameHint} error={state.errors?.name} maxLength={80} autoComplete="off" required />
        </div>
        <SubmitButton pending={pending} pendingLabel={labels.creating}>{labels.create}</SubmitButton>
      </form>
    </div>
  );
}
