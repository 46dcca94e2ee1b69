import { reviewLabResult } from "@/lib/clinical/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** No body: marks the result reviewed by the caller, now (409 if already reviewed or corrected since). */
export const POST = apiRoute(ops.postLabResultsByIdReview, async ({ ctx, params }) =>
  reviewLabResult(db(), ctx, params.id),
);
