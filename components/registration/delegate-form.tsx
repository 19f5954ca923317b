"use client";

import { startTransition, useEffect, useState, type ChangeEvent, type FocusEvent, type FormEvent, type ReactNode } from "react";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { CategoryChoice, DelegateFormLabels, DelegateFormMode, DelegateFormState, DelegateInitial, QuestionDef } from "./types";

type Errors = Record<string, string>;
type Kind = "none" | "province" | "ministry";

const IDLE: DelegateFormState = { status: "idle" };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The same rule as the domain (DOMAIN.md): +84 / 84 → 0, then a mobile number. Kept here so the bundle needs no zod. */
function mobileOk(raw: string): boolean {
  let p = raw.replace(/[\s.\-()]/g, "");
  if (p.startsWith("+84")) p = `0${p.slice(3)}`;
  else if (p.startsWith("84") && p.length === 11) p = `0${p.slice(2)}`;
  return /^0(3|5|7|8|9)\d{8}$/.test(p);
}

/** yes/no radios are posted as `yesno.<key>` (booleans for the domain); their errors live under `answers.<key>`. */
function errorKey(name: string): string {
  return name.startsWith("yesno.") ? `answers.${name.slice(6)}` : name;
}

function control(target: EventTarget): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement ? target : null;
}

function str(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v.trim() : "";
}

/**
 * The delegate's form, one small client component for the three uses: public registration (with the
 * category picker), the invitation (category and email fixed) and the personal manage link (edit).
 * Obvious rules are checked here, in the reader's language; the server's own messages (from the
 * domain's ValidationError) are shown next to the same fields. Submits through a server action.
 */
