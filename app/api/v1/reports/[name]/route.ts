import { requestLocale } from "@/lib/server/locale";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { reportFile } from "@/lib/reports/files";
import { ops } from "@/lib/reports/contract";

/** `/reports/{revenue|appointments|occupancy|diagnoses|revenue-per-day}[.csv]?from=&to=`: JSON, or CSV with `.csv` or `?format=csv`. */
export const GET = apiRoute(ops.getReportsByName, async ({ req, params }) =>
  reportFile(db(), params.name, req.nextUrl.searchParams, await requestLocale()),
);
