import { updateLabTest } from "@/lib/clinical/lab-tests";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** `{ name?, specimen?, unit?, refLow?, refHigh?, price?, active? }`: an audited edit of a lab catalogue entry (price in minor units). */
export const PATCH = apiRoute(ops.patchLabTestsById, async ({ ctx, params, body }) =>
  updateLabTest(db(), ctx, params.id, body),
);
