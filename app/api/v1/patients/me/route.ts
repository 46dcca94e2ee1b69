import { ownPatientRecord, readPatient } from "@/lib/patients/queries";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";

export const GET = apiRoute("patient.self", async ({ ctx }) => {
  const own = await ownPatientRecord(db(), ctx.actor.id);
  if (!own) throw notFound("patient record");
  return readPatient(db(), ctx, own.id);
});
