import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { requestLocale } from "@/lib/server/locale";
import { pdfResponse, renderReceiptPdf } from "@/lib/billing/pdf";
import { ops } from "@/lib/billing/contract";

/** The receipt of a payment or refund, in the reader's language. */
export const GET = apiRoute(ops.getPaymentsByIdReceipt, async ({ ctx, params }) => {
  const { number, pdf } = await renderReceiptPdf(db(), ctx, params.id, await requestLocale());
  return pdfResponse(pdf, `${number}.pdf`);
});
