"use client";

/** "Select all on this page": ticks or clears every row checkbox that belongs to the bulk form. */
export function SelectAll({ form, label }: { form: string; label: string }) {
  return (
    <input
      type="checkbox" aria-label={label} title={label} className="size-5 accent-brand"
      onChange={(e) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=ids][form="${form}"]`)) box.checked = e.currentTarget.checked;
      }}
    />
  );
}
