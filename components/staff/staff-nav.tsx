"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { cx } from "@/components/ui/styles";

/** The section links; the current section is marked for sight and for screen readers. Wraps on phones. */
export function StaffNav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className="mx-auto max-w-6xl px-2 sm:px-4">
      <ul className="flex flex-wrap gap-x-1 gap-y-0">
        {items.map((item) => {
          const current = isCurrent(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "inline-flex min-h-11 items-center border-b-4 px-3 py-2 text-sm font-semibold text-white hover:bg-white/10",
                  current ? "border-gold" : "border-transparent",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The language switch: a plain link to /lang/… that comes back to this very page (path and query). */
export function LanguageSwitch({ other, text, label }: { other: "vi" | "en"; text: string; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const next = search ? `${pathname}?${search}` : pathname;
  return (
    <a
      href={`/lang/${other}?next=${encodeURIComponent(next)}`}
      hrefLang={other}
      lang={other}
      aria-label={label}
      className="inline-flex min-h-11 items-center rounded border border-white/60 px-3 py-1 text-sm font-medium hover:bg-white/10"
    >
      {text}
    </a>
  );
}
