import { requestLocale } from "@/lib/server/locale";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { reportFile } from "@/lib/reports/files";
import { ops } from "@/lib/reports/contract";

/** `?from=&to=&doctorId=` (dates both included): per doctor the consultation visits, billed and collected; `&format=csv` for CSV. */
export const GET = apiRoute(ops.getReportsRevenue, async ({ req }) =>
  reportFile(db(), "revenue", req.nextUrl.searchParams, await requestLocale()),
);
