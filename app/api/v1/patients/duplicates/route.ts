import { readDuplicatePairs } from "@/lib/patients/duplicates";
import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/patients/contract";

/** Open possible-duplicate pairs, newest first (one audit row per patient shown). */
export const GET = apiRoute(ops.getPatientsDuplicates, async ({ req, ctx }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["createdAt"], "-createdAt");
  const { items, total } = await readDuplicatePairs(db(), ctx, query);
  return listResponse(items, total, query);
});
