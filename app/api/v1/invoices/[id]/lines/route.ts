import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getInvoice } from "@/lib/billing/queries";
import { addLines } from "@/lib/billing/service";
import { ops } from "@/lib/billing/contract";

/** `{ lines: [{ description, quantity, unitAmount }] }`: staff lines (kind OTHER) on an open invoice. */
export const POST = apiRoute(ops.postInvoicesByIdLines, async ({ ctx, params, body }) => {
  const { lines } = body;
  await addLines(db(), ctx, params.id, lines);
  return getInvoice(db(), ctx, params.id);
});
