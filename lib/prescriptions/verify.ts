import type { PrescriptionStatus } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { effectiveStatus } from "./status";
import { verifyRxToken } from "./token";

/**
 * Initials only ("J. D."): enough for a pharmacist to match the code to the paper and the person in
 * front of them, while a photographed or leaked code reveals no identity. Everything else about
 * the patient (MRN, date of birth, contact, allergies, diagnosis, history) stays off the public page.
 */
export const initials = (first: string, last: string) =>
  [first, last].map((n) => `${n.trim().charAt(0).toUpperCase()}.`).join(" ");

export type PublicPrescription = {
  id: string;
  status: PrescriptionStatus;
  issuedAt: string;
  expiresAt: string;
  prescriber: string;
  patientInitials: string;
  items: {
    drug: string;
    dose: string;
    route: string;
    frequency: string;
    durationDays: number;
    quantity: number;
    instructions: string | null;
  }[];
};

/**
 * What the public /rx/{token} page shows, or null for a token that is forged, mistyped or unknown.
 * The signature is checked before any lookup. Every view with a valid signature is recorded
 * (action VERIFY, with the visitor's address), not as a chart read, so misuse can be seen.
 */
export async function verifyPrescription(
  prisma: Db,
  token: string,
  visitor: { actor: { id: string; role: string } | null; ip: string | null },
): Promise<PublicPrescription | null> {
  if (!verifyRxToken(token)) return null;
  const p = await prisma.prescription.findUnique({
    where: { token },
    select: {
      id: true,
      status: true,
      issuedAt: true,
      expiresAt: true,
      patientId: true,
      patient: { select: { firstName: true, lastName: true } },
      prescriber: { select: { name: true } },
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          dose: true,
          route: true,
          frequency: true,
          durationDays: true,
          quantity: true,
          instructions: true,
          drug: { select: { genericName: true, strength: true, form: true } },
        },
      },
    },
  });
  if (!p) return null;
  const status = effectiveStatus(p, clock.now());
  await audit(prisma, visitor, { action: "VERIFY", entity: "Prescription", entityId: p.id, details: { status } });
  return {
    id: p.id,
    status,
    issuedAt: p.issuedAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    prescriber: p.prescriber.name,
    patientInitials: initials(p.patient.firstName, p.patient.lastName),
    items: p.items.map((i) => ({
      drug: `${i.drug.genericName} ${i.drug.strength} ${i.drug.form}`,
      dose: i.dose,
      route: i.route,
      frequency: i.frequency,
      durationDays: i.durationDays,
      quantity: i.quantity,
      instructions: i.instructions,
    })),
  };
}
