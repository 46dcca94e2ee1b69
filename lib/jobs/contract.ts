import { z } from "zod";
import { defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { ZExportRequest } from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).

/** An export's progress (`downloadUrl` once done). */
const ZExportStatus = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["queued", "running", "done", "failed"]),
  progress: z.number().min(0).max(1),
  createdAt: zIso,
  filename: z.string().nullable(),
  downloadUrl: z.string().optional(),
});

// The jobs operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getExportsByIdDownload: defineOperation({
    produces: ["text/csv"],
    errors: [404],
    method: "GET",
    path: "/exports/{id}/download",
    tag: "exports",
    summary: "The finished CSV as an attachment, for its requester only (anyone else, or not finished: 404).",
    permission: "export.request",
  }),
  getExportsById: defineOperation({
    response: ZExportStatus,
    errors: [404],
    method: "GET",
    path: "/exports/{id}",
    tag: "exports",
    summary: "`{ status, progress, downloadUrl? }`, for the export's requester only (anyone else: 404).",
    permission: "export.request",
  }),
  getExports: defineOperation({
    response: listOf(ZExportStatus),
    list: true,
    query: queryOf(["page", "pageSize"]),
    method: "GET",
    path: "/exports",
    tag: "exports",
    summary: "The caller's own exports, newest first.",
    permission: "export.request",
  }),
  postExports: defineOperation({
    response: z.object({ id: z.string() }),
    method: "POST",
    path: "/exports",
    idempotent: true,
    tag: "exports",
    summary:
      '`{ kind: "treatment-history", patientId? }` → 202 `{ id }`; the worker builds it (poll GET /exports/{id}).',
    permission: "export.request",
    body: ZExportRequest,
    status: 202,
  }),
};
