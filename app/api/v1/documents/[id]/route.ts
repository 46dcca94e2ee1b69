import { documentHeaders } from "@/lib/documents/http";
import { openDocumentContent } from "@/lib/documents/queries";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/documents/contract";

/** The document itself, shown in the browser (every view audited; patients: their own shared ones). */
export const GET = apiRoute(ops.getDocumentsById, async ({ ctx, params }) => {
  const doc = await openDocumentContent(db(), ctx, params.id);
  return new Response(doc.body, { headers: documentHeaders(doc) });
});
