import { render } from "@react-email/render";
import type { ReactElement } from "react";
import type { Locale } from "@/lib/i18n";
import { TEMPLATES, isTemplateName } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string };

type AnyTemplate = {
  props: { parse: (v: unknown) => object };
  subject: (p: never) => string;
  render: (p: never) => ReactElement;
};

/** Renders a template on the Node runtime (never in a request: the send job does it). */
export async function renderEmail(template: string, locale: Locale, rawProps: unknown): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`unknown email template: ${template}`);
  const t = TEMPLATES[template] as unknown as AnyTemplate;
  const props = { ...t.props.parse(rawProps), locale } as never;
  const element = t.render(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: t.subject(props), html, text };
}
