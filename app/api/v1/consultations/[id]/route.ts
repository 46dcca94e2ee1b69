import { getConsultation } from "@/lib/clinical/queries";
import { updateConsultation } from "@/lib/clinical/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

export const GET = apiRoute(ops.getConsultationsById, async ({ ctx, params }) => getConsultation(db(), ctx, params.id));

/** Replaces the notes and diagnoses (author only; `423 RECORD_LOCKED` once the edit window has closed). */
export const PATCH = apiRoute(ops.patchConsultationsById, async ({ ctx, params, body }) => {
  await updateConsultation(db(), ctx, params.id, body);
  return getConsultation(db(), ctx, params.id);
});
