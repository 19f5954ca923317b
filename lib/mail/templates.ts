import type { ReactElement } from "react";
import { z } from "zod";
import DelegationBadges, { delegationBadgesSubject } from "@/emails/delegation-badges";
import Invitation, { invitationSubject } from "@/emails/invitation";
import PasswordReset, { passwordResetSubject } from "@/emails/password-reset";
import RegistrationStatus, { hasBadge, registrationStatusSubject } from "@/emails/registration-status";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { registrations } from "@/db/schema";
import type { OutboxAttachment } from "@/db/schema";
import { badgeCodeById } from "@/lib/badges/badge";

/** An attachment as stored, or a QR code to draw as PNG where the email is rendered (off the main thread). */
export type AttachmentSpec = OutboxAttachment | (Omit<OutboxAttachment, "contentBase64"> & { qrDigits: string });
import TestMessage, { testMessageSubject } from "@/emails/test-message";
import type { Locale } from "@/lib/i18n";

/** Every email the system sends: its props schema, subject and component, looked up by name. */
type Template<P> = {
  props: z.ZodType<P>;
  subject: (props: P & { locale: Locale }) => string;
  render: (props: P & { locale: Locale }) => ReactElement;
  /** Made when the message is rendered (in the send job), e.g. the badge QR as a CID image. */
  attachments?: (props: P, db: Db) => Promise<AttachmentSpec[]>;
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
  "registration-status": template({
    props: z.object({
      kind: z.enum(["received", "confirmed", "rejected", "waitlisted", "promoted", "cancelled"]),
      registrationId: z.number().int().positive(),
      honorific: z.enum(["ong", "ba"]),
      name: z.string().min(1).max(200),
      categoryName: z.string().min(1).max(200),
      manageUrl: z.url(),
      badgeUrl: z.url(),
      reason: z.string().max(500).optional(),
    }).strict(),
    subject: registrationStatusSubject,
    render: (p) => RegistrationStatus(p),
    attachments: async (p, db) => {
      if (!hasBadge(p.kind)) return [];
      const code = await badgeCodeById(db, p.registrationId);
      if (!code) return [];
      return [{ filename: "the-dai-bieu-qr.png", contentType: "image/png", cid: "badge-qr", qrDigits: code }];
    },
  }),
  invitation: template({
    props: z.object({ name: z.string().min(1).max(200), categoryName: z.string().min(1).max(200), url: z.url(), expiresOn: z.string().max(20) }).strict(),
    subject: invitationSubject,
    render: (p) => Invitation(p),
  }),
  "delegation-badges": template({
    props: z.object({
      name: z.string().min(1).max(200),
      delegation: z.string().max(200),
      portalUrl: z.url(),
      members: z.array(z.object({ id: z.number().int().positive(), name: z.string().min(1).max(200), category: z.string().max(200) }).strict()).min(1).max(500),
    }).strict(),
    subject: delegationBadgesSubject,
    render: (p) => DelegationBadges(p),
    // Each member's QR code as its own image (to forward or show on a phone); a badge revoked meanwhile is left out.
    attachments: async (p, db) => {
      const live = await db.select({ id: registrations.id }).from(registrations)
        .where(and(inArray(registrations.id, p.members.map((m) => m.id)), eq(registrations.status, "confirmed"), isNull(registrations.email)));
      const ok = new Set(live.map((r) => r.id));
      const out: AttachmentSpec[] = [];
      for (const m of p.members) {
        if (!ok.has(m.id)) continue;
        const code = await badgeCodeById(db, m.id);
        if (code) out.push({ filename: `the-${String(m.id).padStart(6, "0")}-qr.png`, contentType: "image/png", qrDigits: code });
      }
      return out;
    },
  }),
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateProps<N extends TemplateName> = z.infer<(typeof TEMPLATES)[N]["props"]>;

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}
