import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/staff/format";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import type { OutboxAttachment } from "@/db/schema/mail";
import { requirePageUser } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/errors";
import { format, formatNumber, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { getOutboxMessage } from "@/lib/mail/list";
import { OUTBOX_TONE } from "../tone";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.outbox.title };
}

function dataUrl(a: OutboxAttachment): string {
  return `data:${a.contentType};base64,${a.contentBase64}`;
}

/**
 * The page's CSP (img-src 'self' data:) also governs a srcdoc frame, so `cid:` images would be
 * blocked: they are pointed at their attachment as a data: URL, the way a mail client shows them.
 */
function inlineCids(html: string, attachments: OutboxAttachment[]): string {
  const byCid = new Map(attachments.filter((a) => a.cid && a.contentType.startsWith("image/")).map((a) => [a.cid!, a]));
  return html.replace(/(["'(])cid:([^"')\s]+)/g, (m, quote: string, cid: string) => {
    const a = byCid.get(cid);
    return a ? `${quote}${dataUrl(a)}` : m;
  });
}

/** One message: subject, recipient, status, the HTML in a sandboxed frame (no scripts, no same-origin), the text, the attachments. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const { ctx } = await requirePageUser("outbox.read", `/admin/outbox/${encodeURIComponent(rawId)}`);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const t = messages(ctx.locale);
  const o = t.outbox;
  const m = await getOutboxMessage(ctx, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const subject = m.subject ?? o.noSubject;
  const rows: [string, string][] = [
    [o.to, m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress],
    [o.template, o.templates[m.template as keyof typeof o.templates] ?? m.template],
    [o.time, formatDateTime(m.createdAt)],
    ...(m.sentAt ? [[o.sentAt, formatDateTime(m.sentAt)] as [string, string]] : []),
    [o.attempts, String(m.attempts)],
    ...(m.lastError ? [[o.lastError, m.lastError] as [string, string]] : []),
  ];
  return (
    <>
      <p><Link href="/admin/outbox" className={ui.link}>← {o.back}</Link></p>
      <h1 className={cx(ui.h1, "mt-2 break-words")}>{format(o.detailTitle, { subject })}</h1>
      <p className="mt-2">
        <span className={cx("whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold", OUTBOX_TONE[m.status])}>{o.statuses[m.status as keyof typeof o.statuses] ?? m.status}</span>
      </p>
      <section aria-labelledby="meta-title" className={cx(ui.card, "mt-6")}>
        <h2 id="meta-title" className="sr-only">{o.subject}</h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{o.subject}</dt><dd className="break-words" data-testid="outbox-subject">{subject}</dd>
          {rows.map(([k, v]) => (
            <div key={k} className="contents"><dt className="font-semibold">{k}</dt><dd className="break-all">{v}</dd></div>
          ))}
        </dl>
      </section>

      {m.html === null && m.text === null && <Notice tone="info" className="mt-6">{o.notRendered}</Notice>}

      {m.html !== null && (
        <section aria-labelledby="html-title" className={cx(ui.card, "mt-6")}>
          <h2 id="html-title" className={ui.h2}>{o.htmlTitle}</h2>
          <iframe
            title={o.htmlFrame}
            sandbox=""
            srcDoc={inlineCids(m.html, m.attachments)}
            referrerPolicy="no-referrer"
            className="mt-3 h-[40rem] w-full rounded border border-stone-300 bg-white"
          />
        </section>
      )}

      {m.text !== null && (
        <section aria-labelledby="text-title" className={cx(ui.card, "mt-6")}>
          <h2 id="text-title" className={ui.h2}>{o.textTitle}</h2>
          <pre data-testid="outbox-text" className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded bg-stone-100 p-3 text-sm">{m.text}</pre>
        </section>
      )}

      <section aria-labelledby="attachments-title" className={cx(ui.card, "mt-6")}>
        <h2 id="attachments-title" className={ui.h2}>{o.attachmentsTitle}</h2>
        {m.attachments.length === 0 ? (
          <p className="mt-2 text-sm text-muted">{o.noAttachments}</p>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {m.attachments.map((a, i) => (
              <li key={`${a.filename}-${i}`} className="rounded border border-stone-200 p-3">
                <p className="break-all text-sm font-semibold">{a.filename}</p>
                <p className="text-xs text-muted">{a.contentType}{a.cid ? ` · cid:${a.cid}` : ""} · {formatNumber(Math.round((a.contentBase64.length * 3) / 4 / 1024 * 10) / 10, ctx.locale, 1)} KB</p>
                {a.contentType.startsWith("image/") && (
                  // A data: URL: the CSP allows it (img-src data:), and the outbox has no file endpoint.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={dataUrl(a)} alt={a.filename} className="mt-2 h-48 w-48 border border-stone-200 object-contain" />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
