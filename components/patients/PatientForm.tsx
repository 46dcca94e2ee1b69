"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { BLOOD_GROUPS, CLINICAL_PATIENT_FIELDS, SEVERITIES, SEXES } from "@/lib/patients/schemas";
import { formatCalendarDay } from "@/lib/i18n/dates";
import { useAppLocale } from "@/lib/i18n/client";

type Allergy = { substance: string; drugClass: string; reaction: string; severity: string };
type Condition = { text: string; code: string };
export type PatientFormValues = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  nationalId: string;
  bloodGroup: string;
  phone: string;
  email: string;
  address: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  emergencyContactRelation: string;
  medicalHistory: string;
  allergies: Allergy[];
  conditions: Condition[];
};
export const EMPTY_PATIENT: PatientFormValues = {
  firstName: "",
  lastName: "",
  dateOfBirth: "",
  sex: "",
  nationalId: "",
  bloodGroup: "",
  phone: "",
  email: "",
  address: "",
  emergencyContactName: "",
  emergencyContactPhone: "",
  emergencyContactRelation: "",
  medicalHistory: "",
  allergies: [],
  conditions: [],
};
type Candidate = { id: string; mrn: string; firstName: string; lastName: string; dateOfBirth: string };

/**
 * A new record leaves out empty fields ("not given"); an edit sends them as "" so that an emptied
 * field is cleared. Empty allergy and condition rows are dropped. Without `clinical`, the clinical
 * fields are not sent at all (the service refuses them from a role that may not see them).
 */
function payload(v: PatientFormValues, confirmDuplicate: boolean, mode: "create" | "edit", clinical: boolean) {
  const clean = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x.trim() !== ""));
  const { allergies, conditions, ...scalars } = v;
  const body: Record<string, unknown> = {
    ...(mode === "edit" ? scalars : clean(scalars)),
    allergies: allergies.filter((a) => a.substance.trim()).map(clean),
    conditions: conditions.filter((c) => c.text.trim()).map(clean),
    ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
  };
  if (!clinical) for (const k of CLINICAL_PATIENT_FIELDS) delete body[k];
  return body;
}

