import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/staff/auth-shell";
import { one, withQuery, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { getPageCtx } from "@/lib/auth/page";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { safeCallbackPath } from "./safe-path";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.signIn.title, robots: { index: false, follow: false } };
}

/**
 * Staff sign-in. Without a callback the reader lands on their role's home (/signin/continue decides).
 * A reader already signed in sees who they are and may sign in as someone else.
 */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const callback = safeCallbackPath(one(sp.callbackUrl));
  const target = callback ?? "/signin/continue";
  const email = one(sp.email)?.slice(0, 254);
  const me = ctx.actor.kind === "user" ? ctx.actor : null;
  return (
    <AuthShell locale={ctx.locale} t={t} path={withQuery("/signin", { callbackUrl: callback ?? undefined })} title={t.signIn.title}>
      <p className="mb-4 text-sm text-muted">{t.signIn.intro}</p>
      {one(sp.notice) === "passwordChanged" && <Notice tone="success" className="mb-4">{t.signIn.passwordChanged}</Notice>}
      {me && (
        <Notice tone="info" className="mb-4">
          <p>{format(t.signIn.signedInAs, { name: me.name, email: me.email })}</p>
          <p className="mt-2">
            <Link href={target} className={cx(ui.link)}>{t.signIn.continue}</Link>
          </p>
          <p className="mt-2">{t.signIn.switchHint}</p>
        </Notice>
      )}
      <SignInForm
        target={target}
        locale={ctx.locale}
        defaultEmail={email}
        labels={{
          email: t.signIn.email, password: t.signIn.password, submit: t.signIn.submit, submitting: t.signIn.submitting,
          invalid: t.signIn.invalid, network: t.signIn.network, throttled: t.problems["auth.throttled"],
          required: t.fields.required, emailInvalid: t.fields.email,
        }}
      />
      <p className="mt-6 text-sm text-muted">{t.signIn.forgot}</p>
    </AuthShell>
  );
}
