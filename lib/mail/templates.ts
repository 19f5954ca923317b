import type { ReactElement } from "react";
import { z } from "zod";
import PasswordReset, { passwordResetSubject } from "@/emails/password-reset";
import TestMessage, { testMessageSubject } from "@/emails/test-message";
import type { Locale } from "@/lib/i18n";

/** Every email the system sends: its props schema, subject and component, looked up by name. */
type Template<P> = {
  props: z.ZodType<P>;
  subject: (props: P & { locale: Locale }) => string;
  render: (props: P & { locale: Locale }) => ReactElement;
};

function template<P>(t: Template<P>): Template<P> {
  return t;
}

export const TEMPLATES = {
  "test-message": template({
    props: z.object({ name: z.string().min(1).max(200) }).strict(),
    subject: testMessageSubject,
    render: (p) => TestMessage(p),
  }),
  "password-reset": template({
    props: z.object({ name: z.string().min(1).max(200), url: z.url(), kind: z.enum(["welcome", "reset"]), hours: z.number().int().positive() }).strict(),
    subject: passwordResetSubject,
    render: (p) => PasswordReset(p),
  }),
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateProps<N extends TemplateName> = z.infer<(typeof TEMPLATES)[N]["props"]>;

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}
