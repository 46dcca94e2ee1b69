import { defineOperation, queryOf } from "@/lib/server/contract";
import { env } from "@/lib/server/env";
import { UPLOAD_FORM_OVERHEAD_BYTES } from "../../scripts/body-limit.mjs";

// The documents operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getDocumentsById: defineOperation({
    errors: [404],
    method: "GET",
    path: "/documents/{id}",
    tag: "documents",
    summary:
      "The document itself, to show in the browser: its verified type (application/pdf, image/jpeg, image/png), `Content-Disposition: inline` with its file name (RFC 5987 `filename*`), `X-Content-Type-Options: nosniff` and a Content-Security-Policy that runs nothing. Streamed from the database. Every view is audited. Patients: only their own documents shared with them (others 404).",
    permission: "document.read",
    produces: ["application/pdf", "image/jpeg", "image/png"],
  }),
  getDocumentsByIdThumbnail: defineOperation({
    errors: [404],
    method: "GET",
    path: "/documents/{id}/thumbnail",
    tag: "documents",
    summary: "An image document's preview (WebP, at most 256 px a side; 404 for a PDF). Audited like the document.",
    permission: "document.read",
    produces: ["image/webp"],
  }),
  getPatientsByIdDocuments: defineOperation({
    errors: [404],
    method: "GET",
    path: "/patients/{id}/documents",
    tag: "documents",
    summary:
      "The chart's documents, newest document date first (`?category=referral|result|imaging|consent|other&sort=documentDate|createdAt|title`, `-` for descending). One audited read of the chart. Patients: only their own documents staff shared with them; another patient's chart → 404.",
    permission: "document.read",
    query: queryOf(["page", "pageSize", "sort", "category"]),
    list: true,
    responseRef: "Document",
  }),
  postPatientsByIdDocuments: defineOperation({
    errors: [413, 415],
    method: "POST",
    path: "/patients/{id}/documents",
    tag: "documents",
    summary:
      "Attaches a document, as `multipart/form-data`: the fields first, then one `file` part. Its type is read from its content (PDF, JPEG or PNG; anything else → 415 UNSUPPORTED_MEDIA_TYPE whatever its name), at most `DOCUMENT_MAX_BYTES` (default 20 MB; larger → 413 PAYLOAD_TOO_LARGE, this route's own limit). Streamed into the database; images get a thumbnail. A consent document needs `consentSignedOn`. Not idempotent: a retried upload is a second copy (compare `sha256`).",
    permission: "document.upload",
    form: "DocumentUpload",
    bodyLimit: () => env().DOCUMENT_MAX_BYTES + UPLOAD_FORM_OVERHEAD_BYTES,
    status: 201,
    responseRef: "Document",
  }),
};
