import { resultsAwaitingReview } from "@/lib/clinical/worklists";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** Abnormal results of the caller's orders not yet reviewed, oldest first (one audit row per patient shown). */
export const GET = apiRoute(ops.getLabResultsAwaitingReview, async ({ ctx }) => ({
  items: await resultsAwaitingReview(db(), ctx),
}));
