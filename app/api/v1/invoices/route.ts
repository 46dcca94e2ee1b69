import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { listInvoices } from "@/lib/billing/queries";
import { ZInvoiceFilters } from "@/lib/billing/schemas";
import { createInvoice } from "@/lib/billing/service";
import { ops } from "@/lib/billing/contract";

/** `?q=&status=open|paid|void&patientId=&page=&pageSize=`, newest first, with derived total, paid and balance. */
export const GET = apiRoute(ops.getInvoices, async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["issuedAt"], "-issuedAt");
  const f = parseInput(ZInvoiceFilters, {
    status: params.get("status") ?? undefined,
    patientId: params.get("patientId") ?? undefined,
  });
  const { items, total } = await listInvoices(db(), ctx, { ...f, q: query.q }, query);
  return listResponse(items, total, query);
});

/** `{ appointmentId } | { admissionId, upTo? } | { patientId, lines }` (amounts in minor units). A stay is invoiced once discharged, or with `upTo` (YYYY-MM-DD) as an interim invoice up to that date's midnight in the hospital's zone; nights are counted one per hospital midnight passed (a stay passing none: 0 nights); `409 DUPLICATE` when already invoiced (no night is billed twice), `409 INVALID_TRANSITION` for a stay still in without `upTo`. */
export const POST = apiRoute(ops.postInvoices, async ({ ctx, body }) => created(await createInvoice(db(), ctx, body)));
