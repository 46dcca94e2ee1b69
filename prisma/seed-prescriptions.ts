import { ensureDrugCatalogue } from "../lib/pharmacy/catalogue";
import type { Db } from "../lib/server/db";
import { seedPatient } from "./builders";

// The prescribing demo: a patient with a severe penicillin allergy (and a latex allergy, which the
// safety check recognises as not a medicine), so prescribing amoxicillin shows the block and the
// override. Idempotent: the patient is found by name and date of birth.
export const PENICILLIN_PATIENT = {
  firstName: "Amara",
  lastName: "Bello",
  dateOfBirth: "1978-06-03",
  sex: "female" as const,
  phone: "+228 90 55 01 23",
};

export async function seedPrescriptions(prisma: Db): Promise<void> {
  await ensureDrugCatalogue(prisma);
  const { firstName, lastName, dateOfBirth } = PENICILLIN_PATIENT;
  const existing = await prisma.patient.findFirst({
    where: { firstName, lastName, dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`) },
    select: { id: true },
  });
  if (existing) return;
  const p = await seedPatient(prisma, PENICILLIN_PATIENT);
  await prisma.allergy.createMany({
    data: [
      {
        patientId: p.id,
        substance: "Penicillin",
        drugClass: "penicillin",
        reaction: "Anaphylaxis",
        severity: "severe",
      },
      { patientId: p.id, substance: "Latex", reaction: "Contact dermatitis", severity: "mild" },
    ],
  });
  await prisma.condition.create({ data: { patientId: p.id, text: "Asthma", code: "J45.909" } });
}
