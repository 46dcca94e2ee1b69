"use client";

import { formNumber } from "@/lib/server/validation";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

type Enter = (input: {
  orderId: string;
  value?: number;
  valueText?: string;
  flag?: string;
}) => Promise<ActionResult<unknown>>;

/** One pending order's result: a number against the catalogue range, or a qualitative answer. */
export function LabResultForm({
  orderId,
  testName,
  qualitative,
  unit,
  enter,
  labels,
}: {
  orderId: string;
  testName: string;
  qualitative: boolean;
  unit: string | null;
  enter: Enter;
  labels: Messages["clinical"]["lab"];
}) {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [flag, setFlag] = useState("NORMAL");
  const { error, fields, pending, submit, edited } = useSubmit(enter, () => router.refresh());
  const id = (k: string) => `${k}-${orderId}`;
  return (
    <SubmitForm
      className="flex flex-wrap items-end gap-2"
      error={error}
      onChange={onFieldEdit(edited, (n) => (n === "value" || n === "valueText" ? ["value", "valueText"] : n))}
      onSubmit={() => submit(qualitative ? { orderId, valueText: value, flag } : { orderId, value: formNumber(value) })}
    >
      {qualitative ? (
        <>
          <Field
            id={id("text")}
            name="valueText"
            label={`${labels.result}: ${testName}`}
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
          label={`${labels.value}: ${testName}${unit ? ` (${unit})` : ""}`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={fields.value}
        />
      )}
      <Button type="submit" pending={pending}>
        {labels.enter}
      </Button>
    </SubmitForm>
  );
}
