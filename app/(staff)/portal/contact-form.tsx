"use client";

import { IDLE, type FormState } from "@/components/staff/form-state";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

type Contact = { name: string; position: string | null; email: string; phone: string };

/** The delegation's contact person: name, position, email and phone, saved in place with field errors. */
export function ContactForm({ action, contact, labels }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  contact: Contact | null;
  labels: { name: string; position: string; email: string; phone: string; required: string; optional: string; save: string; saving: string };
}) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const err = (k: string) => state.errors?.[k];
  return (
    <form {...formProps} className="mt-4 space-y-4" data-testid="contact-form">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={labels.name} labelExtra={labels.required} error={err("name")} defaultValue={contact?.name} autoComplete="name" maxLength={120} id="contact-name" />
        <TextField name="position" label={labels.position} labelExtra={labels.optional} error={err("position")} defaultValue={contact?.position ?? undefined} maxLength={160} id="contact-position" />
        <TextField name="email" type="email" label={labels.email} labelExtra={labels.required} error={err("email")} defaultValue={contact?.email} autoComplete="email" inputMode="email" spellCheck={false} maxLength={254} id="contact-email" />
        <TextField name="phone" type="tel" label={labels.phone} labelExtra={labels.required} error={err("phone")} defaultValue={contact?.phone} autoComplete="tel" inputMode="tel" maxLength={30} id="contact-phone" />
      </div>
      <SubmitButton pending={pending} pendingLabel={labels.saving}>{labels.save}</SubmitButton>
    </form>
  );
}
