import type { AppointmentStatus, BedState, Role } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db";
import { ROLES } from "@/lib/server/permissions";

export type HospitalStats = {
  patients: { total: number; active: number };
  staff: { total: number; byRole: Record<Exclude<Role, "PATIENT">, number> };
  departments: number;
  appointments: { byStatus: Record<AppointmentStatus, number> };
  beds: { total: number; occupied: number; free: number; cleaning: number; outOfService: number };
};

const APPOINTMENT_STATUSES: AppointmentStatus[] = ["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"];

/** Hospital-wide counts for the admin dashboard and GET /api/v1/stats: five grouped queries. */
export async function getHospitalStats(prisma: Db): Promise<HospitalStats> {
  const [patientGroups, roleGroups, departments, appointmentGroups, bedGroups] = await Promise.all([
    prisma.patient.groupBy({ by: ["active"], _count: { _all: true } }),
    prisma.user.groupBy({ by: ["role"], where: { active: true, role: { not: "PATIENT" } }, _count: { _all: true } }),
    prisma.department.count({ where: { active: true } }),
    prisma.appointment.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.bed.groupBy({ by: ["state"], where: { active: true }, _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(
    APPOINTMENT_STATUSES.map((st) => [st, appointmentGroups.find((g) => g.status === st)?._count._all ?? 0]),
  ) as Record<AppointmentStatus, number>;
  const bed = (state: BedState) => bedGroups.find((g) => g.state === state)?._count._all ?? 0;
  const byRole = Object.fromEntries(
    ROLES.filter((r) => r !== "PATIENT").map((r) => [r, 0]),
  ) as HospitalStats["staff"]["byRole"];
  for (const g of roleGroups) if (g.role !== "PATIENT") byRole[g.role] = g._count._all;
  const active = patientGroups.find((g) => g.active)?._count._all ?? 0;
  const inactive = patientGroups.find((g) => !g.active)?._count._all ?? 0;
  return {
    patients: { total: active + inactive, active },
    staff: { total: Object.values(byRole).reduce((a, b) => a + b, 0), byRole },
    departments,
    appointments: { byStatus },
    beds: {
      total: bedGroups.reduce((n, g) => n + g._count._all, 0),
      occupied: bed("OCCUPIED"),
      free: bed("FREE"),
      cleaning: bed("CLEANING"),
      outOfService: bed("OUT_OF_SERVICE"),
    },
  };
}
