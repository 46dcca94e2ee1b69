import { PATIENT_SORTS, listPatients } from "@/lib/patients/queries";
import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";

export const GET = apiRoute("patient.list", async ({ req }) => {
  const query = parseListQuery(req.nextUrl.searchParams, PATIENT_SORTS, "lastName");
  const { items, total } = await listPatients(db(), query);
  return listResponse(items, total, query);
});
