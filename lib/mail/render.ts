import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Db } from "@/db/client";
import type { OutboxAttachment } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { renderTemplate } from "./render-core";
import { TEMPLATES, isTemplateName } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string; attachments: OutboxAttachment[] };

type Pending = { resolve: (v: { subject: string; html: string; text: string }) => void; reject: (e: Error) => void };
let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, Pending>();

/** The render thread, used when OCOP_RENDER_THREAD=1 (set by server.ts, which runs next to Next.js). */
function renderThread(): Worker {
  if (worker) return worker;
  const w = new Worker(path.resolve(/*turbopackIgnore: true*/ process.cwd(), "lib/mail/render-worker.cjs"));
  w.on("message", (m: { id: number; result?: { subject: string; html: string; text: string }; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.result!);
  });
  w.on("error", (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  });
  w.unref();
  worker = w;
  return w;
}

function renderInThread(template: string, locale: Locale, props: unknown): Promise<{ subject: string; html: string; text: string }> {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    renderThread().postMessage({ id, template, locale, props });
  });
}

export async function stopRenderThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

/** Renders a template (never in a request: the send job does it) and makes its attachments. */
export async function renderEmail(template: string, locale: Locale, rawProps: unknown, db?: Db): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`unknown email template: ${template}`);
  const t = TEMPLATES[template] as unknown as { props: { parse: (v: unknown) => object }; attachments?: (p: never, db: Db) => Promise<OutboxAttachment[]> };
  const props = t.props.parse(rawProps);
  const [body, attachments] = await Promise.all([
    process.env.OCOP_RENDER_THREAD === "1" ? renderInThread(template, locale, props) : renderTemplate(template, locale, props),
    t.attachments && db ? t.attachments(props as never, db) : Promise.resolve([]),
  ]);
  return { ...body, attachments };
}
