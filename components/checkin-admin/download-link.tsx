"use client";

import { useState, type MouseEvent } from "react";
import { cx, ui } from "@/components/ui/styles";

/**
 * A download of an API export in the page's language. A plain link would send the browser's
 * Accept-Language, which may differ from the language the reader chose for the site, so the file
 * is fetched with the page's language and handed to the browser; without JavaScript the link
 * still downloads (in the browser's language).
 */
export function DownloadLink({ href, locale, label, pendingLabel, failedLabel, tone = "secondary", testId }: {
  href: string; locale: "vi" | "en"; label: string; pendingLabel: string; failedLabel: string; tone?: "primary" | "secondary"; testId?: string;
}) {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");

  async function onClick(e: MouseEvent<HTMLAnchorElement>) {
    e.preventDefault();
    if (state === "pending") return;
    setState("pending");
    try {
      const res = await fetch(href, { headers: { "Accept-Language": locale }, cache: "no-store" });
      if (!res.ok) throw new Error(`export answered ${res.status}`);
      const blob = await res.blob();
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? href.split("/").pop() ?? "export";
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <a href={href} download onClick={onClick} aria-disabled={state === "pending" || undefined} className={cx(ui.button, ui[tone])} data-testid={testId}>
        {state === "pending" ? pendingLabel : label}
      </a>
      <span role="status" className="text-sm font-medium text-red-800">{state === "failed" ? failedLabel : ""}</span>
    </span>
  );
}
