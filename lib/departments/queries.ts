import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/server/api";
import type { Db } from "@/lib/server/db";

export const DEPARTMENT_SORTS = ["name", "createdAt"] as const;
export type DepartmentSort = (typeof DEPARTMENT_SORTS)[number];

export type DepartmentRow = {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  staffCount: number;
};

const ROW = { id: true, name: true, description: true, active: true, _count: { select: { staff: true } } } as const;
const toRow = ({
  _count,
  ...d
}: {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  _count: { staff: number };
}): DepartmentRow => ({ ...d, staffCount: _count.staff });

/** Departments with how many staff belong to each; search by name. Deactivated ones only for admins. */
export async function listDepartments(
  prisma: Db,
  query: ListQuery<DepartmentSort>,
  opts: { includeInactive: boolean },
): Promise<{ items: DepartmentRow[]; total: number }> {
  const where: Prisma.DepartmentWhereInput = {
    ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
    ...(opts.includeInactive ? {} : { active: true }),
  };
  const [rows, total] = await Promise.all([
    prisma.department.findMany({
      where,
      orderBy: [{ [query.sort.field]: query.sort.dir }, { id: "asc" }],
      skip: query.skip,
      take: query.take,
      select: ROW,
    }),
    prisma.department.count({ where }),
  ]);
  return { items: rows.map(toRow), total };
}

export async function getDepartment(
  prisma: Db,
  id: string,
  opts: { includeInactive: boolean } = { includeInactive: true },
): Promise<DepartmentRow | null> {
  const row = await prisma.department.findFirst({
    where: { id, ...(opts.includeInactive ? {} : { active: true }) },
    select: ROW,
  });
  return row ? toRow(row) : null;
}

/** Active departments for pick lists (a hospital has tens, not thousands). */
export async function departmentOptions(prisma: Db): Promise<{ id: string; name: string }[]> {
  return prisma.department.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
