import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { requestLocale } from "@/lib/server/locale";
import { pdfResponse, renderReceiptPdf } from "@/lib/billing/pdf";

/** The receipt of a payment or refund, in the reader's language. */
export const GET = apiRoute<{ id: string }>("billing.read", async ({ ctx, params }) => {
  const { number, pdf } = await renderReceiptPdf(db(), ctx, params.id, await requestLocale());
  return pdfResponse(pdf, `${number}.pdf`);
});
