import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { DOCTOR_SORTS, searchDoctors } from "@/lib/staff/queries";
import { ZDoctorFilters } from "@/lib/staff/schemas";
import { ops } from "@/lib/scheduling/contract";

/** `?q=&specialty=&departmentId=&availableOn=YYYY-MM-DD`: active doctors, for every signed-in user. */
export const GET = apiRoute(ops.getDoctors, async ({ req }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, DOCTOR_SORTS, "name");
  const filters = parseInput(ZDoctorFilters, {
    specialty: params.get("specialty") ?? undefined,
    departmentId: params.get("departmentId") ?? undefined,
    availableOn: params.get("availableOn") ?? undefined,
  });
  const { items, total } = await searchDoctors(db(), query, filters);
  return listResponse(items, total, query);
});
