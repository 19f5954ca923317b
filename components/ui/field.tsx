import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes } from "react";
import { ui } from "./styles";

type Common = { name: string; label: string; error?: string; hint?: string; id?: string; className?: string; labelExtra?: ReactNode };

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({ id, label, hint, error, className, labelExtra, children }: Omit<Common, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={ui.label}>
        {label}
        {labelExtra ? <span className="ml-1 font-normal text-muted">{labelExtra}</span> : null}
      </label>
      {hint && <p id={`${id}-hint`} className={ui.hint}>{hint}</p>}
      <div className="mt-1">{children}</div>
      {error && <p id={`${id}-error`} className={ui.error}>{error}</p>}
    </div>
  );
}

/** A labelled input with an optional hint and a field error wired to it for screen readers. */
export function TextField({ name, label, error, hint, id, className, labelExtra, ref, ...input }: Common & { ref?: Ref<HTMLInputElement> } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} className={className} labelExtra={labelExtra}>
      <input ref={ref} id={fieldId} name={name} className={ui.input} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...input} />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

export function SelectField({ name, label, error, hint, id, className, labelExtra, options, ...select }: Common & { options: Option[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "className">) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} className={className} labelExtra={labelExtra}>
      <select id={fieldId} name={name} className={ui.input} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}
