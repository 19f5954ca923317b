import type { Metadata } from "next";
import { AuthShell } from "@/components/staff/auth-shell";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { getMessages } from "@/lib/i18n/server";
import { resetPasswordAction } from "./actions";
import { ResetForm } from "./reset-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.resetPassword.title, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** /reset-password?token=… — the link of a welcome or reset email. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { locale, t } = await getMessages();
  const token = one(sp.token)?.slice(0, 200);
  return (
    <AuthShell locale={locale} t={t} path={token ? `/reset-password?token=${encodeURIComponent(token)}` : "/reset-password"} title={t.resetPassword.title}>
      {token ? (
        <>
          <p className="mb-4 text-sm text-muted">{t.resetPassword.intro}</p>
          <ResetForm action={resetPasswordAction} token={token} labels={t.resetPassword} />
        </>
      ) : (
        <Notice tone="error">{t.resetPassword.missingToken}</Notice>
      )}
    </AuthShell>
  );
}
