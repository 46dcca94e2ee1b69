import { DEPARTMENT_SORTS, listDepartments } from "@/lib/departments/queries";
import { createDepartment } from "@/lib/departments/service";
import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { ops } from "@/lib/departments/contract";

/** Every signed-in user browses active departments; admins also see deactivated ones. */
export const GET = apiRoute(ops.getDepartments, async ({ req, ctx }) => {
  const query = parseListQuery(req.nextUrl.searchParams, DEPARTMENT_SORTS, "name");
  const { items, total } = await listDepartments(db(), query, {
    includeInactive: can(ctx.actor.role, "department.manage"),
  });
  return listResponse(items, total, query);
});

export const POST = apiRoute(ops.postDepartments, async ({ ctx, body }) =>
  created(await createDepartment(db(), ctx, body)),
);
