"use client";

import { formNumber } from "@/lib/server/validation";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { onFieldEdit, useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { controlProps, FieldFrame } from "@/components/ui/FieldFrame";
import { SelectField } from "@/components/ui/Select";
import type { Messages } from "@/lib/i18n/en";
import type { DrugOption } from "@/lib/prescriptions/queries";
import type { Finding } from "@/lib/prescriptions/safety";
import type { ActionResult } from "@/lib/server/action";
import { ROUTE_VALUES } from "@/lib/prescriptions/labels";
import { DrugPicker } from "./DrugPicker";
import { FindingsList } from "./FindingsList";

type M = Messages["prescriptions"];
type Line = {
  key: number;
  drug: DrugOption | null;
  dose: string;
  route: string;
  frequency: string;
  durationDays: string;
  quantity: string;
  instructions: string;
};
type Input = {
  patientId: string;
  consultationId?: string;
  items: {
    drugId: string;
    dose: string;
    route: string;
    frequency: string;
    durationDays?: number;
    quantity?: number;
    instructions?: string;
  }[];
  overrideReason?: string;
};

let nextKey = 1;
const emptyLine = (): Line => ({
  key: nextKey++,
  drug: null,
  dose: "",
  route: "oral",
  frequency: "",
  durationDays: "",
  quantity: "",
  instructions: "",
});

/**
 * Several drug lines, each with a catalogue drug; the server runs the safety check. A block shows
 * the findings inline with a reason field to prescribe anyway. Any change to the lines withdraws
 * that offer, so a reason is only ever given for the findings on screen.
 */
export function PrescribeForm({
  patientId,
  consultationId,
  prescribe,
  searchDrugs,
  labels,
}: {
  patientId: string;
  consultationId?: string;
  prescribe: (input: Input) => Promise<ActionResult<{ id: string }>>;
  searchDrugs: (input: { q: string }) => Promise<ActionResult<DrugOption[]>>;
  labels: { form: M["form"]; kinds: M["kinds"]; severities: M["severities"]; routes: readonly string[] };
}) {
  const f = labels.form;
  const router = useRouter();
  const [lines, setLines] = useState<Line[]>(() => [emptyLine()]);
  const [reason, setReason] = useState("");
  // The findings of the last block stay on screen while a reason is being given (even if that
  // reason is refused as too short), until the lines change.
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const act = async (input: Input) => {
    const r = await prescribe(input);
    if (!r.ok && r.error.code === "SAFETY_CHECK") setFindings((r.error.details as { findings: Finding[] }).findings);
    return r;
  };
  const { error, fields, pending, submit, clear, edited } = useSubmit(act, ({ id }) =>
    router.push(`/prescriptions/${id}?created=1`),
  );

  const changeLines = (change: (ls: Line[]) => Line[]) => {
    setLines(change);
    if (findings) {
      clear();
      setFindings(null);
      setReason("");
    }
  };
  const update = (key: number, patch: Partial<Line>) =>
    changeLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const send = (overrideReason?: string) =>
    submit({
      patientId,
      ...(consultationId ? { consultationId } : {}),
      items: lines.map((l) => ({
        drugId: l.drug?.id ?? "",
        dose: l.dose,
        route: l.route,
        frequency: l.frequency,
        durationDays: formNumber(l.durationDays),
        ...(l.quantity.trim() ? { quantity: formNumber(l.quantity) } : {}),
        ...(l.instructions ? { instructions: l.instructions } : {}),
      })),
      ...(overrideReason !== undefined ? { overrideReason } : {}),
    });
  const err = (i: number, k: string) => fields[`items.${i}.${k}`];

  return (
    <SubmitForm
      className="space-y-6"
      onChange={onFieldEdit(edited, (n) => {
        const line = /^line-(\d+)-(\w+)$/.exec(n);
        if (!line) return n;
        const key = { drug: "drugId", days: "durationDays" }[line[2]] ?? line[2];
        return `items.${line[1]}.${key}`;
      })}
      error={error && error.code !== "SAFETY_CHECK" && !error.fields ? error : null}
      onSubmit={() => send()}
    >
      {error?.fields?.items ? <Alert tone="error">{error.fields.items}</Alert> : null}
      {lines.map((l, i) => (
        <fieldset key={l.key} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {f.line} {i + 1}
          </legend>
          <DrugPicker
            name={`line-${i}-drug`}
            value={l.drug}
            onChange={(drug) => update(l.key, { drug })}
            search={searchDrugs}
            labels={f}
            error={err(i, "drugId")}
          />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field
              label={f.dose}
              name={`line-${i}-dose`}
              value={l.dose}
              onChange={(e) => update(l.key, { dose: e.target.value })}
              hint={f.doseHint}
              error={err(i, "dose")}
            />
            <SelectField
              label={f.route}
              name={`line-${i}-route`}
              value={l.route}
              onChange={(e) => update(l.key, { route: e.target.value })}
              options={ROUTE_VALUES.map((r, k) => [r, labels.routes[k] ?? r] as const)}
              error={err(i, "route")}
            />
            <Field
              label={f.frequency}
              name={`line-${i}-frequency`}
              value={l.frequency}
              onChange={(e) => update(l.key, { frequency: e.target.value })}
              hint={f.frequencyHint}
              error={err(i, "frequency")}
            />
            <Field
              label={f.duration}
              name={`line-${i}-days`}
              type="number"
              min={1}
              max={365}
              value={l.durationDays}
              onChange={(e) => update(l.key, { durationDays: e.target.value })}
              error={err(i, "durationDays")}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
            <Field
              label={f.quantity}
              name={`line-${i}-quantity`}
              type="number"
              min={1}
              value={l.quantity}
              onChange={(e) => update(l.key, { quantity: e.target.value })}
              hint={f.quantityHint}
              error={err(i, "quantity")}
            />
            <Field
              label={f.instructions}
              name={`line-${i}-instructions`}
              value={l.instructions}
              onChange={(e) => update(l.key, { instructions: e.target.value })}
              maxLength={500}
              error={err(i, "instructions")}
            />
          </div>
          {lines.length > 1 ? (
            <Button
              type="button"
              variant="secondary"
              onClick={() => changeLines((ls) => ls.filter((x) => x.key !== l.key))}
            >
              {f.removeLine}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          onClick={() => changeLines((ls) => [...ls, emptyLine()])}
          disabled={lines.length >= 20}
        >
          {f.addLine}
        </Button>
        {findings ? null : (
          <Button type="submit" pending={pending}>
            {pending ? f.submitting : f.submit}
          </Button>
        )}
      </div>
      {findings ? (
        <section
          role="alert"
          aria-labelledby="safety-title"
          className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4"
        >
          <h2 id="safety-title" className="text-base font-semibold text-red-900">
            {f.blockedTitle}
          </h2>
          <p className="text-sm text-red-900">{f.blockedHint}</p>
          <div className="rounded-md bg-white px-3">
            <FindingsList findings={findings} kinds={labels.kinds} severities={labels.severities} />
          </div>
          <FieldFrame id="override-reason" label={f.overrideReason} error={fields.overrideReason}>
            <textarea
              {...controlProps("override-reason", fields.overrideReason)}
              name="overrideReason"
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </FieldFrame>
          <Button type="button" variant="danger" pending={pending} onClick={() => send(reason)}>
            {f.override}
          </Button>
        </section>
      ) : null}
    </SubmitForm>
  );
}
