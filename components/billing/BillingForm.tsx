"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { type ConfirmText, useConfirm } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { ActionResult } from "@/lib/server/action";
import { formNumber } from "@/lib/server/validation";

export type FormInput =
  | {
      name: string;
      label: string;
      type?: "text" | "number" | "date";
      inputMode?: "decimal" | "numeric";
      defaultValue?: string;
      hint?: string;
    }
  | { name: string; label: string; options: readonly (readonly [string, string])[]; defaultValue?: string };

/**
 * One small billing form (payment, refund, extra line, void, new invoice): its fields, fixed
 * values sent along, and the server action. Field messages come back under their fields; on
 * success the page refreshes, or `goTo` opens the page of what was created.
 */
export function BillingForm({
  title,
  fields,
  fixed,
  act,
  submit,
  done,
  variant = "primary",
  goTo,
  confirm,
}: {
  title: string;
  fields: FormInput[];
  fixed: Record<string, string>;
  act: (input: Record<string, string | number | undefined>) => Promise<ActionResult<unknown>>;
  submit: string;
  done?: string;
  variant?: "primary" | "secondary" | "danger";
  goTo?: string;
  /** Asked before sending, for a step that cannot be taken back (voiding). */
  confirm?: ConfirmText;
}) {
  const router = useRouter();
  const initial = () =>
    Object.fromEntries(
      fields.map((f) => [f.name, f.defaultValue ?? ("options" in f ? (f.options[0]?.[0] ?? "") : "")]),
    );
  // Whole-number fields (a line's quantity) are sent as numbers; amounts stay decimal text for the action to parse.
  const numeric = new Set(fields.filter((f) => "inputMode" in f && f.inputMode === "numeric").map((f) => f.name));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [ok, setOk] = useState(false);
  const {
    error,
    fields: errors,
    pending,
    submit: send,
    edited,
  } = useSubmit(act, (data) => {
    const created = (data as { id?: string } | null)?.id;
    if (goTo && created) return router.push(`${goTo}/${created}`);
    setValues(initial());
    setOk(true);
    router.refresh();
  });
  const ask = useConfirm(confirm ?? { title: "", consequence: "", confirm: "", cancel: "" });
  const set = (name: string, value: string) => {
    setOk(false);
    edited(name);
    setValues((v) => ({ ...v, [name]: value }));
  };
  return (
    <SubmitForm
      className="space-y-3"
      error={error}
      onSubmit={() => {
        const run = () =>
          send({
            ...fixed,
            ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, numeric.has(k) ? formNumber(v) : v])),
          });
        if (confirm) ask.ask(run);
        else run();
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {ok && done && !pending ? <Alert tone="success">{done}</Alert> : null}
      {error?.fields && Object.keys(error.fields).every((k) => !(k in values)) ? (
        <Alert tone="error">{Object.values(error.fields)[0]}</Alert>
      ) : null}
      {fields.map((f) =>
        "options" in f ? (
          <SelectField
            key={f.name}
            label={f.label}
            name={f.name}
            options={f.options}
            value={values[f.name]}
            onChange={(e) => set(f.name, e.target.value)}
            error={errors[f.name]}
          />
        ) : (
          <Field
            key={f.name}
            label={f.label}
            name={f.name}
            type={f.type ?? "text"}
            inputMode={f.inputMode}
            hint={f.hint}
            value={values[f.name]}
            onChange={(e) => set(f.name, e.target.value)}
            error={errors[f.name]}
          />
        ),
      )}
      <Button type="submit" variant={variant} pending={pending}>
        {submit}
      </Button>
      {confirm ? ask.dialog : null}
    </SubmitForm>
  );
}
