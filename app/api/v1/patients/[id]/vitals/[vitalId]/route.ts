import { ZVitals } from "@/lib/clinical/schemas";
import { updateVitals } from "@/lib/clinical/service";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** The full set of measurements again (absent ones are cleared), by the author until `lockedAt`; then `423`. */
export const PATCH = apiRoute<{ id: string; vitalId: string }>("vitals.write", async ({ req, ctx, params }) => updateVitals(db(), ctx, params.id, params.vitalId, await readJson(req, ZVitals)));
