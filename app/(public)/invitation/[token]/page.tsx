import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { toCategoryChoice } from "@/components/registration/category-choice";
import { DelegateForm } from "@/components/registration/delegate-form";
import { delegateFormLabels } from "@/components/registration/labels";
import { PublicShell } from "@/components/registration/public-shell";
import { Notice } from "@/components/ui/notice";
import { ui } from "@/components/ui/styles";
import { getPageCtx } from "@/lib/auth/page";
import { ConflictError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listMinistries, listProvinces } from "@/lib/reference/units";
import { invitationByToken } from "@/lib/registration/invitations";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.invitationPage.title, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** /invitation/<token> — the invited person's form, pre-filled from the invitation; withdrawn, used and forged links get their own page. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const path = `/invitation/${token}`;
  let found: Awaited<ReturnType<typeof invitationByToken>>;
  try {
    found = await invitationByToken(ctx, token);
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof UnauthorizedError) notFound();
    if (e instanceof ConflictError && e.code === "invitations.revoked") {
      return (
        <PublicShell locale={ctx.locale} t={t} path={path}>
          <h1 className={ui.h1}>{t.invitationPage.revokedTitle}</h1>
          <Notice tone="warning" className="mt-4">{t.invitationPage.revokedText}</Notice>
        </PublicShell>
      );
    }
    throw e;
  }
  const { invitation, category, used } = found;
  if (used) {
    return (
      <PublicShell locale={ctx.locale} t={t} path={path}>
        <h1 className={ui.h1}>{t.invitationPage.usedTitle}</h1>
        <Notice tone="info" className="mt-4">{format(t.invitationPage.usedText, { email: invitation.email })}</Notice>
      </PublicShell>
    );
  }
  const [provinces, ministries] = await Promise.all([listProvinces(ctx), listMinistries(ctx)]);
  const cat = toCategoryChoice(category, ctx.locale);
  const honorific = invitation.honorific === "ong" || invitation.honorific === "ba" ? invitation.honorific : null;
  return (
    <PublicShell locale={ctx.locale} t={t} path={path}>
      <h1 className={ui.h1}>{t.invitationPage.title}</h1>
      <p className="mt-2 text-muted">{t.invitationPage.intro}</p>
      <p className="mt-3 inline-flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className="inline-block size-3 rounded-full border border-stone-400" style={{ backgroundColor: cat.colour }} />
        {t.delegate.category}: {cat.name}
      </p>
      <div className="mt-6">
        <DelegateForm
          mode="invitation"
          action={acceptInvitationAction.bind(null, token)}
          categories={[cat]}
          initial={{ honorific, familyName: invitation.familyName, givenName: invitation.givenName, position: invitation.position, organisation: invitation.organisation, email: invitation.email }}
          provinces={provinces.map((p) => ({ value: p.code, label: p.name }))}
          ministries={ministries.map((m) => ({ value: m.code, label: m.name }))}
          labels={delegateFormLabels(t, t.invitationPage.submit, t.invitationPage.submitting)}
        />
      </div>
    </PublicShell>
  );
}
