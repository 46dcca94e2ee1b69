import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getInvoice } from "@/lib/billing/queries";

/** One invoice with its lines, payments and refunds, total, paid and balance. */
export const GET = apiRoute<{ id: string }>("billing.read", async ({ ctx, params }) => getInvoice(db(), ctx, params.id));
