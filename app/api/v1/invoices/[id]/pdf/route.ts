import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { pdfResponse, renderInvoicePdf } from "@/lib/billing/pdf";

/** The printable invoice. */
export const GET = apiRoute<{ id: string }>("billing.read", async ({ ctx, params }) => {
  const { number, pdf } = await renderInvoicePdf(db(), ctx, params.id);
  return pdfResponse(pdf, `${number}.pdf`);
});
