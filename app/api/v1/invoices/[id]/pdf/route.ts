import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { requestLocale } from "@/lib/server/locale";
import { pdfResponse, renderInvoicePdf } from "@/lib/billing/pdf";

/** The printable invoice, in the reader's language. */
export const GET = apiRoute<{ id: string }>("billing.read", async ({ ctx, params }) => {
  const { number, pdf } = await renderInvoicePdf(db(), ctx, params.id, await requestLocale());
  return pdfResponse(pdf, `${number}.pdf`);
});
