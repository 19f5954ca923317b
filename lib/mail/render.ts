import { render } from "@react-email/render";
import type { ReactElement } from "react";
import type { Db } from "@/db/client";
import type { OutboxAttachment } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { TEMPLATES, isTemplateName } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string; attachments: OutboxAttachment[] };

type AnyTemplate = {
  props: { parse: (v: unknown) => object };
  subject: (p: never) => string;
  render: (p: never) => ReactElement;
  attachments?: (p: never, db: Db) => Promise<OutboxAttachment[]>;
};

/** Renders a template on the Node runtime (never in a request: the send job does it). */
export async function renderEmail(template: string, locale: Locale, rawProps: unknown, db?: Db): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`unknown email template: ${template}`);
  const t = TEMPLATES[template] as unknown as AnyTemplate;
  const props = { ...t.props.parse(rawProps), locale } as never;
  const element = t.render(props);
  const [html, text, attachments] = await Promise.all([
    render(element),
    render(element, { plainText: true }),
    t.attachments && db ? t.attachments(props, db) : Promise.resolve([]),
  ]);
  return { subject: t.subject(props), html, text, attachments };
}
