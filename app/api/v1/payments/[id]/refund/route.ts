import { apiRoute, created } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { refundPayment } from "@/lib/billing/service";
import { ops } from "@/lib/billing/contract";

/** `{ amount, reason }`: a refund of at most what remains of the payment. */
export const POST = apiRoute(ops.postPaymentsByIdRefund, async ({ ctx, params, body }) =>
  created(await refundPayment(db(), ctx, params.id, body)),
);
