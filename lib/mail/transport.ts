import type { Env } from "@/lib/server/env";
import nodemailer, { type Transporter } from "nodemailer";

export type MailTransport = { send: (msg: OutgoingMail) => Promise<{ messageId: string }>; close: () => void };
export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; cid?: string; content: Buffer }[];
};

const SLOT = Symbol.for("ocop.mail.transport");

/** The SMTP transport when SMTP_URL is set; null means the outbox is the mailbox. */
export function mailTransport(env: Env = process.env): MailTransport | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const g = globalThis as unknown as Record<symbol, { url: string; t: MailTransport } | undefined>;
  const cached = g[SLOT];
  if (cached && cached.url === url) return cached.t;
  const transporter: Transporter = nodemailer.createTransport(url);
  const t: MailTransport = {
    send: async (msg) => {
      const info = await transporter.sendMail(msg);
      return { messageId: String(info.messageId ?? "") };
    },
    close: () => transporter.close(),
  };
  g[SLOT] = { url, t };
  return t;
}

export function mailFrom(env: Env = process.env): string {
  return env.MAIL_FROM?.trim() || '"Ban Tổ chức Hội nghị OCOP" <hoinghi-ocop@ocop.example>';
}