export function DelegateForm({ mode, action, categories, initialCategory, initial, provinces, ministries, labels, emailRequired }: {
  mode: DelegateFormMode;
  action: (state: DelegateFormState, data: FormData) => Promise<DelegateFormState>;
  categories: CategoryChoice[];
  initialCategory?: string;
  initial?: DelegateInitial;
  provinces?: Option[];
  ministries?: Option[];
  labels: DelegateFormLabels;
  /** Force the email to be required (a substitute for someone outside any delegation). */
  emailRequired?: boolean;
}) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const { d, fields } = labels;
  const [categoryCode, setCategoryCode] = useState(initialCategory ?? (categories.length === 1 ? categories[0]!.code : ""));
  const [kind, setKind] = useState<Kind>(initial?.provinceCode ? "province" : initial?.ministryCode ? "ministry" : "none");
  // A key with "" means "checked here and fine": it hides the server's older message for that field.
  const [local, setLocal] = useState<Errors>({});
  const [focusTick, setFocusTick] = useState(0);
  const category = categories.find((c) => c.code === categoryCode);
  const withDelegation = mode === "register" || mode === "invitation";
  const withConsent = mode !== "edit";
  const withPicker = mode === "register" || mode === "portal";
  const withEmail = mode === "register" || mode === "portal" || mode === "substitute";
  // A delegation member may have no personal email (the delegation's contact person receives the badge).
  const emailOptional = (mode === "portal" || mode === "substitute") && !emailRequired;
  const server = state.errors ?? {};
  const err = (key: string): string | undefined => (key in local ? local[key] || undefined : server[key]);

  useEffect(() => {
    if (focusTick) formProps.ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick, formProps.ref]);

  function validate(data: FormData): Errors {
    const e: Errors = {};
    const need = (name: string, message = fields.required) => {
      if (!str(data, name)) e[name] = message;
    };
    if (withPicker && !str(data, "categoryCode")) e.categoryCode = fields.choice;
    need("honorific", fields.choice);
    need("familyName");
    need("givenName");
    need("position");
    need("organisation");
    if (withEmail) {
      const email = str(data, "email");
      if (!email) {
        if (!emailOptional) e.email = fields.required;
      } else if (!EMAIL.test(email)) e.email = fields.email;
    }
    const phone = str(data, "phone");
    if (!phone) e.phone = fields.required;
    else if (!mobileOk(phone)) e.phone = fields.phone;
    if (withDelegation && kind === "province") need("provinceCode", fields.choice);
    if (withDelegation && kind === "ministry") need("ministryCode", fields.choice);
    for (const q of category?.questions ?? []) {
      if (!q.required) continue;
      if (q.type === "yesno") {
        if (!str(data, `yesno.${q.key}`)) e[`answers.${q.key}`] = fields.choice;
      } else if (!str(data, `answers.${q.key}`)) e[`answers.${q.key}`] = q.type === "choice" ? fields.choice : fields.required;
    }
    if (withConsent && data.get("consent") !== "on") e.consent = fields.consent;
    return e;
  }

  /** Re-checks one field: on leaving a field that has a value, and live while a shown error is being fixed. */
  function recheck(target: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, force: boolean) {
    const form = formProps.ref.current;
    if (!form || !target.name) return;
    const key = errorKey(target.name);
    if (!force && !err(key)) return;
    const message = validate(new FormData(form))[key];
    setLocal((prev) => ({ ...prev, [key]: message ?? "" }));
  }

  const onBlur = (ev: FocusEvent<HTMLFormElement>) => {
    const target = control(ev.target);
    if (!target || target.type === "radio" || target.type === "checkbox") return;
    if (target.value.trim() || err(errorKey(target.name))) recheck(target, true);
  };
  const onChange = (ev: ChangeEvent<HTMLFormElement>) => {
    const target = control(ev.target);
    if (target) recheck(target, false);
  };

  /** "Send my confirmation again": its own request (not a submit button, so Enter in a field still registers). */
  function resend(email: string) {
    const data = new FormData();
    data.set("intent", "resend");
    data.set("resendEmail", email);
    startTransition(() => formProps.action(data));
  }

  function onSubmit(ev: FormEvent<HTMLFormElement>) {
    const errors = validate(new FormData(ev.currentTarget));
    if (Object.keys(errors).length) {
      ev.preventDefault();
      setLocal(errors);
      setFocusTick((n) => n + 1);
      return;
    }
    setLocal({});
    formProps.onSubmit(ev);
  }

  const req = <span className="font-normal text-muted">{d.required}</span>;
  const opt = d.optional;
  const hasLocalErrors = Object.values(local).some(Boolean);

  return (
    <form {...formProps} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} className="space-y-6">
      {hasLocalErrors ? (
        <Notice tone="error">{labels.formErrors}</Notice>
      ) : state.resent ? (
        <Notice tone="success">{labels.duplicate.resent.replace("{email}", state.resent)}</Notice>
      ) : state.duplicate ? (
        <div tabIndex={-1} data-form-message className="outline-none">
          <Notice tone="warning">
            <p className="font-semibold">{labels.duplicate.title}</p>
            <p className="mt-1">{labels.duplicate.text.replace("{email}", state.duplicate)}</p>
            <p className="mt-1">{labels.duplicate.resend}</p>
            <button type="button" onClick={() => resend(state.duplicate!)} disabled={pending} className={cx(ui.button, ui.secondary, "mt-3")}>
              {pending ? labels.duplicate.pending : labels.duplicate.button}
            </button>
          </Notice>
        </div>
      ) : (
        <FormMessage state={state} />
      )}

      {withPicker && (
        <fieldset
          role="radiogroup" aria-labelledby="f-categoryCode-legend" aria-invalid={err("categoryCode") ? true : undefined}
          aria-describedby={err("categoryCode") ? "f-categoryCode-error" : undefined} tabIndex={err("categoryCode") ? -1 : undefined}
        >
          <legend id="f-categoryCode-legend" className="text-lg font-bold text-brand-dark">{labels.chooseCategory}</legend>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {categories.map((c) => (
              <label
                key={c.code}
                className={cx(
                  "flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border-2 bg-white p-3 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-700",
                  categoryCode === c.code ? "border-brand" : "border-stone-300",
                )}
              >
                <input
                  type="radio" name="categoryCode" value={c.code} checked={categoryCode === c.code} onChange={() => setCategoryCode(c.code)}
                  className="mt-1 size-5 shrink-0 accent-brand"
                />
                <span className="min-w-0">
                  <span className="flex items-center gap-2 font-semibold">
                    <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-full border border-stone-400" style={{ backgroundColor: c.colour }} />
                    {c.name}
                  </span>
                  <span className="mt-0.5 block text-sm text-muted">{c.requiresApproval ? labels.needsApproval : labels.noApproval}</span>
                </span>
              </label>
            ))}
          </div>
          {err("categoryCode") && <p id="f-categoryCode-error" className={ui.error}>{err("categoryCode")}</p>}
        </fieldset>
      )}

      <fieldset className="space-y-4">
        <legend className="text-lg font-bold text-brand-dark">{labels.personTitle}</legend>
        <RadioGroup
          name="honorific" legend={d.honorific} extra={req} error={err("honorific")} defaultValue={initial?.honorific ?? undefined}
          options={[{ value: "ong", label: d.honorifics.ong }, { value: "ba", label: d.honorifics.ba }]}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="familyName" label={d.familyName} labelExtra={d.required} hint={d.familyNameHint} error={err("familyName")} defaultValue={initial?.familyName ?? undefined} autoComplete="family-name" maxLength={80} />
          <TextField name="givenName" label={d.givenName} labelExtra={d.required} hint={d.givenNameHint} error={err("givenName")} defaultValue={initial?.givenName ?? undefined} autoComplete="given-name" maxLength={40} />
        </div>
        <TextField name="position" label={d.position} labelExtra={d.required} error={err("position")} defaultValue={initial?.position ?? undefined} autoComplete="organization-title" maxLength={160} />
        <TextField name="organisation" label={d.organisation} labelExtra={d.required} hint={d.organisationHint} error={err("organisation")} defaultValue={initial?.organisation ?? undefined} autoComplete="organization" maxLength={200} />
        {withDelegation && (
          <div className="space-y-3">
            <RadioGroup
              name="delegationKind" legend={d.delegation} extra={<span className="font-normal text-muted">{opt}</span>} hint={d.delegationHint}
              value={kind} onValueChange={(v) => setKind(v as Kind)}
              options={[{ value: "none", label: d.delegationNone }, { value: "province", label: d.delegationProvince }, { value: "ministry", label: d.delegationMinistry }]}
            />
            {kind === "province" && (
              <SelectField name="provinceCode" label={d.province} labelExtra={d.required} error={err("provinceCode")} defaultValue={initial?.provinceCode ?? ""} options={[{ value: "", label: d.choose }, ...(provinces ?? [])]} />
            )}
            {kind === "ministry" && (
              <SelectField name="ministryCode" label={d.ministry} labelExtra={d.required} error={err("ministryCode")} defaultValue={initial?.ministryCode ?? ""} options={[{ value: "", label: d.choose }, ...(ministries ?? [])]} />
            )}
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-bold text-brand-dark">{labels.contactTitle}</legend>
        {withEmail && (
          <TextField name="email" type="email" label={d.email} labelExtra={emailOptional ? opt : d.required} hint={emailOptional ? d.emailMemberHint : d.emailHint} error={err("email")} defaultValue={initial?.email ?? undefined} autoComplete="email" inputMode="email" spellCheck={false} maxLength={254} />
        )}
        {mode === "invitation" && (
          <TextField name="fixedEmail" type="email" label={d.email} hint={d.emailFixed} value={initial?.email ?? ""} readOnly aria-readonly="true" className="[&_input]:bg-stone-100" />
        )}
        <TextField name="phone" type="tel" label={d.phone} labelExtra={d.required} hint={d.phoneHint} error={err("phone")} defaultValue={initial?.phone ?? undefined} autoComplete="tel" inputMode="tel" maxLength={30} />
        <TextArea name="notes" label={d.notes} extra={opt} error={err("notes")} defaultValue={initial?.notes ?? undefined} />
      </fieldset>

      {category && category.questions.length > 0 && (
        <fieldset className="space-y-4" key={category.code}>
          <legend className="text-lg font-bold text-brand-dark">{d.questionsTitle}</legend>
          {category.questions.map((q) => (
            <Question key={q.key} q={q} labels={labels} error={err(`answers.${q.key}`)} initial={initial?.answers?.[q.key]} />
          ))}
        </fieldset>
      )}

      {withConsent && (
        <fieldset>
          <legend className="text-lg font-bold text-brand-dark">{d.consentTitle}</legend>
          <p id="privacy-notice" className="mt-2 text-sm text-muted">{d.privacy}</p>
          <label className="mt-3 flex items-start gap-3">
            <input
              type="checkbox" name="consent" className="mt-0.5 size-5 shrink-0 accent-brand" aria-invalid={err("consent") ? true : undefined}
              aria-describedby={cx("privacy-notice", err("consent") && "f-consent-error")}
            />
            <span className="text-sm font-semibold">{d.consent}</span>
          </label>
          {err("consent") && <p id="f-consent-error" className={ui.error}>{err("consent")}</p>}
        </fieldset>
      )}

      {mode === "register" && (
        // Honeypot: hidden from people and assistive technology; bots that fill every field are refused.
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="f-website">{d.honeypot}</label>
          <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
      )}

      <SubmitButton pending={pending} pendingLabel={labels.pending} className="w-full sm:w-auto">{labels.submit}</SubmitButton>
    </form>
  );
}

