import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getAdmission } from "@/lib/wards/queries";
import { dischargePatient } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/** `{ summary }`: ends the admission; the bed goes to CLEANING and the attending doctor is told. */
export const POST = apiRoute(ops.postAdmissionsByIdDischarge, async ({ ctx, params, body }) => {
  await dischargePatient(db(), ctx, params.id, body.summary);
  return getAdmission(db(), ctx, params.id);
});