export function PatientForm({
  mode,
  initial,
  action,
  labels,
  recordHref,
  clinical = true,
}: {
  mode: "create" | "edit";
  initial: PatientFormValues;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  labels: Messages["patients"]["form"];
  /** Where a record opens, with {id} in place of its id (the chart, or the edit page for records officers). */
  recordHref: string;
  /** False for users who may not see clinical details (CLINICAL_PATIENT_FIELDS): neither shown nor sent. */
  clinical?: boolean;
}) {
  const f = labels;
  const locale = useAppLocale();
  const router = useRouter();
  const [v, setV] = useState(initial);
  const { error, fields, pending, submit, edited } = useSubmit(action, (data) =>
    router.push(recordHref.replace("{id}", data.id)),
  );
  const set =
    (k: keyof PatientFormValues) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setV({ ...v, [k]: e.target.value });
  const setRow = <K extends "allergies" | "conditions">(
    k: K,
    i: number,
    patch: Partial<PatientFormValues[K][number]>,
  ) => setV({ ...v, [k]: v[k].map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const removeRow = (k: "allergies" | "conditions", i: number) => setV({ ...v, [k]: v[k].filter((_, j) => j !== i) });
  const candidates =
    error?.code === "DUPLICATE" ? ((error.details as { candidates?: Candidate[] } | undefined)?.candidates ?? []) : [];
  const input = (
    k: keyof PatientFormValues,
    label: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => <Field label={label} name={k} value={v[k] as string} onChange={set(k)} error={fields[k]} {...extra} />;

  return (
    <form
      noValidate
      className="space-y-6"
      onChange={onFieldEdit(edited)}
      onSubmit={(e) => {
        e.preventDefault();
        submit(payload(v, false, mode, clinical));
      }}
    >
      {error && candidates.length === 0 ? (
        <Alert tone="error">{error.fields ? f.fixErrors : error.message}</Alert>
      ) : null}
      {candidates.length > 0 ? (
        <div
          role="alert"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p className="font-semibold">{f.duplicateTitle}</p>
          <p>{error?.message}</p>
          <ul className="list-disc pl-5">
            {candidates.map((c) => (
              <li key={c.id}>
                <Link className="font-medium underline" href={recordHref.replace("{id}", c.id)}>
                  {c.lastName}, {c.firstName}
                </Link>{" "}
                · <span className="whitespace-nowrap">{c.mrn}</span> · {formatCalendarDay(c.dateOfBirth, locale)}
              </li>
            ))}
          </ul>
          <Button
            type="button"
            variant="secondary"
            pending={pending}
            onClick={() => submit(payload(v, true, mode, clinical))}
          >
            {f.registerAnyway}
          </Button>
        </div>
      ) : null}

      <Card title={f.identity}>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("firstName", f.firstName, { required: true, autoComplete: "off" })}
          {input("lastName", f.lastName, { required: true, autoComplete: "off" })}
          {input("dateOfBirth", f.dateOfBirth, { type: "date", required: true })}
          <SelectField
            label={f.sex}
            name="sex"
            value={v.sex}
            onChange={set("sex")}
            error={fields.sex}
            options={[["", "—"], ...SEXES.map((s) => [s, f.sexes[s]] as const)]}
          />
          {input("nationalId", f.nationalId)}
          {clinical ? (
            <SelectField
              label={f.bloodGroup}
              name="bloodGroup"
              value={v.bloodGroup}
              onChange={set("bloodGroup")}
              error={fields.bloodGroup}
              options={[["", f.notRecorded], ...Object.keys(BLOOD_GROUPS).map((b) => [b, b] as const)]}
            />
          ) : null}
        </div>
      </Card>

      <Card title={f.contact}>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("phone", f.phone, { type: "tel" })}
          {input("email", f.email, { type: "email" })}
          <div className="sm:col-span-2">{input("address", f.address)}</div>
        </div>
        <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-800">{f.emergency}</h3>
        <div className="grid gap-4 sm:grid-cols-3">
          {input("emergencyContactName", f.contactName)}
          {input("emergencyContactPhone", f.contactPhone, { type: "tel" })}
          {input("emergencyContactRelation", f.contactRelation)}
        </div>
      </Card>

      <Card title={f.clinical}>
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-800">{f.allergies}</legend>
          {v.allergies.map((a, i) => (
            <div
              key={i}
              className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_2fr_2fr_1.5fr_auto]"
            >
              <Field
                label={f.substance}
                name={`allergies.${i}.substance`}
                value={a.substance}
                onChange={(e) => setRow("allergies", i, { substance: e.target.value })}
                error={fields[`allergies.${i}.substance`]}
              />
              <Field
                label={f.drugClass}
                name={`allergies.${i}.drugClass`}
                value={a.drugClass}
                onChange={(e) => setRow("allergies", i, { drugClass: e.target.value })}
              />
              <Field
                label={f.reaction}
                name={`allergies.${i}.reaction`}
                value={a.reaction}
                onChange={(e) => setRow("allergies", i, { reaction: e.target.value })}
              />
              <SelectField
                label={f.severity}
                name={`allergies.${i}.severity`}
                value={a.severity}
                onChange={(e) => setRow("allergies", i, { severity: e.target.value })}
                options={[["", "—"], ...SEVERITIES.map((s) => [s, f.severities[s]] as const)]}
              />
              <Button type="button" variant="secondary" onClick={() => removeRow("allergies", i)}>
                {f.remove}
              </Button>
            </div>
          ))}
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              setV({ ...v, allergies: [...v.allergies, { substance: "", drugClass: "", reaction: "", severity: "" }] })
            }
          >
            {f.addAllergy}
          </Button>
        </fieldset>
        {clinical ? (
          <>
            <fieldset className="mt-6 space-y-3">
              <legend className="mb-2 text-sm font-semibold text-slate-800">{f.conditions}</legend>
              {v.conditions.map((c, i) => (
                <div
                  key={i}
                  className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[3fr_1fr_auto]"
                >
                  <Field
                    label={f.conditionText}
                    name={`conditions.${i}.text`}
                    value={c.text}
                    onChange={(e) => setRow("conditions", i, { text: e.target.value })}
                    error={fields[`conditions.${i}.text`]}
                  />
                  <Field
                    label={f.conditionCode}
                    name={`conditions.${i}.code`}
                    value={c.code}
                    onChange={(e) => setRow("conditions", i, { code: e.target.value })}
                  />
                  <Button type="button" variant="secondary" onClick={() => removeRow("conditions", i)}>
                    {f.remove}
                  </Button>
                </div>
              ))}
              <Button
                type="button"
                variant="secondary"
                onClick={() => setV({ ...v, conditions: [...v.conditions, { text: "", code: "" }] })}
              >
                {f.addCondition}
              </Button>
            </fieldset>
            <div className="mt-6 space-y-1">
              <label htmlFor="f-medicalHistory" className="block text-sm font-medium text-slate-700">
                {f.history}
              </label>
              <textarea
                id="f-medicalHistory"
                rows={4}
                value={v.medicalHistory}
                onChange={set("medicalHistory")}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600"
              />
            </div>
          </>
        ) : null}
      </Card>

      <Button type="submit" pending={pending}>
        {mode === "create" ? f.submitNew : f.submitEdit}
      </Button>
    </form>
  );
}
