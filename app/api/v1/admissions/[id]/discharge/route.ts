import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getAdmission } from "@/lib/wards/queries";
import { ZDischarge } from "@/lib/wards/schemas";
import { dischargePatient } from "@/lib/wards/service";

/** `{ summary }`: ends the admission; the bed goes to CLEANING and the attending doctor is told. */
export const POST = apiRoute<{ id: string }>("admission.manage", async ({ req, ctx, params }) => {
  await dischargePatient(db(), ctx, params.id, (await readJson(req, ZDischarge)).summary);
  return getAdmission(db(), ctx, params.id);
}, { idempotent: true });
