import { documentThumbnail } from "@/lib/documents/queries";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/documents/contract";

/** An image document's small preview (WebP, at most 256 px a side); 404 for PDFs. Audited like the document. */
export const GET = apiRoute(ops.getDocumentsByIdThumbnail, async ({ ctx, params }) => {
  const webp = await documentThumbnail(db(), ctx, params.id);
  return new Response(webp as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(webp.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
});
