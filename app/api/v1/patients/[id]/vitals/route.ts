import { listVitals } from "@/lib/clinical/queries";
import { ZVitals } from "@/lib/clinical/schemas";
import { recordVitals } from "@/lib/clinical/service";
import { openChart } from "@/lib/patients/chart";
import { apiRoute, created, listResponse, parseListQuery, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** Newest first (audited; patients: their own). */
export const GET = apiRoute<{ id: string }>("clinical.read", async ({ req, ctx, params }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["takenAt"], "-takenAt");
  const chart = await openChart(db(), ctx, params.id, { need: "clinical.read", entity: "VitalSign" });
  const { items, total } = await listVitals(db(), chart, query);
  return listResponse(items, total, query);
});

/** At least one measurement, each within its plausible range (400 with the fields otherwise). */
export const POST = apiRoute<{ id: string }>("vitals.write", async ({ req, ctx, params }) => created(await recordVitals(db(), ctx, params.id, await readJson(req, ZVitals))), { idempotent: true });
