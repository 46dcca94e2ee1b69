import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/server/api";
import type { Db } from "@/lib/server/db";

export const DEPARTMENT_SORTS = ["name", "createdAt"] as const;
export type DepartmentSort = (typeof DEPARTMENT_SORTS)[number];

export type DepartmentRow = { id: string; name: string; description: string | null; active: boolean; staffCount: number };

const ROW = { id: true, name: true, description: true, active: true, _count: { select: { staff: true } } } as const;
const toRow = ({ _count, ...d }: { id: string; name: string; description: string | null; active: boolean; _count: { staff: number } }): DepartmentRow => ({ ...d, staffCount: _count.staff });

/** Every department (active or not), with how many staff belong to it; search by name. */
export async function listDepartments(prisma: Db, query: ListQuery<DepartmentSort>): Promise<{ items: DepartmentRow[]; total: number }> {
  const where: Prisma.DepartmentWhereInput = query.q ? { name: { contains: query.q, mode: "insensitive" } } : {};
  const [rows, total] = await Promise.all([
    prisma.department.findMany({ where, orderBy: [{ [query.sort.field]: query.sort.dir }, { id: "asc" }], skip: query.skip, take: query.take, select: ROW }),
    prisma.department.count({ where }),
  ]);
  return { items: rows.map(toRow), total };
}

export async function getDepartment(prisma: Db, id: string): Promise<DepartmentRow | null> {
  const row = await prisma.department.findUnique({ where: { id }, select: ROW });
  return row ? toRow(row) : null;
}

/** Active departments for pick lists (a hospital has tens, not thousands). */
export async function departmentOptions(prisma: Db): Promise<{ id: string; name: string }[]> {
  return prisma.department.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
