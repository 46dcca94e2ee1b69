import { labOrder } from "@/lib/clinical/queries";
import { enterLabResult } from "@/lib/clinical/service";
import { apiRoute, created } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/clinical/contract";

/** The order with its result, if any (audited; patients: their own). */
export const GET = apiRoute(ops.getLabOrdersByIdResults, async ({ ctx, params }) => labOrder(db(), ctx, params.id));

/** `{ value | valueText, unit?, refLow?, refHigh?, flag? }`: unit and range default from the catalogue, the flag is computed (qualitative: chosen). */
export const POST = apiRoute(ops.postLabOrdersByIdResults, async ({ ctx, params, body }) =>
  created(await enterLabResult(db(), ctx, params.id, body)),
);
