import Link from "next/link";
import { ReasonForm } from "@/components/registration/reason-form";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { format, type Messages } from "@/lib/i18n";
import type { RegistrationView } from "@/lib/registration/schemas";
import { approveAction, cancelAction, reissueAction, rejectAction } from "./actions";

export const ROW_ACTS = ["reject", "cancel", "reissue"] as const;
export type RowAct = (typeof ROW_ACTS)[number];

export type RowPermissions = { manage: boolean; cancel: boolean; reissue: boolean };

/**
 * What staff may do with one registration: approve at once (pending), or open a confirmation step
 * (reject with a reason, cancel, re-issue the badge) in place, keeping the list's filters (`back`).
 */
export function RowActions({ r, open, back, hrefFor, can, t }: {
  r: RegistrationView; open: RowAct | null; back: string; hrefFor: (act: RowAct | null) => string; can: RowPermissions; t: Messages;
}) {
  const a = t.adminRegistrations;
  const name = `${t.delegate.honorifics[r.honorific]} ${r.fullName}`;
  const active = r.status === "pending" || r.status === "confirmed" || r.status === "waitlisted";
  if (open === "reject" && can.manage && r.status !== "rejected" && r.status !== "cancelled") {
    return (
      <ReasonForm
        action={rejectAction.bind(null, r.id, back)} idPrefix={`reject-${r.id}`} question={format(a.rejectConfirm, { name })} reasonLabel={a.rejectReason}
        required submit={a.rejectButton} pendingLabel={a.working} backHref={hrefFor(null)} backLabel={a.back}
      />
    );
  }
  if (open === "cancel" && can.cancel && active) {
    return (
      <ReasonForm
        action={cancelAction.bind(null, r.id, back)} idPrefix={`cancel-${r.id}`} question={format(a.cancelConfirm, { name })} reasonLabel={a.cancelReason}
        optionalLabel={t.staff.optional} required={false} submit={a.cancelButton} pendingLabel={a.working} backHref={hrefFor(null)} backLabel={a.back}
      />
    );
  }
  if (open === "reissue" && can.reissue) {
    return (
      <form action={reissueAction} className="min-w-64 rounded border-2 border-red-700 bg-red-50 p-3 text-left">
        <input type="hidden" name="id" value={r.id} />
        <input type="hidden" name="back" value={back} />
        <p className="text-sm font-semibold text-red-950">{format(r.email ? a.reissueConfirm : a.reissueConfirmNoEmail, { name })}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <SubmitButton tone="danger" pendingLabel={a.working} autoFocus>{a.reissueButton}</SubmitButton>
          <Link href={hrefFor(null)} scroll={false} className={cx(ui.button, ui.secondary)}>{a.back}</Link>
        </div>
      </form>
    );
  }
  const buttons = [
    r.status === "pending" && can.manage && (
      <form key="approve" action={approveAction}>
        <input type="hidden" name="id" value={r.id} />
        <input type="hidden" name="back" value={back} />
        <button type="submit" aria-label={format(a.approveFor, { name })} className={cx(ui.button, ui.primary)}>{a.approve}</button>
      </form>
    ),
    can.manage && r.status !== "rejected" && r.status !== "cancelled" && (
      <Link key="reject" href={hrefFor("reject")} scroll={false} aria-label={format(a.rejectFor, { name })} className={cx(ui.button, ui.secondary)}>{a.reject}</Link>
    ),
    can.cancel && active && (
      <Link key="cancel" href={hrefFor("cancel")} scroll={false} aria-label={format(a.cancelFor, { name })} className={cx(ui.button, ui.secondary)}>{a.cancel}</Link>
    ),
    can.reissue && r.status === "confirmed" && (
      <Link key="reissue" href={hrefFor("reissue")} scroll={false} aria-label={format(a.reissueFor, { name })} className={cx(ui.button, ui.secondary)}>{a.reissue}</Link>
    ),
  ].filter(Boolean);
  if (buttons.length === 0) return <span className="text-muted">{t.staff.none}</span>;
  return <div className="flex flex-wrap gap-2">{buttons}</div>;
}
