"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/styles";

/** The desk's links; a link marked `exact` is current only on its own path (/checkin is the parent of /checkin/desk). */
export function DeskNav({ items, label }: { items: { href: string; label: string; exact?: boolean }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mx-auto max-w-5xl px-2 sm:px-4">
      <ul className="flex flex-wrap gap-x-1">
        {items.map((item) => {
          const current = pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
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
