import type { RegistrationStatus } from "@/db/schema";
import { cx } from "@/components/ui/styles";

const TONES: Record<RegistrationStatus, string> = {
  confirmed: "bg-green-100 text-green-900",
  pending: "bg-amber-100 text-amber-950",
  waitlisted: "bg-blue-100 text-blue-950",
  rejected: "bg-red-100 text-red-900",
  cancelled: "bg-stone-200 text-stone-800",
};

/** A registration's status as a coloured label (the text says it; colour only helps). */
export function StatusPill({ status, label, className, testId }: { status: RegistrationStatus; label: string; className?: string; testId?: string }) {
  return (
    <span data-testid={testId} data-status={status} className={cx("inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold", TONES[status], className)}>
      {label}
    </span>
  );
}
