import type { ReactNode } from "react";
import { cx } from "./styles";

const TONES = {
  success: "border-green-700 bg-green-50 text-green-900",
  error: "border-red-700 bg-red-50 text-red-900",
  info: "border-blue-700 bg-blue-50 text-blue-950",
  warning: "border-amber-600 bg-amber-50 text-amber-950",
} as const;

/** A notice box: errors are announced at once (role=alert), other tones politely (role=status). */
export function Notice({ tone, children, className, id }: { tone: keyof typeof TONES; children: ReactNode; className?: string; id?: string }) {
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={cx("rounded border-l-4 px-4 py-3 text-sm", TONES[tone], className)}>
      {children}
    </div>
  );
}
