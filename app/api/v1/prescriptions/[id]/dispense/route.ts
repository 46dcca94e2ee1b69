import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ZDispense } from "@/lib/pharmacy/schemas";
import { dispensePrescription } from "@/lib/pharmacy/service";

type P = { id: string };

/**
 * `{ items?: [{ itemId, quantity }] }` (no body or no items: dispense all that remains) → 201 with
 * the dispense, its batch lines and the prescription's new status. 409 OUT_OF_STOCK (nothing
 * written); 409 INVALID_TRANSITION for a revoked, expired or fully dispensed prescription; 409 OVERRIDE_NOT_ACKNOWLEDGED
 * for a prescription signed despite safety findings that no pharmacist has acknowledged yet.
 */
export const POST = apiRoute<P>("pharmacy.dispense", async ({ req, ctx, params }) => {
  return created(await dispensePrescription(db(), ctx, params.id, await readJson(req, ZDispense, { empty: {} })));
}, { idempotent: true });
