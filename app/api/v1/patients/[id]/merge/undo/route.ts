import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { undoMerge } from "@/lib/patients/merge";
import { ops } from "@/lib/patients/contract";

/** `{ mergeId }`: undoes that merge into {id} (admins, within 30 days, while nothing new was recorded). */
export const POST = apiRoute(ops.postPatientsByIdMergeUndo, async ({ ctx, params, body }) =>
  undoMerge(db(), ctx, params.id, body.mergeId),
);
