import { apiRoute, created } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { dispensePrescription } from "@/lib/pharmacy/service";
import { ops } from "@/lib/prescriptions/contract";

/**
 * `{ items?: [{ itemId, quantity }] }` (no body or no items: dispense all that remains) → 201 with
 * the dispense, its batch lines and the prescription's new status. 409 OUT_OF_STOCK (nothing
 * written); 409 INVALID_TRANSITION for a revoked, expired or fully dispensed prescription; 409 OVERRIDE_NOT_ACKNOWLEDGED
 * for a prescription signed despite safety findings that no pharmacist has acknowledged yet.
 */
export const POST = apiRoute(ops.postPrescriptionsByIdDispense, async ({ ctx, params, body }) => {
  return created(await dispensePrescription(db(), ctx, params.id, body));
});
