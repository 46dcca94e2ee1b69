import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { requestLocale } from "@/lib/server/locale";
import { parseInput } from "@/lib/server/validation";
import { renderPrescriptionPdf } from "@/lib/prescriptions/pdf";
import { ZPaper } from "@/lib/prescriptions/schemas";
import { ops } from "@/lib/prescriptions/contract";

/** `?paper=A4|LETTER` (default A4): the printable prescription with its verification QR code, in the reader's language. */
export const GET = apiRoute(ops.getPrescriptionsByIdPdf, async ({ req, ctx, params }) => {
  const paper = parseInput(ZPaper, req.nextUrl.searchParams.get("paper") ?? undefined);
  const pdf = await renderPrescriptionPdf(db(), ctx, params.id, paper, await requestLocale());
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="prescription-${params.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