function RadioGroup({ name, legend, extra, hint, error, options, defaultValue, value, onValueChange }: {
  name: string; legend: string; extra?: ReactNode; hint?: string; error?: string; options: Option[];
  defaultValue?: string; value?: string; onValueChange?: (v: string) => void;
}) {
  const id = `f-${name.replace(/\./g, "-")}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset role="radiogroup" aria-labelledby={`${id}-legend`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} tabIndex={error ? -1 : undefined}>
      <legend id={`${id}-legend`} className={ui.label}>
        {legend} {extra}
      </legend>
      {hint && <p id={`${id}-hint`} className={ui.hint}>{hint}</p>}
      <div className="mt-1 flex flex-wrap gap-x-2 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded px-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-700">
            <input
              type="radio" name={name} value={o.value} className="size-5 accent-brand"
              {...(value !== undefined ? { checked: value === o.value, onChange: () => onValueChange?.(o.value) } : { defaultChecked: defaultValue === o.value })}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && <p id={`${id}-error`} className={ui.error}>{error}</p>}
    </fieldset>
  );
}

function TextArea({ name, label, extra, error, defaultValue }: { name: string; label: string; extra?: string; error?: string; defaultValue?: string }) {
  const id = `f-${name}`;
  return (
    <div>
      <label htmlFor={id} className={ui.label}>
        {label}
        {extra && <span className="ml-1 font-normal text-muted">{extra}</span>}
      </label>
      <textarea
        id={id} name={name} rows={3} maxLength={1000} defaultValue={defaultValue} className={cx(ui.input, "mt-1")}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && <p id={`${id}-error`} className={ui.error}>{error}</p>}
    </div>
  );
}

function Question({ q, labels, error, initial }: { q: QuestionDef; labels: DelegateFormLabels; error?: string; initial?: string | boolean }) {
  const { d } = labels;
  const extra = q.required ? d.required : d.optional;
  const name = `answers.${q.key}`;
  const id = `f-answers-${q.key}`;
  if (q.type === "yesno") {
    return (
      <RadioGroup
        name={`yesno.${q.key}`} legend={q.label} extra={<span className="font-normal text-muted">{extra}</span>} error={error}
        defaultValue={initial === true ? "yes" : initial === false ? "no" : undefined}
        options={[{ value: "yes", label: d.yes }, { value: "no", label: d.no }]}
      />
    );
  }
  if (q.type === "choice") {
    return (
      <SelectField
        id={id} name={name} label={q.label} labelExtra={extra} error={error} defaultValue={typeof initial === "string" ? initial : ""}
        options={[{ value: "", label: d.choose }, ...q.options]}
      />
    );
  }
  return <TextField id={id} name={name} label={q.label} labelExtra={extra} error={error} defaultValue={typeof initial === "string" ? initial : undefined} maxLength={500} autoComplete="off" />;
}
