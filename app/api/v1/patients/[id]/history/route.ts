import { timeline } from "@/lib/clinical/queries";
import { readPatient } from "@/lib/patients/queries";
import { apiRoute, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/**
 * Everything on the record in time order, paged (`?page=&pageSize=&sort=-at|at`, newest first by default): registration,
 * allergies, conditions, appointments, consultations, vitals, nurse notes, lab orders and results,
 * prescriptions, addenda. One audited read of the record.
 */
export const GET = apiRoute<{ id: string }>("patient.read", async ({ req, ctx, params }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["at"], "-at");
  const p = await readPatient(db(), ctx, params.id);
  return timeline(db(), ctx, p.id, { page: query.page, pageSize: query.pageSize, oldestFirst: query.sort.dir === "asc" });
});
