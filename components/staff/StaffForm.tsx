"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { Locale } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/en";
import { parseMoney } from "@/lib/billing/money";
import { formNumber } from "@/lib/server/validation";
import type { ActionResult } from "@/lib/server/action";
import { STAFF_ROLES, ZStaffCreate, ZStaffUpdate } from "@/lib/staff/schemas";

export type StaffFormValues = {
  name: string;
  email: string;
  role: string;
  departmentId: string;
  specialty: string;
  qualification: string;
  registrationNumber: string;
  yearsOfExperience: string;
  consultationFee: string;
  password: string;
};
export const EMPTY_STAFF: StaffFormValues = {
  name: "",
  email: "",
  role: "",
  departmentId: "",
  specialty: "",
  qualification: "",
  registrationNumber: "",
  yearsOfExperience: "",
  consultationFee: "",
  password: "",
};

const OPTIONAL = [
  "departmentId",
  "specialty",
  "qualification",
  "registrationNumber",
  "yearsOfExperience",
  "consultationFee",
] as const;

/** Creating: empty fields are left out. Editing: an emptied optional field is sent as null, which clears it. */
function payload(mode: "create" | "edit", text: StaffFormValues, currency: string, locale: Locale) {
  // The number fields sent as numbers (the schema does not coerce); the fee typed in currency units
  // (45.00, or 45,00 in French) goes as minor units, and text that is no amount as itself, for the schema to refuse.
  const fee = text.consultationFee.trim();
  const v: Record<string, string | number | undefined> = {
    ...text,
    yearsOfExperience: formNumber(text.yearsOfExperience),
    consultationFee: fee === "" ? undefined : (parseMoney(fee, currency, locale) ?? fee),
  };
  if (mode === "create")
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && String(x).trim() !== ""));
  const cleared = Object.fromEntries(
    OPTIONAL.map((k) => [k, v[k] === undefined || String(v[k]).trim() === "" ? null : v[k]]),
  );
  return { name: v.name, role: v.role, ...cleared };
}

type Props = {
  mode: "create" | "edit";
  id?: string;
  initial: StaffFormValues;
  departments: { id: string; name: string }[];
  action: (input: Record<string, unknown>) => Promise<ActionResult<{ id: string }>>;
  labels: Messages["staff"]["staff"];
  roleLabels: Messages["roles"];
  /** The hospital's currency: the fee is typed in its units. */
  currency: string;
  locale: Locale;
};

export function StaffForm({ mode, id, initial, departments, action, labels, roleLabels, currency, locale }: Props) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { error, fields, pending, submit, edited } = useValidatedSubmit(
    mode === "create" ? ZStaffCreate : ZStaffUpdate,
    action,
    (data) => {
      if (mode === "create") router.push(`/admin/staff/${data.id}?created=1`);
      else {
        setSaved(true);
        router.refresh();
      }
    },
  );
  const set = (k: keyof StaffFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setSaved(false);
    edited(k);
    setV({ ...v, [k]: e.target.value });
  };
  const input = (k: keyof StaffFormValues, label: string, extra: Partial<React.ComponentProps<typeof Field>> = {}) => (
    <Field label={label} name={k} value={v[k]} onChange={set(k)} error={fields[k]} {...extra} />
  );
  return (
    <SubmitForm onSubmit={() => submit({ ...payload(mode, v, currency, locale), ...(id ? { id } : {}) })} error={error}>
      {saved ? <Alert tone="success">{labels.saved}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {input("name", labels.name, { autoComplete: "off", required: true })}
        {mode === "create"
          ? input("email", labels.email, { type: "email", autoComplete: "off", required: true })
          : null}
        <SelectField
          label={labels.role}
          name="role"
          value={v.role}
          onChange={set("role")}
          error={fields.role}
          options={[["", "—"], ...STAFF_ROLES.map((r) => [r, roleLabels[r]] as const)]}
        />
        <SelectField
          label={labels.department}
          name="departmentId"
          value={v.departmentId}
          onChange={set("departmentId")}
          error={fields.departmentId}
          options={[["", labels.noDepartment], ...departments.map((d) => [d.id, d.name] as const)]}
        />
      </div>
      {v.role === "DOCTOR" ? (
        <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">{labels.doctorDetails}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {input("specialty", labels.specialty)}
            {input("qualification", labels.qualification)}
            {input("registrationNumber", labels.registrationNumber, { hint: labels.registrationNumberHint })}
            {input("yearsOfExperience", labels.yearsOfExperience, { inputMode: "numeric" })}
            {input("consultationFee", `${labels.consultationFee} (${currency})`, {
              inputMode: "decimal",
              hint: labels.consultationFeeHint,
            })}
          </div>
        </fieldset>
      ) : null}
      {mode === "create"
        ? input("password", labels.password, {
            type: "password",
            autoComplete: "new-password",
            hint: labels.passwordHint,
          })
        : null}
      <Button type="submit" pending={pending}>
        {mode === "create" ? labels.create : labels.save}
      </Button>
    </SubmitForm>
  );
}
