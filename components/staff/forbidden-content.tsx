import Link from "next/link";
import { cx, ui } from "@/components/ui/styles";
import type { Messages } from "@/lib/i18n";

/** The polite 403 text and the two ways on: home, or sign in as someone else. */
export function ForbiddenContent({ t, heading = true }: { t: Messages; heading?: boolean }) {
  return (
    <>
      {heading && <h1 className={ui.h1}>{t.forbidden.title}</h1>}
      <p className={cx("text-muted", heading && "mt-2")}>{t.forbidden.text}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/" prefetch={false} className={cx(ui.button, ui.primary)}>{t.forbidden.home}</Link>
        <Link href="/signin" prefetch={false} className={cx(ui.button, ui.secondary)}>{t.forbidden.signInOther}</Link>
      </div>
    </>
  );
}
