import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getAdmission } from "@/lib/wards/queries";
import { ZTransfer } from "@/lib/wards/schemas";
import { transferPatient } from "@/lib/wards/service";

/** `{ bedId }`: the old bed goes to CLEANING in the same transaction; a discharged admission → 409 INVALID_TRANSITION. */
export const POST = apiRoute<{ id: string }>("admission.manage", async ({ req, ctx, params }) => {
  await transferPatient(db(), ctx, params.id, (await readJson(req, ZTransfer)).bedId);
  return getAdmission(db(), ctx, params.id);
}, { idempotent: true });
