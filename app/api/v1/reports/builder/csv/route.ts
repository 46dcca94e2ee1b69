import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { csvResponse } from "@/lib/reports/csv";
import { ZReportSpec } from "@/lib/reportbuilder/spec";
import { reportCsv } from "@/lib/reportbuilder/service";

/** The whole result of a report spec as CSV (at most 50,000 rows). */
export const POST = apiRoute("report.build", async ({ req, ctx }) => {
  const csv = await reportCsv(db(), ctx, await readJson(req, ZReportSpec));
  return csvResponse(csv.body, csv.filename);
});
