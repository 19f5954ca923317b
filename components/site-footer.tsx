import type { Messages } from "@/lib/i18n";

export function SiteFooter({ t }: { t: Messages }) {
  return (
    <footer className="mt-12 border-t border-stone-300 bg-white">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-muted">
        <p>{t.common.footer}</p>
        <p>{t.common.basis}</p>
      </div>
    </footer>
  );
}
