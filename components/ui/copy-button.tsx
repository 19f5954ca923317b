"use client";

import { useState } from "react";
import { cx, ui } from "./styles";

/** Copies a value to the clipboard and says so (politely, for screen readers too). */
export function CopyButton({ value, label, copiedLabel, failedLabel }: { value: string; label: string; copiedLabel: string; failedLabel: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className={cx(ui.button, ui.secondary)}>{label}</button>
      <span role="status" className="text-sm text-muted">{state === "copied" ? copiedLabel : state === "failed" ? failedLabel : ""}</span>
    </span>
  );
}
