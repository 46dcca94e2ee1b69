import { updateVitals } from "@/lib/clinical/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** The full set of measurements again (absent ones are cleared), by the author until `lockedAt`; then `423`. */
export const PATCH = apiRoute(ops.patchPatientsByIdVitalsByVitalId, async ({ ctx, params, body }) =>
  updateVitals(db(), ctx, params.id, params.vitalId, body),
);
