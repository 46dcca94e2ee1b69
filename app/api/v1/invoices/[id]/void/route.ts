import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getInvoice } from "@/lib/billing/queries";
import { ZVoid } from "@/lib/billing/schemas";
import { voidInvoice } from "@/lib/billing/service";

/** `{ reason }`: voids an invoice without payments (`409 INVALID_TRANSITION` otherwise). */
export const POST = apiRoute<{ id: string }>("billing.manage", async ({ req, ctx, params }) => {
  await voidInvoice(db(), ctx, params.id, (await readJson(req, ZVoid)).reason);
  return getInvoice(db(), ctx, params.id);
});
