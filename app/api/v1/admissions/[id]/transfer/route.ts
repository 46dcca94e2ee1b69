import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getAdmission } from "@/lib/wards/queries";
import { transferPatient } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/** `{ bedId }`: the old bed goes to CLEANING in the same transaction; a discharged admission → 409 INVALID_TRANSITION. */
export const POST = apiRoute(ops.postAdmissionsByIdTransfer, async ({ ctx, params, body }) => {
  await transferPatient(db(), ctx, params.id, body.bedId);
  return getAdmission(db(), ctx, params.id);
});
