"use client";

import { cx, ui } from "@/components/ui/styles";

/** Opens the browser's print dialog (the badge page's print CSS lays it out on A6). */
export function PrintButton({ label, describedBy }: { label: string; describedBy?: string }) {
  return (
    <button type="button" onClick={() => window.print()} aria-describedby={describedBy} className={cx(ui.button, ui.primary)}>
      {label}
    </button>
  );
}
