import { listVitals } from "@/lib/clinical/queries";
import { recordVitals } from "@/lib/clinical/service";
import { openChart } from "@/lib/patients/chart";
import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** Newest first (audited; patients: their own). */
export const GET = apiRoute(ops.getPatientsByIdVitals, async ({ req, ctx, params }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["takenAt"], "-takenAt");
  const chart = await openChart(db(), ctx, params.id, { need: "clinical.read", entity: "VitalSign" });
  const { items, total } = await listVitals(db(), chart, query);
  return listResponse(items, total, query);
});

/** At least one measurement, each within its plausible range (400 with the fields otherwise). */
export const POST = apiRoute(ops.postPatientsByIdVitals, async ({ ctx, params, body }) =>
  created(await recordVitals(db(), ctx, params.id, body)),
);
