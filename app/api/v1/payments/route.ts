import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { listPayments } from "@/lib/billing/queries";
import { takePayment } from "@/lib/billing/service";
import { ops } from "@/lib/billing/contract";

/** `?invoiceId=&page=&pageSize=`: payments (positive) and refunds (negative), newest first. */
export const GET = apiRoute(ops.getPayments, async ({ req, ctx }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["receivedAt"], "-receivedAt");
  const { items, total } = await listPayments(
    db(),
    ctx,
    { invoiceId: req.nextUrl.searchParams.get("invoiceId") ?? undefined },
    query,
  );
  return listResponse(items, total, query);
});

/** `{ invoiceId, amount, method, reference? }`, amount in minor units, at most the balance. */
export const POST = apiRoute(ops.postPayments, async ({ ctx, body }) => created(await takePayment(db(), ctx, body)));
