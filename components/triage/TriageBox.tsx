"use client";

/**
 * TriageBox: suggests a department from the patient's problem; the staff member always confirms.
 *
 * Props contract (for hosts such as the admission form and patient registration):
 * - `labels`: `useCatalog().triage.box` (plain strings).
 * - `departments`: the active departments `{ id, name }[]` the staff member may pick from.
 * - `patientId?`: the patient, when already registered (stored on the Triage row).
 * - `onConfirm?(choice)`: called when the staff member confirms a department (the suggested one or
 *   another), and with `null` when they click "Change" to revisit. The host copies `choice.departmentId`
 *   and `choice.plannedStayDays` into its own fields and passes `choice.triageId` to its service, which
 *   calls `confirmTriage(tx, ctx, { triageId, departmentId, patientId })` from lib/triage/service.ts in
 *   the same transaction (the admission), or `confirmTriageAction` after registering the patient.
 * - `inputNames?`: for hosts that read FormData instead: hidden inputs with these names carry the
 *   confirmed triage id, department id and planned stay inside the surrounding <form>.
 * The box renders no <form> of its own (it can sit inside the host's form); its buttons are type="button".
 *
 * `TriageChoice` = { triageId, departmentId, departmentName, plannedStayDays: number | null,
 *   accepted: boolean (true when the suggestion was kept unchanged), source: "rules" | "llm" }.
 */

import { useId, useState, useTransition } from "react";
import { runTriageAction } from "@/lib/triage/actions";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { controlProps, FieldFrame } from "@/components/ui/FieldFrame";
import type { Messages } from "@/lib/i18n/en";
import type { TriageResult } from "@/lib/triage/service";

export type TriageChoice = {
  triageId: string;
  departmentId: string;
  departmentName: string;
  plannedStayDays: number | null;
  accepted: boolean;
  source: "rules" | "llm";
};

export type TriageBoxProps = {
  labels: Messages["triage"]["box"];
  departments: { id: string; name: string }[];
  patientId?: string;
  onConfirm?: (choice: TriageChoice | null) => void;
  inputNames?: { triageId: string; departmentId: string; plannedStayDays?: string };
};

