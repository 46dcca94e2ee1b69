"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { formNumber } from "@/lib/server/validation";

type Amend = (input: {
  resultId: string;
  value?: number;
  valueText?: string;
  flag?: string;
  reason: string;
}) => Promise<ActionResult<unknown>>;

/** Corrects a result by an amended one (the original is kept): the new value and why. */
export function LabAmendForm({
  resultId,
  qualitative,
  amend,
  labels,
}: {
  resultId: string;
  qualitative: boolean;
  amend: Amend;
  labels: Messages["clinical"]["lab"];
}) {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [flag, setFlag] = useState("NORMAL");
  const [reason, setReason] = useState("");
  const { error, fields, pending, submit, edited } = useSubmit(amend, () => {
    setValue("");
    setReason("");
    router.refresh();
  });
  const id = (k: string) => `amend-${k}-${resultId}`;
  return (
    <SubmitForm
      className="grid gap-2"
      error={error}
      onChange={onFieldEdit(edited, (n) => (n === "value" || n === "valueText" ? ["value", "valueText"] : n))}
      onSubmit={() =>
        submit(
          qualitative ? { resultId, valueText: value, flag, reason } : { resultId, value: formNumber(value), reason },
        )
      }
    >
      {qualitative ? (
        <>
          <Field
            id={id("text")}
            name="valueText"
            label={labels.result}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={fields.value ?? fields.valueText}
            maxLength={500}
          />
          <SelectField
            id={id("flag")}
            name="flag"
            label={labels.flag}
            value={flag}
            onChange={(e) => setFlag(e.target.value)}
            options={[
              ["NORMAL", labels.negative],
              ["ABNORMAL", labels.positive],
            ]}
          />
        </>
      ) : (
        <Field
          id={id("value")}
          name="value"
          type="number"
          step="any"
          inputMode="decimal"
          label={labels.value}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={fields.value}
        />
      )}
      <Field
        id={id("reason")}
        name="reason"
        label={labels.amendReason}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
        maxLength={1000}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {labels.amendSubmit}
      </Button>
    </SubmitForm>
  );
}
