import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ListQuery } from "@/lib/server/api";
import { weekdayOf } from "@/lib/scheduling/time";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import type { DoctorFilters, StaffFilters } from "./schemas";

export const STAFF_SORTS = ["name", "email", "role", "createdAt"] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

export const DOCTOR_SORTS = ["name"] as const;
export type DoctorSort = (typeof DOCTOR_SORTS)[number];

const STAFF_ONLY: Prisma.UserWhereInput = { role: { not: "PATIENT" } };

export type StaffRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  department: { id: string; name: string } | null;
  specialty: string | null;
};

/** Staff accounts for the admin list: any status, filters by role and department, search by name or email. */
export async function listStaff(
  prisma: Db,
  query: ListQuery<StaffSort>,
  filters: StaffFilters = {},
): Promise<{ items: StaffRow[]; total: number }> {
  const where: Prisma.UserWhereInput = { ...STAFF_ONLY };
  if (filters.role) where.role = filters.role;
  if (filters.departmentId) where.staffProfile = { departmentId: filters.departmentId };
  if (query.q)
    where.OR = [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q.toLowerCase() } }];
  const [rows, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ [query.sort.field]: query.sort.dir }, { id: "asc" }],
      skip: query.skip,
      take: query.take,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        active: true,
        staffProfile: { select: { specialty: true, department: { select: { id: true, name: true } } } },
      },
    }),
    prisma.user.count({ where }),
  ]);
  return {
    items: rows.map(({ staffProfile, ...u }) => ({
      ...u,
      department: staffProfile?.department ?? null,
      specialty: staffProfile?.specialty ?? null,
    })),
    total,
  };
}

export type StaffDetail = StaffRow & {
  qualification: string | null;
  registrationNumber: string | null;
  yearsOfExperience: number | null;
  consultationFee: number | null;
  hasPassword: boolean;
  createdAt: string;
};

/** One staff account for its edit page and the API; never the password hash, only whether one is set. */
export async function getStaff(prisma: Db, id: string): Promise<StaffDetail | null> {
  const u = await prisma.user.findFirst({
    where: { id, ...STAFF_ONLY },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      createdAt: true,
      passwordHash: true,
      staffProfile: {
        select: {
          specialty: true,
          qualification: true,
          registrationNumber: true,
          yearsOfExperience: true,
          consultationFee: true,
          department: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!u) return null;
  const p = u.staffProfile;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    hasPassword: u.passwordHash !== null,
    department: p?.department ?? null,
    specialty: p?.specialty ?? null,
    qualification: p?.qualification ?? null,
    registrationNumber: p?.registrationNumber ?? null,
    yearsOfExperience: p?.yearsOfExperience ?? null,
    consultationFee: p?.consultationFee ?? null,
  };
}

export type HistoryEntry = { id: string; at: string; action: string; actorName: string | null; details: unknown };

/** The audit events about one account, newest first, with the names of who did them. */
export async function staffHistory(
  prisma: Db,
  userId: string,
  page: { skip: number; take: number },
): Promise<{ items: HistoryEntry[]; total: number }> {
  // LOGIN events are left out: they say nothing about who changed the account.
  const where: Prisma.AuditEventWhereInput = { entity: "User", entityId: userId, action: { not: "LOGIN" } };
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: page.skip,
      take: page.take,
      select: { id: true, at: true, action: true, actorId: true, details: true },
    }),
    prisma.auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = new Map(
    (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((a) => [
      a.id,
      a.name,
    ]),
  );
  return {
    items: events.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      action: e.action,
      actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null,
      details: e.details,
    })),
    total,
  };
}

export type DoctorRow = {
  id: string;
  name: string;
  specialty: string | null;
  qualification: string | null;
  yearsOfExperience: number | null;
  consultationFee: number | null;
  department: { id: string; name: string } | null;
};

/** Active doctors for everyone signed in: name contains `q` (any case), exact specialty and department. */
export async function searchDoctors(
  prisma: Db,
  query: ListQuery<DoctorSort>,
  filters: DoctorFilters = {},
): Promise<{ items: DoctorRow[]; total: number }> {
  const where: Prisma.UserWhereInput = { role: "DOCTOR", active: true };
  if (query.q) where.name = { contains: query.q, mode: "insensitive" };
  if (filters.availableOn) {
    const date = new Date(`${filters.availableOn}T00:00:00Z`);
    const weekday = weekdayOf(filters.availableOn, env().HOSPITAL_TIMEZONE);
    where.availability = { isNot: null };
    where.OR = [
      { exceptions: { some: { date, startMin: { not: null } } } },
      { weeklyHours: { some: { weekday } }, exceptions: { none: { date } } },
    ];
  }
  if (filters.specialty || filters.departmentId) {
    where.staffProfile = {
      ...(filters.specialty ? { specialty: { equals: filters.specialty, mode: "insensitive" } } : {}),
      ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    };
  }
  const [rows, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ name: query.sort.dir }, { id: "asc" }],
      skip: query.skip,
      take: query.take,
      select: DOCTOR_SELECT,
    }),
    prisma.user.count({ where }),
  ]);
  return { items: rows.map(doctorRowOf), total };
}

const DOCTOR_SELECT = {
  id: true,
  name: true,
  staffProfile: {
    select: {
      specialty: true,
      qualification: true,
      yearsOfExperience: true,
      consultationFee: true,
      department: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.UserSelect;

function doctorRowOf({ staffProfile: p, ...u }: Prisma.UserGetPayload<{ select: typeof DOCTOR_SELECT }>): DoctorRow {
  return {
    ...u,
    specialty: p?.specialty ?? null,
    qualification: p?.qualification ?? null,
    yearsOfExperience: p?.yearsOfExperience ?? null,
    consultationFee: p?.consultationFee ?? null,
    department: p?.department ?? null,
  };
}

/** One active doctor's public profile, or null. */
export async function getDoctor(prisma: Db, id: string): Promise<DoctorRow | null> {
  const u = await prisma.user.findFirst({ where: { id, role: "DOCTOR", active: true }, select: DOCTOR_SELECT });
  return u ? doctorRowOf(u) : null;
}

/** Active doctors as filter options (id and name), by name. */
export async function doctorOptions(prisma: Db): Promise<{ id: string; name: string }[]> {
  return prisma.user.findMany({
    where: { role: "DOCTOR", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
    take: 500,
  });
}

/** The specialties active doctors have, for browsing and the search filter. */
export async function listSpecialties(prisma: Db): Promise<string[]> {
  const rows = await prisma.staffProfile.findMany({
    where: { specialty: { not: null }, user: { role: "DOCTOR", active: true } },
    distinct: ["specialty"],
    orderBy: { specialty: "asc" },
    select: { specialty: true },
  });
  return rows.map((r) => r.specialty!);
}
