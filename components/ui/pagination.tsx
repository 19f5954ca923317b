import Link from "next/link";
import { format } from "@/lib/i18n";
import { cx, ui } from "./styles";

type Labels = { label: string; previous: string; next: string; page: string };

/** Server-side pagination: links that keep the current filters (`query`) and change only `page`. */
export function Pagination({ basePath, query, page, pageSize, total, labels }: {
  basePath: string; query: Record<string, string | undefined>; page: number; pageSize: number; total: number; labels: Labels;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const linkClass = cx(ui.button, ui.secondary);
  return (
    <nav aria-label={labels.label} className="mt-4 flex flex-wrap items-center gap-3">
      {page > 1 ? <Link href={href(page - 1)} rel="prev" className={linkClass}>{labels.previous}</Link> : null}
      <span className="text-sm text-muted" aria-current="page">{format(labels.page, { page: Math.min(page, pages), pages })}</span>
      {page < pages ? <Link href={href(page + 1)} rel="next" className={linkClass}>{labels.next}</Link> : null}
    </nav>
  );
}
