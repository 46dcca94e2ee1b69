import { z } from "zod";
import { listDocuments, type DocumentSort } from "@/lib/documents/queries";
import { DOCUMENT_CATEGORIES } from "@/lib/documents/schemas";
import { uploadDocument } from "@/lib/documents/service";
import { openChart } from "@/lib/patients/chart";
import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { ops } from "@/lib/documents/contract";
import { E } from "@/lib/i18n/error-keys";

const ZCategory = z.enum(DOCUMENT_CATEGORIES, { error: E.documents.errors.category }).optional();

/** `?category=&page=&pageSize=&sort=` newest document date first (audited; patients: their own shared ones). */
export const GET = apiRoute(ops.getPatientsByIdDocuments, async ({ req, ctx, params }) => {
  const query = parseListQuery<DocumentSort>(
    req.nextUrl.searchParams,
    ["documentDate", "createdAt", "title"],
    "-documentDate",
  );
  const category = parseInput(ZCategory, req.nextUrl.searchParams.get("category") ?? undefined);
  const chart = await openChart(db(), ctx, params.id, {
    need: "document.read",
    entity: "Document",
    details: { list: true },
  });
  const { items, total } = await listDocuments(db(), chart, query, { category });
  return listResponse(items, total, query);
});

/** multipart/form-data: the fields, then one `file` (PDF, JPEG or PNG by content; at most DOCUMENT_MAX_BYTES). */
export const POST = apiRoute(ops.postPatientsByIdDocuments, async ({ req, ctx, params }) =>
  created(await uploadDocument(db(), ctx, params.id, req)),
);
