import { getExport } from "@/lib/jobs/exports";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/jobs/contract";

/** `{ status, progress, downloadUrl? }`, for the export's requester only (anyone else: 404). */
export const GET = apiRoute(ops.getExportsById, async ({ ctx, params }) => {
  const { status, progress, downloadUrl } = await getExport(db(), ctx, params.id);
  return { id: params.id, status, progress, ...(downloadUrl ? { downloadUrl } : {}) };
});
