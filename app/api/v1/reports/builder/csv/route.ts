import { requestLocale } from "@/lib/server/locale";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { csvResponse } from "@/lib/server/csv";
import { specFromQuery } from "@/lib/reportbuilder/query";
import { type ReportSpec, ZReportSpec } from "@/lib/reportbuilder/spec";
import { reportCsv } from "@/lib/reportbuilder/service";
import type { Ctx } from "@/lib/server/session";
import { ops } from "@/lib/reports/contract";

// The whole result of a report spec as CSV (at most 50,000 rows): POST with the JSON spec, or GET with
// the spec in the query as the builder page writes it (a plain download link).

async function download(ctx: Ctx, spec: ReportSpec) {
  const csv = await reportCsv(db(), ctx, spec, await requestLocale());
  return csvResponse(csv.body, csv.filename);
}

export const POST = apiRoute(ops.postReportsBuilderCsv, async ({ ctx, body }) => download(ctx, body));
export const GET = apiRoute(ops.getReportsBuilderCsv, async ({ req, ctx }) =>
  download(ctx, parseInput(ZReportSpec, specFromQuery(req.nextUrl.searchParams))),
);
