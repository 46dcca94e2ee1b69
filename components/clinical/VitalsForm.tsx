"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { VITAL_FIELDS, ZVitals } from "@/lib/clinical/schemas";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

type Values = Partial<Record<(typeof VITAL_FIELDS)[number] | "takenAt" | "note", string>>;
type Record_ = (input: Values & { patientId: string }) => Promise<ActionResult<{ id: string }>>;
const STEP: Partial<Record<(typeof VITAL_FIELDS)[number], string>> = { temperatureC: "0.1", weightKg: "0.1", heightCm: "0.1" };

/** Vital signs, checked in the browser with the server's own schema (ranges, diastolic < systolic). */
export function VitalsForm({ patientId, record, labels }: { patientId: string; record: Record_; labels: Messages["clinical"]["vitals"] }) {
  const router = useRouter();
  const [v, setV] = useState<Values>({});
  const [ok, setOk] = useState(false);
  const { error, fields, pending, submit, edited } = useValidatedSubmit(ZVitals, record, () => {
    setV({});
    setOk(true);
    router.refresh();
  });
  const onSubmit = () => {
    setOk(false);
    // datetime-local has no offset: send the instant as the browser's clock reads it.
    const takenAt = v.takenAt ? new Date(v.takenAt).toISOString() : undefined;
    submit({ ...v, takenAt, patientId });
  };
  const field = (k: keyof Values, type = "number") => (
    <Field
      key={k}
      name={k}
      type={type}
      inputMode={type === "number" ? "decimal" : undefined}
      step={type === "number" ? (STEP[k as (typeof VITAL_FIELDS)[number]] ?? "1") : undefined}
      label={labels[k]}
      value={v[k] ?? ""}
      error={fields[k]}
      hint={k === "takenAt" ? labels.takenAtHint : undefined}
      onChange={(e) => {
        edited(k);
        setV({ ...v, [k]: e.target.value });
      }}
    />
  );
  return (
    <SubmitForm className="space-y-4" error={error} onSubmit={onSubmit}>
      {ok ? <Alert tone="success">{labels.saved}</Alert> : null}
      {fields._ ? <Alert tone="error">{fields._}</Alert> : null}
      <div className="grid grid-cols-2 gap-3">
        {VITAL_FIELDS.map((k) => field(k))}
        <div className="col-span-2">{field("takenAt", "datetime-local")}</div>
      </div>
      {field("note", "text")}
      <Button type="submit" disabled={pending}>{labels.submit}</Button>
    </SubmitForm>
  );
}
