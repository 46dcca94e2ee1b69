"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { CheckboxField } from "@/components/ui/CheckboxField";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

type Save = (input: {
  patientId: string;
  pregnant: boolean;
  spo2Scale2: boolean;
}) => Promise<ActionResult<{ id: string }>>;

/** A doctor's NEWS2 flags on the patient: pregnancy (no score) and SpO2 scale 2 (hypercapnic respiratory failure). */
export function News2FlagsForm({
  patientId,
  save,
  labels,
  initial,
}: {
  patientId: string;
  save: Save;
  labels: Messages["clinical"]["vitals"];
  initial: { pregnant: boolean; spo2Scale2: boolean };
}) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [ok, setOk] = useState(false);
  const { error, pending, submit } = useSubmit(save, () => {
    setOk(true);
    router.refresh();
  });
  return (
    <SubmitForm
      className="space-y-3"
      error={error}
      onSubmit={() => {
        setOk(false);
        submit({ patientId, ...v });
      }}
    >
      {ok ? <Alert tone="success">{labels.flagsSaved}</Alert> : null}
      <CheckboxField
        id="news2-pregnant"
        name="pregnant"
        label={labels.flagPregnant}
        hint={labels.flagPregnantHint}
        checked={v.pregnant}
        onChange={(e) => setV({ ...v, pregnant: e.target.checked })}
      />
      <CheckboxField
        id="news2-scale2"
        name="spo2Scale2"
        label={labels.flagScale2}
        hint={labels.flagScale2Hint}
        checked={v.spo2Scale2}
        onChange={(e) => setV({ ...v, spo2Scale2: e.target.checked })}
      />
      <Button type="submit" pending={pending}>
        {labels.flagsSave}
      </Button>
    </SubmitForm>
  );
}
