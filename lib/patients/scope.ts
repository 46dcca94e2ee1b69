import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { CLINICAL_PATIENT_FIELDS, type ClinicalPatientField } from "./schemas";
import { can } from "@/lib/server/permissions";
import type { Actor } from "@/lib/server/session";
import { E } from "@/lib/i18n/error-keys";

/** Which patients an actor may see: a patient only their own record; staff every record. */
export function patientScope(actor: Actor): Prisma.PatientWhereInput {
  return actor.role === "PATIENT" ? { userId: actor.id } : {};
}

export { CLINICAL_PATIENT_FIELDS, type ClinicalPatientField } from "./schemas";

/**
 * Where a patient found in a list or search opens for a role, with {id} for the record id: the chart
 * (patient.chart.read), else the identity form (patient.register), else nowhere (null: list only).
 */
export function patientRecordHref(role: Actor["role"]): string | null {
  return can(role, "patient.chart.read")
    ? "/patients/{id}"
    : can(role, "patient.register")
      ? "/patients/{id}/edit"
      : null;
}

/**
 * Whether an actor sees (and, with patient.register, changes) a record's clinical fields: the roles
 * holding clinical.read in the permission table — clinicians, admins and the patient themself
 * (within patientScope). Records officers and pharmacists work with demographics and allergies.
 */
export function seesClinicalDetails(actor: Actor): boolean {
  return can(actor.role, "clinical.read");
}

/**
 * Refuses (403, each field named) a write of a clinical field by an actor who may not see them.
 * A field is written when the input holds a value for it (null clears it; an edit's list, even
 * empty, replaces the stored one); at registration an empty list writes nothing.
 */
export function assertMayWriteFields(
  actor: Actor,
  input: Partial<Record<ClinicalPatientField, unknown>>,
  mode: "create" | "update",
): void {
  if (seesClinicalDetails(actor)) return;
  const written = CLINICAL_PATIENT_FIELDS.filter((k) => {
    const v = input[k];
    if (v === undefined) return false;
    return !(mode === "create" && Array.isArray(v) && v.length === 0);
  });
  if (written.length)
    throw new AppError("FORBIDDEN", E.errors.forbidden, {
      fields: Object.fromEntries(written.map((k) => [k, E.patients.errors.clinicalField])),
    });
}

/** Refuses (400, field named) the diagnosis filter of the patient search to an actor who may not see conditions. */
export function assertMayFilterByCondition(actor: Actor, condition: string | undefined): void {
  if (condition !== undefined && !seesClinicalDetails(actor))
    throw new AppError("VALIDATION_FAILED", E.errors.fixFields, {
      fields: { condition: E.patients.errors.clinicalFilter },
    });
}
