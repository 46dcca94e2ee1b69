import type { Role } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db";
import { ROLES } from "@/lib/server/permissions";

export type HospitalStats = {
  patients: { total: number; active: number };
  staff: { total: number; byRole: Record<Exclude<Role, "PATIENT">, number> };
  departments: number;
};

/** Hospital-wide counts for the admin dashboard and GET /api/v1/stats: three grouped queries. */
export async function getHospitalStats(prisma: Db): Promise<HospitalStats> {
  const [patientGroups, roleGroups, departments] = await Promise.all([
    prisma.patient.groupBy({ by: ["active"], _count: { _all: true } }),
    prisma.user.groupBy({ by: ["role"], where: { active: true, role: { not: "PATIENT" } }, _count: { _all: true } }),
    prisma.department.count({ where: { active: true } }),
  ]);
  const byRole = Object.fromEntries(ROLES.filter((r) => r !== "PATIENT").map((r) => [r, 0])) as HospitalStats["staff"]["byRole"];
  for (const g of roleGroups) if (g.role !== "PATIENT") byRole[g.role] = g._count._all;
  const active = patientGroups.find((g) => g.active)?._count._all ?? 0;
  const inactive = patientGroups.find((g) => !g.active)?._count._all ?? 0;
  return {
    patients: { total: active + inactive, active },
    staff: { total: Object.values(byRole).reduce((a, b) => a + b, 0), byRole },
    departments,
  };
}
