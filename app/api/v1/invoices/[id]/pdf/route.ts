import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { requestLocale } from "@/lib/server/locale";
import { pdfResponse, renderInvoicePdf } from "@/lib/billing/pdf";
import { ops } from "@/lib/billing/contract";

/** The printable invoice, in the reader's language. */
export const GET = apiRoute(ops.getInvoicesByIdPdf, async ({ ctx, params }) => {
  const { number, pdf } = await renderInvoicePdf(db(), ctx, params.id, await requestLocale());
  return pdfResponse(pdf, `${number}.pdf`);
});
