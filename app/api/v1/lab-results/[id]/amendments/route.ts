import { amendLabResult } from "@/lib/clinical/service";
import { apiRoute, created } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** `{ value | valueText, flag?, reason }`: a corrected result amending this one, which is kept (409 if already corrected). */
export const POST = apiRoute(ops.postLabResultsByIdAmendments, async ({ ctx, params, body }) =>
  created(await amendLabResult(db(), ctx, params.id, body)),
);
