import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ZRevoke } from "@/lib/prescriptions/schemas";
import { revokePrescription } from "@/lib/prescriptions/service";

/** `{ reason }`: the prescribing doctor only; a fully dispensed prescription → 409 INVALID_TRANSITION. */
export const POST = apiRoute<{ id: string }>("prescription.write", async ({ req, ctx, params }) => {
  const { reason } = await readJson(req, ZRevoke);
  return revokePrescription(db(), ctx, params.id, reason);
});
