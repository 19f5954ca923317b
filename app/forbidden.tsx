import { AuthShell } from "@/components/staff/auth-shell";
import { ForbiddenContent } from "@/components/staff/forbidden-content";
import { getMessages } from "@/lib/i18n/server";

/**
 * 403 outside the signed-in area (whole page: header, card, footer); app/(staff)/forbidden.tsx
 * renders inside the staff shell. Next sends this file with every route, so it stays a server
 * component without client code (the landing page's JS budget).
 */
export default async function Forbidden() {
  const { locale, t } = await getMessages();
  return (
    <AuthShell locale={locale} t={t} path="/" title={t.forbidden.title}>
      <ForbiddenContent t={t} heading={false} />
    </AuthShell>
  );
}
