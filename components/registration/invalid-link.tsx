import { PublicShell } from "@/components/registration/public-shell";
import { ui } from "@/components/ui/styles";
import { getMessages } from "@/lib/i18n/server";
import Link from "next/link";

/** The polite page of a personal link that is forged, altered or expired: no details about any registration. */
export async function InvalidLink({ which }: { which: "manage" | "badge" | "invitationPage" }) {
  const { locale, t } = await getMessages();
  const s = t[which];
  return (
    <PublicShell locale={locale} t={t} path="/">
      <h1 className={ui.h1}>{s.invalidTitle}</h1>
      <p className="mt-2 text-muted">{s.invalidText}</p>
      <Link href="/" prefetch={false} className={`${ui.button} ${ui.primary} mt-6`}>{t.forbidden.home}</Link>
    </PublicShell>
  );
}
