import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { revokePrescription } from "@/lib/prescriptions/service";
import { ops } from "@/lib/prescriptions/contract";

/** `{ reason }`: the prescribing doctor only; a fully dispensed prescription → 409 INVALID_TRANSITION. */
export const POST = apiRoute(ops.postPrescriptionsByIdRevoke, async ({ ctx, params, body }) => {
  const { reason } = body;
  return revokePrescription(db(), ctx, params.id, reason);
});
