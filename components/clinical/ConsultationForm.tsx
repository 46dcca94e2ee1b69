"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { DiagnosisPicker, type Diagnosis } from "./DiagnosisPicker";
import { TextArea } from "./TextArea";

type Content = {
  hpi?: string;
  exam?: string;
  assessment?: string;
  plan?: string;
  treatment?: string;
  nextVisitOn?: string;
  diagnoses: Diagnosis[];
};
type Save = (
  input: Content & { id?: string; patientId?: string; appointmentId?: string },
) => Promise<ActionResult<{ id: string }>>;
const NOTES = ["hpi", "exam", "assessment", "plan", "treatment"] as const;

/** Writes a new consultation or edits a draft (the server refuses an edit past the window). */
export function ConsultationForm({
  initial,
  target,
  save,
  labels,
}: {
  initial?: Content;
  target: { id: string } | { patientId?: string; appointmentId?: string };
  save: Save;
  labels: Messages["clinical"]["consultation"];
}) {
  const router = useRouter();
  const [v, setV] = useState<Content>(initial ?? { diagnoses: [] });
  const { error, fields, pending, submit, edited } = useSubmit(save, ({ id }) => {
    router.push(`/consultations/${id}?saved=1`);
    router.refresh();
  });
  const set = (k: keyof Content) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setV({ ...v, [k]: e.target.value });
  const dxError = Object.entries(fields).find(([k]) => k.startsWith("diagnoses"))?.[1];
  return (
    <SubmitForm
      className="space-y-5"
      error={error}
      onChange={onFieldEdit(edited)}
      onSubmit={() => submit({ ...v, ...target })}
    >
      {error?.fields ? <Alert tone="error">{labels.fixErrors}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {NOTES.map((k) => (
          <TextArea
            key={k}
            name={k}
            label={labels[k]}
            rows={k === "hpi" || k === "exam" ? 5 : 3}
            value={v[k] ?? ""}
            onChange={set(k)}
            error={fields[k]}
            maxLength={10000}
          />
        ))}
        <Field
          name="nextVisitOn"
          type="date"
          label={labels.nextVisitOn}
          value={v.nextVisitOn ?? ""}
          onChange={set("nextVisitOn")}
          error={fields.nextVisitOn}
        />
      </div>
      <DiagnosisPicker
        value={v.diagnoses}
        onChange={(diagnoses) => setV({ ...v, diagnoses })}
        labels={labels}
        error={dxError}
      />
      <Button type="submit" pending={pending}>
        {labels.save}
      </Button>
    </SubmitForm>
  );
}
