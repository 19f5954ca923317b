/** What a form's server action answers: field errors (already in the reader's language) or success. */
export type FormState = {
  status: "idle" | "ok" | "error";
  /** Form-level message: a summary of field errors, or an error that belongs to no field. */
  message?: string;
  errors?: Partial<Record<string, string>>;
};

export const IDLE: FormState = { status: "idle" };
