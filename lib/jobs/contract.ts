import { defineOperation, queryOf } from "@/lib/server/contract";
import { ZExportRequest } from "./schemas";

// The jobs operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getExportsByIdDownload: defineOperation({ method: "GET", path: "/exports/{id}/download", tag: "exports", summary: "The finished CSV as an attachment, for its requester only (anyone else, or not finished: 404).", permission: "export.request" }),
  getExportsById: defineOperation({ method: "GET", path: "/exports/{id}", tag: "exports", summary: "`{ status, progress, downloadUrl? }`, for the export's requester only (anyone else: 404).", permission: "export.request" }),
  getExports: defineOperation({ list: true, query: queryOf(["page", "pageSize"]), method: "GET", path: "/exports", tag: "exports", summary: "The caller's own exports, newest first.", permission: "export.request" }),
  postExports: defineOperation({ method: "POST", path: "/exports", idempotent: true, tag: "exports", summary: "`{ kind: \"treatment-history\", patientId? }` → 202 `{ id }`; the worker builds it (poll GET /exports/{id}).", permission: "export.request", body: ZExportRequest, status: 202 }),
};
