import type { Db } from "@/lib/server/db";

/** An MRN as people type it (H-000041, h-41, H41, 41) in the stored form, or null if it cannot be one. */
export function normalizeMrn(input: string): string | null {
  const m = /^\s*(?:h\s*-?\s*)?(\d{1,9})\s*$/i.exec(input);
  return m ? `H-${m[1].replace(/^0+(?=\d)/, "").padStart(6, "0")}` : null;
}

/** The merge page's picker: the record with this MRN (merged ones included: the service then says so). */
export async function patientIdByMrn(prisma: Pick<Db, "patient">, input: string): Promise<string | null> {
  const mrn = normalizeMrn(input);
  if (!mrn) return null;
  return (await prisma.patient.findUnique({ where: { mrn }, select: { id: true } }))?.id ?? null;
}

/** The duplicate's MRN once merged into this survivor (the merge page's result), else null. */
export async function mergedDuplicateMrn(
  prisma: Pick<Db, "patient">,
  survivorId: string,
  duplicateId: string,
): Promise<string | null> {
  return (
    (await prisma.patient.findFirst({ where: { id: duplicateId, mergedIntoId: survivorId }, select: { mrn: true } }))
      ?.mrn ?? null
  );
}
