import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { occupancyReport } from "@/lib/wards/queries";
import { ZOccupancyRange } from "@/lib/wards/schemas";
import { ops } from "@/lib/reports/contract";

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` (both included): bed-days occupied / available, admissions and discharges per ward. */
export const GET = apiRoute(ops.getReportsOccupancy, async ({ req }) => {
  const p = req.nextUrl.searchParams;
  return occupancyReport(
    db(),
    parseInput(ZOccupancyRange, { from: p.get("from") ?? undefined, to: p.get("to") ?? undefined }),
  );
});
