import { timeline } from "@/lib/clinical/queries";
import { openChart } from "@/lib/patients/chart";
import { apiRoute, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/**
 * Everything on the record in time order, paged (`?page=&pageSize=&sort=-at|at`, newest first by default): registration,
 * allergies, conditions, appointments, consultations, vitals, nurse notes, lab orders and results,
 * prescriptions, addenda. One audited opening of the chart.
 */
export const GET = apiRoute(ops.getPatientsByIdHistory, async ({ req, ctx, params }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["at"], "-at");
  const chart = await openChart(db(), ctx, params.id);
  return timeline(db(), chart, { page: query.page, pageSize: query.pageSize, oldestFirst: query.sort.dir === "asc" });
});
