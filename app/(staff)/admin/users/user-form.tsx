"use client";

import { useState } from "react";
import type { FormState } from "@/components/staff/form-state";
import { IDLE } from "@/components/staff/form-state";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export type UserFormLabels = {
  email: string; name: string; role: string; province: string; ministry: string; choose: string;
  password: string; passwordHint: string; optional: string; submit: string; pending: string;
};

type Initial = { email: string; name: string; role: string; provinceCode: string | null; ministryCode: string | null };

/**
 * Create or edit a staff account. The unit select follows the role: a province for province
 * officers, a ministry for ministry officers, nothing for the other roles.
 */
export function UserForm({ action, labels, roles, provinces, ministries, initial, withPassword, idPrefix }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: UserFormLabels;
  roles: Option[];
  provinces: Option[];
  ministries: Option[];
  initial?: Initial;
  withPassword: boolean;
  idPrefix: string;
}) {
  const { state, pending, formProps } = useFormAction(action, IDLE);
  const [role, setRole] = useState(initial?.role ?? "");
  const e = state.errors ?? {};
  const choose: Option = { value: "", label: labels.choose };
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${idPrefix}-name`} name="name" label={labels.name} error={e.name} defaultValue={initial?.name} autoComplete="off" required maxLength={120} />
        <TextField id={`${idPrefix}-email`} name="email" type="email" label={labels.email} error={e.email} defaultValue={initial?.email} autoComplete="off" required inputMode="email" spellCheck={false} />
        <SelectField
          id={`${idPrefix}-role`} name="role" label={labels.role} error={e.role} required
          value={role} onChange={(ev) => setRole(ev.target.value)} options={[choose, ...roles]}
        />
        {role === "province_officer" && (
          <SelectField id={`${idPrefix}-province`} name="provinceCode" label={labels.province} error={e.provinceCode} required defaultValue={initial?.provinceCode ?? ""} options={[choose, ...provinces]} />
        )}
        {role === "ministry_officer" && (
          <SelectField id={`${idPrefix}-ministry`} name="ministryCode" label={labels.ministry} error={e.ministryCode} required defaultValue={initial?.ministryCode ?? ""} options={[choose, ...ministries]} />
        )}
        {withPassword && (
          <TextField
            id={`${idPrefix}-password`} name="password" type="password" label={labels.password} labelExtra={labels.optional}
            hint={labels.passwordHint} error={e.password} autoComplete="new-password" className="sm:col-span-2"
          />
        )}
      </div>
      <SubmitButton pending={pending} pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
