"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { Field } from "@/components/ui/Field";
import { controlProps, FieldFrame } from "@/components/ui/FieldFrame";
import { SelectField } from "@/components/ui/Select";
import { parseMoney, toDecimal } from "@/lib/billing/money";
import type { EditField } from "@/lib/databrowser/registry";
import type { Locale } from "@/lib/i18n";
import { useAppLocale } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/action";

export type FormField = Omit<EditField, "ref"> & { label: string; choices?: { value: string; label: string }[] };
type Labels = { save: string; saving: string; saved: string; none: string };

// Money is typed and shown in currency units the reader's way ("12.50", "12,50" in French), sent in minor units.
const toText = (f: FormField, v: unknown, currency: string, locale: Locale): string | boolean => {
  if (f.kind === "bool") return v === true;
  if (v === null || v === undefined) return "";
  return f.kind === "money" ? toDecimal(Number(v), currency, locale) : String(v);
};

/** The typed value the entity's schema expects; text that does not parse is sent as typed, for the schema to refuse field by field. */
function toInput(f: FormField, v: string | boolean, currency: string, locale: Locale): unknown {
  if (f.kind === "bool") return v === true;
  const text = String(v).trim();
  if (text === "") return f.nullable ? null : "";
  if (f.kind === "int") return /^-?\d+$/.test(text) ? Number(text) : text;
  if (f.kind === "float") return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : text;
  if (f.kind === "money") return parseMoney(text, currency, locale) ?? text;
  return text;
}

/** The browser's edit form: one field per editable column, sent to the entity's own schema and service. */
export function EditRecordForm({
  entity,
  id,
  fields,
  initial,
  currency,
  labels,
  action,
}: {
  entity: string;
  id: string;
  fields: FormField[];
  initial: Record<string, unknown>;
  currency: string;
  labels: Labels;
  action: (input: {
    entity: string;
    id: string;
    patch: Record<string, unknown>;
  }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const locale = useAppLocale();
  const [values, setValues] = useState(() =>
    Object.fromEntries(fields.map((f) => [f.name, toText(f, initial[f.name], currency, locale)])),
  );
  const [saved, setSaved] = useState(false);
  const {
    error,
    fields: errors,
    pending,
    submit,
    edited,
  } = useSubmit(action, () => {
    setSaved(true);
    router.refresh();
  });
  const set = (name: string, v: string | boolean) => {
    setSaved(false);
    setValues({ ...values, [name]: v });
  };
  const send = () =>
    submit({
      entity,
      id,
      patch: Object.fromEntries(fields.map((f) => [f.name, toInput(f, values[f.name], currency, locale)])),
    });
  return (
    <SubmitForm onSubmit={send} error={error} onChange={onFieldEdit(edited)}>
      {saved ? <Alert tone="success">{labels.saved}</Alert> : null}
      {error?.fields && errors._ ? <Alert tone="error">{errors._}</Alert> : null}
      {fields.map((f) => {
        const v = values[f.name];
        if (f.kind === "bool")
          return (
            <CheckboxField
              key={f.name}
              label={f.label}
              name={f.name}
              checked={v === true}
              onChange={(e) => set(f.name, e.target.checked)}
            />
          );
        if (f.kind === "enum" || f.kind === "ref") {
          const choices = (f.choices ?? (f.options ?? []).map((o) => ({ value: o, label: o }))).map(
            (c) => [c.value, c.label] as const,
          );
          const options = f.nullable ? [["", labels.none] as const, ...choices] : choices;
          return (
            <SelectField
              key={f.name}
              label={f.label}
              name={f.name}
              value={String(v)}
              options={options}
              error={errors[f.name]}
              onChange={(e) => set(f.name, e.target.value)}
            />
          );
        }
        if (f.kind === "longtext")
          return (
            <FieldFrame key={f.name} id={`f-${f.name}`} label={f.label} error={errors[f.name]}>
              <textarea
                name={f.name}
                rows={3}
                value={String(v)}
                onChange={(e) => set(f.name, e.target.value)}
                {...controlProps(`f-${f.name}`, errors[f.name])}
              />
            </FieldFrame>
          );
        return (
          <Field
            key={f.name}
            label={f.kind === "money" ? `${f.label} (${currency})` : f.label}
            name={f.name}
            value={String(v)}
            inputMode={f.kind === "int" || f.kind === "float" || f.kind === "money" ? "decimal" : undefined}
            error={errors[f.name]}
            onChange={(e) => set(f.name, e.target.value)}
          />
        );
      })}
      <Button type="submit" pending={pending}>
        {pending ? labels.saving : labels.save}
      </Button>
    </SubmitForm>
  );
}
