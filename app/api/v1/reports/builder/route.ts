import { requestLocale } from "@/lib/server/locale";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { csvResponse } from "@/lib/server/csv";
import { reportCsv, runReport } from "@/lib/reportbuilder/service";
import { ops } from "@/lib/reports/contract";

/** Runs a report spec: `{ columns, items, total, page, pageSize }`, or the whole result as CSV with `?format=csv`. */
export const POST = apiRoute(ops.postReportsBuilder, async ({ req, ctx, body }) => {
  const spec = body;
  if (req.nextUrl.searchParams.get("format") !== "csv") return runReport(db(), ctx, spec);
  const csv = await reportCsv(db(), ctx, spec, await requestLocale());
  return csvResponse(csv.body, csv.filename);
});
