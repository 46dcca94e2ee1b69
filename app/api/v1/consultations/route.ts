import { getConsultation, listConsultations } from "@/lib/clinical/queries";
import { ZConsultationCreate } from "@/lib/clinical/schemas";
import { createConsultation } from "@/lib/clinical/service";
import { apiRoute, created, listResponse, parseListQuery, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** `?patientId=` one patient's consultations (audited); without it a doctor's own. Patients: their own signed ones. */
export const GET = apiRoute("clinical.read", async ({ req, ctx }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["createdAt"], "-createdAt");
  const { items, total } = await listConsultations(db(), ctx, { patientId: req.nextUrl.searchParams.get("patientId") || undefined }, query);
  return listResponse(items, total, query);
});

/** `{ appointmentId } | { patientId }` with the notes and diagnoses; `409 DUPLICATE` for a second one per appointment. */
export const POST = apiRoute("clinical.write", async ({ req, ctx }) => {
  const { id } = await createConsultation(db(), ctx, await readJson(req, ZConsultationCreate));
  return created(await getConsultation(db(), ctx, id));
}, { idempotent: true });
