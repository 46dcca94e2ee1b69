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

type Order = (input: { patientId: string; testIds: string[]; notes?: string }) => Promise<ActionResult<unknown>>;

/** Tick the tests to order for this patient. */
export function LabOrderForm({
  patientId,
  tests,
  order,
  labels,
}: {
  patientId: string;
  tests: { id: string; name: string; specimen: string | null }[];
  order: Order;
  labels: Messages["clinical"]["lab"];
}) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [ok, setOk] = useState(false);
  const { error, fields, pending, submit, edited } = useSubmit(order, () => {
    setPicked([]);
    setNotes("");
    setOk(true);
    router.refresh();
  });
  return (
    <SubmitForm
      className="space-y-3"
      error={error}
      onChange={onFieldEdit(edited, (n) => (n === "labNotes" ? "notes" : n))}
      onSubmit={() => {
        setOk(false);
        submit({ patientId, testIds: picked, notes });
      }}
    >
      {ok ? <Alert tone="success">{labels.ordered}</Alert> : null}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{labels.tests}</legend>
        <div className="grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2">
          {tests.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="testIds"
                checked={picked.includes(t.id)}
                onChange={(e) => setPicked(e.target.checked ? [...picked, t.id] : picked.filter((x) => x !== t.id))}
              />
              {t.name}
            </label>
          ))}
        </div>
        {fields.testIds ? <p className="mt-1 text-sm text-red-700">{fields.testIds}</p> : null}
      </fieldset>
      <Field
        name="labNotes"
        label={labels.notes}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={fields.notes}
        maxLength={1000}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {labels.orderSubmit}
      </Button>
    </SubmitForm>
  );
}
