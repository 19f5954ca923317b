import type { FormState } from "@/components/staff/form-state";
import type { Messages } from "@/lib/i18n";

/** A category question as the form renders it, in the reader's language. */
export type QuestionDef = { key: string; type: "text" | "choice" | "yesno"; label: string; required: boolean; options: { value: string; label: string }[] };

/** A category the reader may pick (public registration) or is fixed to (invitation, manage link). */
export type CategoryChoice = { code: string; name: string; colour: string; requiresApproval: boolean; questions: QuestionDef[] };

export type DelegateInitial = {
  honorific?: "ong" | "ba" | null;
  familyName?: string | null;
  givenName?: string | null;
  position?: string | null;
  organisation?: string | null;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
  provinceCode?: string | null;
  ministryCode?: string | null;
  answers?: Record<string, string | boolean>;
};

/** What the delegate form's server actions answer; `duplicate` carries the email already registered, `resent` the one the confirmation was resent to. */
export type DelegateFormState = FormState & { duplicate?: string; resent?: string };

export type DelegateFormLabels = {
  d: Messages["delegate"];
  fields: Pick<Messages["fields"], "required" | "email" | "phone" | "choice" | "consent">;
  formErrors: string;
  submit: string;
  pending: string;
  chooseCategory: string;
  needsApproval: string;
  noApproval: string;
  personTitle: string;
  contactTitle: string;
  duplicate: { title: string; text: string; resend: string; button: string; pending: string; resent: string };
};

/**
 * "register": public form with the category picker; "invitation": category and email fixed; "edit": the manage link's editable fields;
 * "portal": a delegation's officer adds a member (category picker, email; the unit is the officer's); "substitute": a new person takes a place (category and unit fixed).
 */
export type DelegateFormMode = "register" | "invitation" | "edit" | "portal" | "substitute";
