import { getConsultation, listConsultations } from "@/lib/clinical/queries";
import { createConsultation } from "@/lib/clinical/service";
import { openChart } from "@/lib/patients/chart";
import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** `?patientId=` one patient's consultations (the chart opened, audited); without it a doctor's own, everyone's for admins and nurses (one VIEW row per patient shown). Patients: their own signed ones. */
export const GET = apiRoute(ops.getConsultations, async ({ req, ctx }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["createdAt"], "-createdAt");
  const patientId = req.nextUrl.searchParams.get("patientId");
  const chart = patientId
    ? await openChart(db(), ctx, patientId, { need: "clinical.read", entity: "Consultation" })
    : undefined;
  const { items, total } = await listConsultations(db(), ctx, { chart }, query);
  return listResponse(items, total, query);
});

/** `{ appointmentId } | { patientId }` with the notes and diagnoses; `409 DUPLICATE` for a second one per appointment. */
export const POST = apiRoute(ops.postConsultations, async ({ ctx, body }) => {
  const { id } = await createConsultation(db(), ctx, body);
  return created(await getConsultation(db(), ctx, id));
});
