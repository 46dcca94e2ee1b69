import { DEPARTMENT_SORTS, listDepartments } from "@/lib/departments/queries";
import { ZDepartmentCreate } from "@/lib/departments/schemas";
import { createDepartment } from "@/lib/departments/service";
import { apiRoute, created, listResponse, parseListQuery, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";

/** Every signed-in user browses active departments; admins also see deactivated ones. */
export const GET = apiRoute("department.read", async ({ req, ctx }) => {
  const query = parseListQuery(req.nextUrl.searchParams, DEPARTMENT_SORTS, "name");
  const { items, total } = await listDepartments(db(), query, { includeInactive: can(ctx.actor.role, "department.manage") });
  return listResponse(items, total, query);
});

export const POST = apiRoute("department.manage", async ({ req, ctx }) => created(await createDepartment(db(), ctx, await readJson(req, ZDepartmentCreate))), { idempotent: true });
