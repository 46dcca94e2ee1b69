"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import { CONSCIOUSNESS, type Consciousness } from "@/lib/clinical/news2";
import { VITAL_FIELDS, ZVitals } from "@/lib/clinical/schemas";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { formNumber } from "@/lib/server/validation";

type Values = Partial<
  Record<(typeof VITAL_FIELDS)[number] | "takenAt" | "note" | "consciousness" | "supplementalOxygen", string>
>;
type Sent = Partial<Record<(typeof VITAL_FIELDS)[number], number>> & {
  takenAt?: string;
  note?: string;
  consciousness?: Consciousness;
  supplementalOxygen?: boolean;
};
type Record_ = (input: Sent & { patientId: string; vitalId?: string }) => Promise<ActionResult<{ id: string }>>;
type Reading = Partial<Record<(typeof VITAL_FIELDS)[number], number | null>> & {
  id: string;
  note: string | null;
  consciousness?: Consciousness | null;
  supplementalOxygen?: boolean | null;
};
const oxygenValue = (b: boolean | null | undefined) => (b === true ? "yes" : b === false ? "no" : undefined);
const STEP: Partial<Record<(typeof VITAL_FIELDS)[number], string>> = {
  temperatureC: "0.1",
  weightKg: "0.1",
  heightCm: "0.1",
};

/** Vital signs, checked in the browser with the server's own schema (ranges, diastolic < systolic). */
/** New vitals, or (with `reading`) the author's correction of one within its window (the full set again). */
export function VitalsForm({
  patientId,
  record,
  labels,
  reading,
}: {
  patientId: string;
  record: Record_;
  labels: Messages["clinical"]["vitals"];
  reading?: Reading;
}) {
  const router = useRouter();
  const initial = (): Values =>
    reading
      ? {
          ...Object.fromEntries(VITAL_FIELDS.filter((k) => reading[k] != null).map((k) => [k, String(reading[k])])),
          note: reading.note ?? undefined,
          consciousness: reading.consciousness ?? undefined,
          supplementalOxygen: oxygenValue(reading.supplementalOxygen),
        }
      : {};
  const [v, setV] = useState<Values>(initial);
  const [ok, setOk] = useState(false);
  const { error, fields, pending, submit, edited } = useValidatedSubmit(ZVitals, record, () => {
    if (!reading) setV({});
    setOk(true);
    router.refresh();
  });
  const onSubmit = () => {
    setOk(false);
    // datetime-local has no offset: send the instant as the browser's clock reads it.
    const takenAt = v.takenAt ? new Date(v.takenAt).toISOString() : undefined;
    const measured = Object.fromEntries(VITAL_FIELDS.map((k) => [k, formNumber(v[k] ?? "")]));
    // The selects send exact types: an ACVPU letter and a boolean (or nothing: an unscored set).
    const consciousness = CONSCIOUSNESS.find((c) => c === v.consciousness);
    const supplementalOxygen =
      v.supplementalOxygen === "yes" ? true : v.supplementalOxygen === "no" ? false : undefined;
    submit({
      ...measured,
      consciousness,
      supplementalOxygen,
      note: v.note,
      takenAt,
      patientId,
      ...(reading ? { vitalId: reading.id } : {}),
    });
  };
  const field = (k: keyof Values, type = "number") => (
    <Field
      key={k}
      id={`vitals-${reading?.id ?? "new"}-${k}`}
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
  const select = (
    k: "consciousness" | "supplementalOxygen",
    label: string,
    options: readonly (readonly [string, string])[],
  ) => (
    <SelectField
      key={k}
      id={`vitals-${reading?.id ?? "new"}-${k}`}
      name={k}
      label={label}
      value={v[k] ?? ""}
      error={fields[k]}
      options={[["", labels.notRecorded], ...options]}
      onChange={(e) => {
        edited(k);
        setV({ ...v, [k]: e.target.value });
      }}
    />
  );
  return (
    <SubmitForm className="space-y-4" error={error} onSubmit={onSubmit}>
      {ok ? <Alert tone="success">{reading ? labels.corrected : labels.saved}</Alert> : null}
      {fields._ ? <Alert tone="error">{fields._}</Alert> : null}
      <div className="grid grid-cols-2 gap-3">
        {VITAL_FIELDS.map((k) => field(k))}
        {select(
          "consciousness",
          labels.consciousness,
          CONSCIOUSNESS.map((c) => [c, labels.consciousnessLevels[c]] as const),
        )}
        {select("supplementalOxygen", labels.supplementalOxygen, [
          ["no", labels.oxygenNo],
          ["yes", labels.oxygenYes],
        ])}
        <p className="col-span-2 text-xs text-slate-600">{labels.news2Hint}</p>
        {reading ? null : <div className="col-span-2">{field("takenAt", "datetime-local")}</div>}
      </div>
      {field("note", "text")}
      <Button type="submit" pending={pending}>
        {reading ? labels.update : labels.submit}
      </Button>
    </SubmitForm>
  );
}
