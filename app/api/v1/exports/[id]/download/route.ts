import { downloadExport } from "@/lib/jobs/exports";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/jobs/contract";

/** The finished CSV as an attachment, for its requester only (anyone else, or not finished: 404). */
export const GET = apiRoute(ops.getExportsByIdDownload, async ({ ctx, params }) => {
  const file = await downloadExport(db(), ctx, params.id);
  return new Response(Buffer.from(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
