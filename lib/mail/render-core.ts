import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { qrPng } from "@/lib/badges/badge";
import type { Locale } from "@/lib/i18n";
import { TEMPLATES, isTemplateName } from "./templates";

type AnyTemplate = {
  props: { parse: (v: unknown) => object };
  subject: (p: never) => string;
  render: (p: never) => ReactElement;
};

/** Subject, HTML and text of a template (React rendering only; no database). */
export async function renderTemplate(template: string, locale: Locale, rawProps: unknown): Promise<{ subject: string; html: string; text: string }> {
  if (!isTemplateName(template)) throw new Error(`unknown email template: ${template}`);
  const t = TEMPLATES[template] as unknown as AnyTemplate;
  const props = { ...t.props.parse(rawProps), locale } as never;
  const element = t.render(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: t.subject(props), html, text };
}

/** The badge QR as PNG (base64), drawn where the email is rendered. */
export async function renderQrPng(digits: string): Promise<string> {
  return (await qrPng(digits)).toString("base64");
}
