import { getDepartment } from "@/lib/departments/queries";
import { updateDepartment } from "@/lib/departments/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import { ops } from "@/lib/departments/contract";

export const GET = apiRoute(ops.getDepartmentsById, async ({ ctx, params }) => {
  const department = await getDepartment(db(), params.id, {
    includeInactive: can(ctx.actor.role, "department.manage"),
  });
  if (!department) throw notFound("department");
  return department;
});

/** `{ name?, description?, active? }`; `active: false` deactivates. */
export const PATCH = apiRoute(ops.patchDepartmentsById, async ({ ctx, params, body }) =>
  updateDepartment(db(), ctx, params.id, body),
);
