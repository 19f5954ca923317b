import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { StaffHeader } from "@/components/staff/staff-header";
import { getPageCtx } from "@/lib/auth/page";
import { messages } from "@/lib/i18n";
import { unitName } from "@/lib/reference/units";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The signed-in shell (/admin…, /account…). Every page checks its own permission with
 * requirePageUser, which sends an anonymous reader to /signin?callbackUrl=<this page>. A layout
 * cannot know the page's URL, and it renders before the page, so redirecting here would lose the
 * way back: for a reader who is not (or no longer) signed in it renders no shell and lets the page
 * redirect. (The domain functions refuse anonymous callers in any case.)
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const ctx = await getPageCtx();
  if (ctx.actor.kind !== "user") return <>{children}</>;
  const me = ctx.actor;
  const t = messages(ctx.locale);
  const unit = await unitName(ctx, me);
  return (
    <div className="flex min-h-screen flex-col">
      <StaffHeader me={me} unit={unit} locale={ctx.locale} t={t} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <SiteFooter t={t} />
    </div>
  );
}
