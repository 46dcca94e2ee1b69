import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/session";

/** Which patients an actor may see: a patient only their own record; staff every record. */
export function patientScope(actor: Actor): Prisma.PatientWhereInput {
  return actor.role === "PATIENT" ? { userId: actor.id } : {};
}

/**
 * How much of a record an actor sees. Records officers and pharmacists work with demographics (and
 * allergies, which dispensing needs); clinicians, admins and the patient themself see the record.
 */
export function seesClinicalDetails(actor: Actor): boolean {
  return actor.role !== "RECORDS_OFFICER" && actor.role !== "PHARMACIST";
}
