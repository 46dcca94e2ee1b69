"use client";

import { useRef } from "react";
import { confirmTriageAction } from "@/lib/triage/actions";
import { EMPTY_PATIENT, PatientForm } from "@/components/patients/PatientForm";
import type { ActionResult } from "@/lib/server/action";
import type { Messages } from "@/lib/i18n/en";
import { TriageBox, type TriageChoice } from "./TriageBox";

/**
 * Patient registration with the triage box above the form: once the patient is registered, the
 * department the staff member confirmed is recorded on the Triage row with the new patient's id.
 */
export function RegisterWithTriage({
  register,
  labels,
  triageLabels,
  departments,
  recordHref,
  clinical,
}: {
  register: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  labels: Messages["patients"]["form"];
  triageLabels: Messages["triage"]["box"];
  departments: { id: string; name: string }[];
  recordHref: string;
  /** Whether the user sees clinical fields (lib/patients/scope.ts seesClinicalDetails). */
  clinical: boolean;
}) {
  const choice = useRef<TriageChoice | null>(null);
  const action = async (input: unknown) => {
    const r = await register(input);
    const c = choice.current;
    if (r.ok && c)
      await confirmTriageAction({ triageId: c.triageId, departmentId: c.departmentId, patientId: r.data.id });
    return r;
  };
  return (
    <div className="space-y-6">
      <TriageBox labels={triageLabels} departments={departments} onConfirm={(c) => (choice.current = c)} />
      <PatientForm
        mode="create"
        initial={EMPTY_PATIENT}
        action={action}
        labels={labels}
        recordHref={recordHref}
        clinical={clinical}
      />
    </div>
  );
}
