"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { cx, ui } from "./styles";

/** A submit button that shows the pending label and blocks double submits while its form's action runs. */
export function SubmitButton({ children, pendingLabel, tone = "primary", className, pending: pendingProp, autoFocus }: {
  children: ReactNode; pendingLabel: string; tone?: "primary" | "secondary" | "danger"; className?: string; pending?: boolean; autoFocus?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    // autoFocus only on a confirmation step the reader has just opened.
    <button type="submit" disabled={pending} aria-disabled={pending} autoFocus={autoFocus} className={cx(ui.button, ui[tone], className)}>
      {pending ? pendingLabel : children}
    </button>
  );
}
