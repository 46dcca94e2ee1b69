import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { getAdmission, listAdmissions } from "@/lib/wards/queries";
import { ADMISSION_FILTER_KEYS, ZAdmissionFilters } from "@/lib/wards/schemas";
import { admitPatient } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/** `?status=live|discharged&wardId=&doctorId=&patientId=&page=&pageSize=`, newest first; `reason` and `dischargeSummary` only for roles with clinical access; one audit VIEW row per patient shown. */
export const GET = apiRoute(ops.getAdmissions, async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["admittedAt"], "-admittedAt");
  const f = parseInput(
    ZAdmissionFilters,
    Object.fromEntries(ADMISSION_FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])),
  );
  const { items, total } = await listAdmissions(db(), ctx, f, query);
  return listResponse(items, total, query);
});

/** `{ patientId, bedId, attendingDoctorId, departmentId?, reason, plannedStayDays?, triageId? }`; `409 BED_OCCUPIED` whatever the concurrency. */
export const POST = apiRoute(ops.postAdmissions, async ({ ctx, body }) => {
  const { id } = await admitPatient(db(), ctx, body);
  return created(await getAdmission(db(), ctx, id));
});
