import { audit } from "@/lib/server/audit";
import { changedFields } from "@/lib/server/changes";
import type { Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/errors-map";
import type { Ctx } from "@/lib/server/session";
import { getDepartment, type DepartmentRow } from "./queries";
import type { DepartmentCreateInput, DepartmentUpdateInput } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

const m = E.staff.departments;

// The unique index on the name decides: two admins creating "Cardiology" at once get one department.
function duplicateName(err: unknown): never {
  if (isUniqueViolation(err)) throw new AppError("DUPLICATE", m.duplicateName, { fields: { name: m.duplicateName } });
  throw err;
}

export async function createDepartment(prisma: Db, ctx: Ctx, input: DepartmentCreateInput): Promise<DepartmentRow> {
  const id = await prisma
    .$transaction(async (tx) => {
      const d = await tx.department.create({
        data: { name: input.name, description: input.description ?? null },
        select: { id: true },
      });
      await audit(tx, ctx, { action: "CREATE", entity: "Department", entityId: d.id, details: { name: input.name } });
      return d.id;
    })
    .catch(duplicateName);
  return (await getDepartment(prisma, id))!;
}

/** Renames, describes, deactivates or reactivates a department; staff already in it keep the link. */
export async function updateDepartment(
  prisma: Db,
  ctx: Ctx,
  id: string,
  input: DepartmentUpdateInput,
): Promise<DepartmentRow> {
  await prisma
    .$transaction(async (tx) => {
      const before = await tx.department.findUnique({
        where: { id },
        select: { name: true, description: true, active: true },
      });
      if (!before) throw notFound("department");
      const changes = changedFields(before, input);
      if (Object.keys(changes).length === 0) return;
      await tx.department.update({ where: { id }, data: input });
      await audit(tx, ctx, { action: "UPDATE", entity: "Department", entityId: id, details: { changes } });
    })
    .catch(duplicateName);
  return (await getDepartment(prisma, id))!;
}
