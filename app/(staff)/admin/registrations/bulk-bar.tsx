import { SelectField, TextField } from "@/components/ui/field";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Messages } from "@/lib/i18n";
import { BULK_ACTIONS } from "@/lib/registration/bulk";
import { bulkAction } from "./actions";

export const BULK_FORM = "bulk-form";

/**
 * The action bar of the bulk form; the row checkboxes (name="ids") join it through form="bulk-form".
 * Reject and cancel need the confirmation box (the server action refuses without it).
 */
export function BulkBar({ back, categories, t }: { back: string; categories: { value: string; label: string }[]; t: Messages }) {
  const a = t.adminRegistrations;
  return (
    <section aria-labelledby="bulk-title" className={cx(ui.card, "mt-6")}>
      <h2 id="bulk-title" className={ui.h2}>{a.bulkTitle}</h2>
      <p className={ui.hint}>{a.bulkHint}</p>
      <form id={BULK_FORM} action={bulkAction} className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 lg:items-end">
        <input type="hidden" name="back" value={back} />
        <SelectField
          id="bulk-action" name="action" label={a.bulkAction} defaultValue="" required
          options={[{ value: "", label: a.bulkChoose }, ...BULK_ACTIONS.map((x) => ({ value: x, label: a.bulkActions[x] }))]}
        />
        <TextField id="bulk-reason" name="reason" label={a.bulkReason} maxLength={500} autoComplete="off" />
        <SelectField id="bulk-category" name="categoryCode" label={a.bulkCategory} defaultValue="" options={[{ value: "", label: t.staff.none }, ...categories]} />
        <TextField id="bulk-door-note" name="doorNote" label={a.bulkDoorNote} maxLength={200} autoComplete="off" />
        <TextField id="bulk-rank" name="protocolRank" label={a.bulkProtocolRank} type="number" min={1} max={9999} inputMode="numeric" />
        <div>
          <label className="flex items-start gap-2 text-sm font-semibold">
            <input type="checkbox" name="confirm" value="yes" className="mt-0.5 size-5 accent-brand" />
            {a.bulkConfirm}
          </label>
          <div className="mt-3"><SubmitButton pendingLabel={a.working}>{a.bulkSubmit}</SubmitButton></div>
        </div>
      </form>
    </section>
  );
}
