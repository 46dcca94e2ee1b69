import { dismissPair } from "@/lib/patients/duplicates";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** "Not a duplicate": the pair is never listed again (dismissing twice is not an error). */
export const POST = apiRoute(ops.postPatientsDuplicatesByPairIdDismiss, async ({ ctx, params }) =>
  dismissPair(db(), ctx, params.pairId),
);
