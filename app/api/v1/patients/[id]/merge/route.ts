import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { mergePatients } from "@/lib/patients/merge";
import { ops } from "@/lib/patients/contract";

/**
 * `{ duplicateId }`: merges that record into {id} (409 MERGE_CONFLICT listing the conflicts).
 * `?preview=1`: a dry run answering what would move and what conflicts, writing nothing.
 */
export const POST = apiRoute(ops.postPatientsByIdMerge, async ({ req, ctx, params, body }) => {
  const { duplicateId } = body;
  const preview = ["1", "true"].includes(req.nextUrl.searchParams.get("preview") ?? "");
  return mergePatients(db(), ctx, params.id, duplicateId, { preview });
});
