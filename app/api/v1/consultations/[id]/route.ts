import { getConsultation } from "@/lib/clinical/queries";
import { ZConsultationUpdate } from "@/lib/clinical/schemas";
import { updateConsultation } from "@/lib/clinical/service";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

export const GET = apiRoute<{ id: string }>("clinical.read", async ({ ctx, params }) => getConsultation(db(), ctx, params.id));

/** Replaces the notes and diagnoses (author only; `423 RECORD_LOCKED` once the edit window has closed). */
export const PATCH = apiRoute<{ id: string }>("clinical.write", async ({ req, ctx, params }) => {
  await updateConsultation(db(), ctx, params.id, await readJson(req, ZConsultationUpdate));
  return getConsultation(db(), ctx, params.id);
});
