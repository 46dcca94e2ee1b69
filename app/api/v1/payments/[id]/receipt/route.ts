import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { pdfResponse, renderReceiptPdf } from "@/lib/billing/pdf";

/** The receipt of a payment or refund. */
export const GET = apiRoute<{ id: string }>("billing.read", async ({ ctx, params }) => {
  const { number, pdf } = await renderReceiptPdf(db(), ctx, params.id);
  return pdfResponse(pdf, `${number}.pdf`);
});
