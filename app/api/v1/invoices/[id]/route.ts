import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getInvoice } from "@/lib/billing/queries";
import { ops } from "@/lib/billing/contract";

/** One invoice with its lines, payments and refunds, total, paid and balance. */
export const GET = apiRoute(ops.getInvoicesById, async ({ ctx, params }) => getInvoice(db(), ctx, params.id));
