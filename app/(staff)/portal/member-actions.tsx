import Link from "next/link";
import { ReasonForm } from "@/components/registration/reason-form";
import { cx, ui } from "@/components/ui/styles";
import { format, type Messages } from "@/lib/i18n";
import type { Unit } from "@/lib/registration/delegation";
import type { RegistrationView } from "@/lib/registration/schemas";
import { cancelMemberAction } from "./actions";
import { portalHref, unitParam } from "./unit";

/**
 * What an officer may do with one member: edit (not once cancelled or rejected), substitute (a held
 * place: confirmed or pending) and cancel with a confirmation step opened in place (?act=cancel&id=…).
 */
export function MemberActions({ r, confirming, unit, t }: { r: RegistrationView; confirming: boolean; unit: Unit | undefined; t: Messages }) {
  const p = t.portal;
  const name = `${t.delegate.honorifics[r.honorific]} ${r.fullName}`;
  const active = r.status === "pending" || r.status === "confirmed" || r.status === "waitlisted";
  const holdsPlace = r.status === "pending" || r.status === "confirmed";
  if (!active) return <span className="text-muted">{t.staff.none}</span>;
  if (confirming) {
    return (
      <ReasonForm
        action={cancelMemberAction.bind(null, r.id, unitParam(unit))} idPrefix={`cancel-${r.id}`} question={format(p.cancelConfirm, { name })}
        reasonLabel={p.cancelReason} optionalLabel={t.staff.optional} required={false} submit={p.cancelButton} pendingLabel={p.working}
        backHref={portalHref("/portal", unit)} backLabel={p.back}
      />
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Link href={portalHref(`/portal/members/${r.id}/edit`, unit)} aria-label={format(p.editFor, { name })} className={cx(ui.button, ui.secondary)}>{p.edit}</Link>
      {holdsPlace && (
        <Link href={portalHref(`/portal/members/${r.id}/substitute`, unit)} aria-label={format(p.substituteFor, { name })} className={cx(ui.button, ui.secondary)}>{p.substitute}</Link>
      )}
      <Link href={portalHref("/portal", unit, { act: "cancel", id: r.id })} scroll={false} aria-label={format(p.cancelFor, { name })} className={cx(ui.button, ui.secondary)}>{p.cancel}</Link>
    </div>
  );
}
