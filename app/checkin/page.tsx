import type { Metadata } from "next";
import Link from "next/link";
import { cx, ui } from "@/components/ui/styles";
import { ScannerApp } from "@/components/scanner/scanner-app";
import { ScannerHeader } from "@/components/scanner/scanner-header";
import { requirePageUser } from "@/lib/auth/page";
import { listCheckpoints } from "@/lib/checkin/checkpoints";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.scanner.title, manifest: "/manifest.webmanifest" };
}

/**
 * The door scanner (checkin.scan). The page reads the checkpoints on the server so the first
 * screen has no loading state; supervisors (checkin.supervise) also get manual check-in and undo.
 */
export default async function CheckinPage() {
  const { ctx, me } = await requirePageUser("checkin.scan", "/checkin");
  const t = messages(ctx.locale);
  const checkpoints = (await listCheckpoints(ctx)).map((c) => ({ code: c.code, name: c.name, openNow: c.openNow, insideNow: c.insideNow }));
  const supervisor = me.permissions.has("checkin.supervise");
  return (
    <>
      <ScannerHeader
        name={me.name}
        locale={ctx.locale}
        t={t.scanner}
        switchTo={t.common.switchTo}
        switchToLabel={t.common.switchToLabel}
      />
      <main id="main" className="flex-1">
        <ScannerApp t={t.scanner} locale={ctx.locale} supervisor={supervisor} initialCheckpoints={checkpoints} />
        {supervisor && (
          <p className="mx-auto max-w-5xl px-4 pb-8">
            <Link href="/checkin/desk" prefetch={false} className={cx(ui.link, "inline-flex min-h-11 items-center")}>{t.scanner.deskLink}</Link>
          </p>
        )}
      </main>
    </>
  );
}
