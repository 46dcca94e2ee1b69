import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ZRefund } from "@/lib/billing/schemas";
import { refundPayment } from "@/lib/billing/service";

/** `{ amount, reason }`: a refund of at most what remains of the payment. */
export const POST = apiRoute<{ id: string }>("billing.manage", async ({ req, ctx, params }) => created(await refundPayment(db(), ctx, params.id, await readJson(req, ZRefund))), { idempotent: true });
