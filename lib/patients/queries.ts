import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/server/api";
import type { Db } from "@/lib/server/db";

export const PATIENT_SORTS = ["lastName", "mrn", "createdAt", "dateOfBirth"] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];

export type PatientRow = { id: string; mrn: string; firstName: string; lastName: string; dateOfBirth: string; sex: string; phone: string | null };

const ROW = { id: true, mrn: true, firstName: true, lastName: true, dateOfBirth: true, sex: true, phone: true } as const;

const toRow = (r: Omit<PatientRow, "dateOfBirth"> & { dateOfBirth: Date }): PatientRow => ({ ...r, dateOfBirth: r.dateOfBirth.toISOString().slice(0, 10) });

/** Demographic list for staff: active patients, search over name, MRN and phone, paged. */
export async function listPatients(prisma: Db, query: ListQuery<PatientSort>): Promise<{ items: PatientRow[]; total: number }> {
  const q = query.q;
  const where: Prisma.PatientWhereInput = { active: true };
  if (q) {
    where.OR = [
      { mrn: { startsWith: q.toUpperCase() } },
      { phone: { startsWith: q } },
      { lastName: { startsWith: q, mode: "insensitive" } },
      { firstName: { startsWith: q, mode: "insensitive" } },
    ];
  }
  const orderBy: Prisma.PatientOrderByWithRelationInput[] = [{ [query.sort.field]: query.sort.dir }, { id: "asc" }];
  const [rows, total] = await Promise.all([
    prisma.patient.findMany({ where, orderBy, skip: query.skip, take: query.take, select: ROW }),
    prisma.patient.count({ where }),
  ]);
  return { items: rows.map(toRow), total };
}

/** The newest registrations, for clinicians' dashboards. */
export async function recentPatients(prisma: Db, take = 5): Promise<PatientRow[]> {
  const rows = await prisma.patient.findMany({ where: { active: true }, orderBy: { createdAt: "desc" }, take, select: ROW });
  return rows.map(toRow);
}

/** The patient record linked to a PATIENT user, for their own dashboard. */
export async function ownPatientRecord(prisma: Db, userId: string) {
  return prisma.patient.findUnique({ where: { userId }, select: { id: true, mrn: true, firstName: true, lastName: true } });
}
