import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { STAFF_SORTS, listStaff } from "@/lib/staff/queries";
import { ZStaffFilters } from "@/lib/staff/schemas";
import { createStaff } from "@/lib/staff/service";
import { ops } from "@/lib/staff/contract";

/** `?q=&role=&departmentId=&page=&pageSize=&sort=`: staff accounts, active or not. */
export const GET = apiRoute(ops.getStaff, async ({ req }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, STAFF_SORTS, "name");
  const filters = parseInput(ZStaffFilters, {
    role: params.get("role") ?? undefined,
    departmentId: params.get("departmentId") ?? undefined,
  });
  const { items, total } = await listStaff(db(), query, filters);
  return listResponse(items, total, query);
});

/** Without `password`, an email invites the person to choose one. */
export const POST = apiRoute(ops.postStaff, async ({ ctx, body }) => created(await createStaff(db(), ctx, body)));
