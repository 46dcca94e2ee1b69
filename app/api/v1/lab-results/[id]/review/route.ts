import { reviewLabResult } from "@/lib/clinical/service";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";

/** No body: marks the result reviewed by the caller, now (409 if already reviewed or corrected since). */
export const POST = apiRoute<{ id: string }>("lab.review", async ({ ctx, params }) => reviewLabResult(db(), ctx, params.id));
