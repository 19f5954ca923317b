import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Db } from "@/db/client";
import type { OutboxAttachment } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { renderQrPng, renderTemplate } from "./render-core";
import { TEMPLATES, isTemplateName, type AttachmentSpec } from "./templates";

type Body = { subject: string; html: string; text: string; qrPngs: string[] };

export type RenderedEmail = { subject: string; html: string; text: string; attachments: OutboxAttachment[] };

type Pending = { resolve: (v: Body) => void; reject: (e: Error) => void };
let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, Pending>();

/** The render thread, used when OCOP_RENDER_THREAD=1 (set by server.ts, which runs next to Next.js). */
function renderThread(): Worker {
  if (worker) return worker;
  const w = new Worker(path.resolve(/*turbopackIgnore: true*/ process.cwd(), "lib/mail/render-worker.cjs"));
  w.on("message", (m: { id: number; result?: Body; error?: string }) => {
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

function renderInThread(template: string, locale: Locale, props: unknown, qr: string[]): Promise<Body> {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    renderThread().postMessage({ id, template, locale, props, qr });
  });
}

async function renderHere(template: string, locale: Locale, props: unknown, qr: string[]): Promise<Body> {
  const [body, qrPngs] = await Promise.all([renderTemplate(template, locale, props), Promise.all(qr.map(renderQrPng))]);
  return { ...body, qrPngs };
}

export async function stopRenderThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

/** Renders a template (never in a request: the send job does it) and makes its attachments. */
export async function renderEmail(template: string, locale: Locale, rawProps: unknown, db?: Db): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`unknown email template: ${template}`);
  const t = TEMPLATES[template] as unknown as { props: { parse: (v: unknown) => object }; attachments?: (p: never, db: Db) => Promise<AttachmentSpec[]> };
  const props = t.props.parse(rawProps);
  // Attachments that need the database are prepared here; drawing (React, QR PNG) happens in the thread.
  const specs = t.attachments && db ? await t.attachments(props as never, db) : [];
  const qr = specs.flatMap((a) => ("qrDigits" in a ? [a.qrDigits] : []));
  const body = process.env.OCOP_RENDER_THREAD === "1" ? await renderInThread(template, locale, props, qr) : await renderHere(template, locale, props, qr);
  let q = 0;
  const attachments: OutboxAttachment[] = specs.map((a) => {
    if (!("qrDigits" in a)) return a;
    const { qrDigits: _digits, ...rest } = a;
    return { ...rest, contentBase64: body.qrPngs[q++]! };
  });
  return { subject: body.subject, html: body.html, text: body.text, attachments };
}