export function TriageBox({ labels: l, departments, patientId, onConfirm, inputNames }: TriageBoxProps) {
  const uid = useId();
  const [problem, setProblem] = useState("");
  const [result, setResult] = useState<TriageResult | null>(null);
  const [deptId, setDeptId] = useState("");
  const [stay, setStay] = useState("");
  const [choice, setChoice] = useState<TriageChoice | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const suggest = () =>
    startTransition(async () => {
      const r = await runTriageAction({ problem, ...(patientId ? { patientId } : {}) });
      if (!r.ok) {
        setResult(null);
        setError({
          message: r.error.fields?.problem ? r.error.fields.problem : l.failed,
          field: r.error.fields?.problem,
        });
        return;
      }
      setError(null);
      setResult(r.data);
      setDeptId(r.data.department.id);
      setStay(r.data.plannedStayDays === null ? "" : String(r.data.plannedStayDays));
      setChoice(null);
      onConfirm?.(null);
    });

  const confirm = () => {
    if (!result) return;
    const dept = departments.find((d) => d.id === deptId) ?? result.department;
    const days = stay.trim() === "" ? null : Math.max(0, Math.min(365, Math.trunc(Number(stay)) || 0));
    const c: TriageChoice = {
      triageId: result.id,
      departmentId: dept.id,
      departmentName: dept.name,
      plannedStayDays: days,
      accepted: dept.id === result.department.id && days === result.plannedStayDays,
      source: result.source,
    };
    setChoice(c);
    onConfirm?.(c);
  };

  const change = () => {
    setChoice(null);
    onConfirm?.(null);
  };

  const days = (n: number) => `${n} ${n === 1 ? l.day : l.days}`;
  const pct = result ? `${Math.round(result.confidence * 100)} %` : "";
  const redFlags = result?.details.redFlags ?? [];
  const matched = result?.details.matched ?? [];

  return (
    <section
      aria-labelledby={`${uid}-title`}
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/40 p-5"
      data-testid="triage-box"
    >
      <div>
        <h2 id={`${uid}-title`} className="text-base font-semibold text-slate-900">
          {l.title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{l.intro}</p>
      </div>
      <FieldFrame id={`${uid}-problem`} label={l.problem} error={error?.field}>
        <textarea
          {...controlProps(`${uid}-problem`, error?.field)}
          rows={3}
          maxLength={2000}
          value={problem}
          onChange={(e) => setProblem(e.target.value)}
        />
      </FieldFrame>
      <Button type="button" variant="secondary" onClick={suggest} disabled={pending || problem.trim().length === 0}>
        {pending ? l.suggesting : l.suggest}
      </Button>
      {error && !error.field ? <Alert tone="error">{error.message}</Alert> : null}

      {result && !choice ? (
        <div className="space-y-4 rounded-md border border-slate-200 bg-white p-4" data-testid="triage-result">
          <dl className="grid gap-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-500">{l.recommended}</dt>
              <dd className="text-lg font-semibold text-slate-900" data-testid="triage-department">
                {result.department.name}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{l.confidence}</dt>
              <dd className="font-medium text-slate-900">
                <span
                  className="mr-2 inline-block h-2 w-16 overflow-hidden rounded bg-slate-200 align-middle"
                  aria-hidden
                >
                  <span
                    className="block h-full bg-brand-600"
                    style={{ width: `${Math.round(result.confidence * 100)}%` }}
                  />
                </span>
                {pct}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{l.source}</dt>
              <dd className="font-medium text-slate-900">{l.sources[result.source]}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{l.plannedStay}</dt>
              <dd className="font-medium text-slate-900">
                {result.plannedStayDays === null ? l.noStay : days(result.plannedStayDays)}
              </dd>
            </div>
          </dl>
          {redFlags.length > 0 ? (
            <Alert tone="error">
              <span className="font-semibold">{l.redFlags}:</span>{" "}
              {redFlags.map((f) => (l.flags as Record<string, string>)[f] ?? f).join(", ")}
            </Alert>
          ) : null}
          {matched.length > 0 ? (
            <p className="text-xs text-slate-500">
              {l.matched}: {matched.join(", ")}
            </p>
          ) : null}
          <div className="grid gap-3 sm:grid-cols-3 sm:items-end">
            <FieldFrame id={`${uid}-dept`} label={l.department} hint={l.otherHint}>
              <select
                {...controlProps(`${uid}-dept`, undefined, l.otherHint)}
                value={deptId}
                onChange={(e) => setDeptId(e.target.value)}
              >
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </FieldFrame>
            <FieldFrame id={`${uid}-stay`} label={l.plannedStay}>
              <input
                {...controlProps(`${uid}-stay`)}
                type="number"
                min={0}
                max={365}
                value={stay}
                onChange={(e) => setStay(e.target.value)}
              />
            </FieldFrame>
            <div className="pb-0.5">
              <Button type="button" onClick={confirm}>
                {l.accept}
              </Button>
            </div>
          </div>
        </div>
      ) : null}

      {choice ? (
        <div
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900"
          role="status"
        >
          <p>
            <span className="font-semibold">{l.confirmed}:</span>{" "}
            <span data-testid="triage-confirmed">{choice.departmentName}</span>
            {choice.plannedStayDays !== null ? ` · ${days(choice.plannedStayDays)}` : ""}
          </p>
          <Button type="button" variant="secondary" onClick={change}>
            {l.change}
          </Button>
        </div>
      ) : null}

      {inputNames && choice ? (
        <>
          <input type="hidden" name={inputNames.triageId} value={choice.triageId} />
          <input type="hidden" name={inputNames.departmentId} value={choice.departmentId} />
          {inputNames.plannedStayDays ? (
            <input type="hidden" name={inputNames.plannedStayDays} value={choice.plannedStayDays ?? ""} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
