import type { Messages } from "@/lib/i18n";
import type { DelegateFormLabels } from "./types";

/** The texts the delegate form needs, picked from the catalogue on the server (the client gets no catalogue). */
export function delegateFormLabels(t: Messages, submit: string, pending: string): DelegateFormLabels {
  return {
    d: t.delegate,
    fields: { required: t.fields.required, email: t.fields.email, phone: t.fields.phone, choice: t.fields.choice, consent: t.fields.consent },
    formErrors: t.staff.formErrors,
    submit,
    pending,
    chooseCategory: t.register.chooseCategory,
    needsApproval: t.register.needsApproval,
    noApproval: t.register.noApproval,
    personTitle: t.register.personTitle,
    contactTitle: t.register.contactTitle,
    duplicate: {
      title: t.register.duplicateTitle, text: t.register.duplicateText, resend: t.register.duplicateResend,
      button: t.register.duplicateResendButton, pending: t.register.duplicateResending, resent: t.register.resent,
    },
  };
}
