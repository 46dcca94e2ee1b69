"use client";

import { formNumber } from "@/lib/server/validation";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { Messages } from "@/lib/i18n/en";
import { DRUG_CLASSES, DRUG_FORMS } from "@/lib/pharmacy/catalogue-data";
import { ZDrugCreate, ZDrugEdit } from "@/lib/pharmacy/schemas";
import type { ActionResult } from "@/lib/server/action";

type Values = {
  genericName: string;
  brandName: string;
  form: string;
  strength: string;
  drugClass: string;
  reorderLevel: string;
  active: boolean;
};

/** Adds a drug, or edits one (including withdrawing it). */
export function DrugForm({
  mode,
  id,
  initial,
  action,
  labels,
  classes,
}: {
  mode: "create" | "edit";
  id?: string;
  initial: Values;
  action: (input: Record<string, unknown>) => Promise<ActionResult<{ id: string }>>;
  labels: Messages["pharmacy"]["drugs"];
  classes: Messages["pharmacy"]["classes"];
}) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [done, setDone] = useState(false);
  const { error, fields, pending, submit, edited } = useValidatedSubmit(
    mode === "create" ? ZDrugCreate : ZDrugEdit,
    action,
    (data) => {
      if (mode === "create") router.push(`/pharmacy/drugs/${data.id}`);
      else {
        setDone(true);
        router.refresh();
      }
    },
  );
  const change = (patch: Partial<Values>) => {
    setDone(false);
    Object.keys(patch).forEach(edited);
    setV({ ...v, ...patch });
  };
  const values = {
    genericName: v.genericName,
    brandName: v.brandName,
    form: v.form,
    strength: v.strength,
    drugClass: v.drugClass,
    reorderLevel: formNumber(v.reorderLevel),
  };
  return (
    <SubmitForm onSubmit={() => submit(mode === "create" ? values : { id, ...values, active: v.active })} error={error}>
      {done ? <Alert tone="success">{labels.saved}</Alert> : null}
      <Field
        label={labels.generic}
        name="genericName"
        hint={labels.genericHint}
        value={v.genericName}
        onChange={(e) => change({ genericName: e.target.value })}
        error={fields.genericName}
      />
      <Field
        label={labels.brand}
        name="brandName"
        value={v.brandName}
        onChange={(e) => change({ brandName: e.target.value })}
        error={fields.brandName}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={labels.form}
          name="form"
          value={v.form}
          onChange={(e) => change({ form: e.target.value })}
          error={fields.form}
          options={[["", "—"], ...DRUG_FORMS.map((f) => [f, f] as const)]}
        />
        <Field
          label={labels.strength}
          name="strength"
          hint={labels.strengthHint}
          value={v.strength}
          onChange={(e) => change({ strength: e.target.value })}
          error={fields.strength}
        />
        <SelectField
          label={labels.drugClass}
          name="drugClass"
          value={v.drugClass}
          onChange={(e) => change({ drugClass: e.target.value })}
          error={fields.drugClass}
          options={[["", "—"], ...DRUG_CLASSES.map((c) => [c, classes[c]] as const)]}
        />
        <Field
          label={labels.reorderLevel}
          name="reorderLevel"
          type="number"
          min={0}
          hint={labels.reorderHint}
          value={v.reorderLevel}
          onChange={(e) => change({ reorderLevel: e.target.value })}
          error={fields.reorderLevel}
        />
      </div>
      {mode === "edit" ? (
        <CheckboxField
          label={labels.active}
          name="active"
          hint={labels.activeHint}
          checked={v.active}
          onChange={(e) => change({ active: e.target.checked })}
        />
      ) : null}
      <Button type="submit" pending={pending}>
        {mode === "create" ? labels.create : labels.save}
      </Button>
    </SubmitForm>
  );
}
