import { ownPatientRecord, readPatient } from "@/lib/patients/queries";
import { isPendingLink, pendingLink } from "@/lib/patients/link-requests";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { ops } from "@/lib/patients/contract";

/** 409 PENDING_LINK while a self-registered account waits for a records officer to link it to its record. */
export const GET = apiRoute(ops.getPatientsMe, async ({ ctx }) => {
  const own = await ownPatientRecord(db(), ctx.actor.id);
  if (!own) throw (await isPendingLink(db(), ctx.actor.id)) ? pendingLink() : notFound("patient record");
  return readPatient(db(), ctx, own.id);
});
