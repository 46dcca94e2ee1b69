import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getInvoice } from "@/lib/billing/queries";
import { voidInvoice } from "@/lib/billing/service";
import { ops } from "@/lib/billing/contract";

/** `{ reason }`: voids an invoice without payments (`409 INVALID_TRANSITION` otherwise). */
export const POST = apiRoute(ops.postInvoicesByIdVoid, async ({ ctx, params, body }) => {
  await voidInvoice(db(), ctx, params.id, body.reason);
  return getInvoice(db(), ctx, params.id);
});
