import type { Locale } from "@/lib/i18n";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { csvResponse } from "@/lib/server/csv";
import { appointmentsCsv, diagnosesCsv, occupancyCsv, revenueCsv, revenuePerDayCsv } from "./csv";
import { appointmentsPerDay, occupancy, revenuePerDay, revenueReport, topDiagnoses } from "./queries";
import { REPORT_NAMES, type ReportName, ZReportRange, ZRevenueQuery } from "./schemas";

// GET /api/v1/reports/{name} and /api/v1/reports/{name}.csv (or ?format=csv): one entry per report.

const range = (p: URLSearchParams) =>
  parseInput(ZReportRange, { from: p.get("from") ?? undefined, to: p.get("to") ?? undefined });

const REPORTS: Record<
  ReportName,
  (prisma: Db, p: URLSearchParams, locale: Locale) => Promise<{ json: unknown; csv: () => string }>
> = {
  revenue: async (prisma, p, locale) => {
    const r = await revenueReport(
      prisma,
      parseInput(ZRevenueQuery, {
        from: p.get("from") ?? undefined,
        to: p.get("to") ?? undefined,
        doctorId: p.get("doctorId") || undefined,
      }),
    );
    return { json: r, csv: () => revenueCsv(r, locale) };
  },
  appointments: async (prisma, p, locale) => {
    const items = await appointmentsPerDay(prisma, range(p));
    return { json: { items }, csv: () => appointmentsCsv(items, locale) };
  },
  occupancy: async (prisma, p, locale) => {
    const r = await occupancy(prisma, range(p));
    return { json: r, csv: () => occupancyCsv(r, locale) };
  },
  diagnoses: async (prisma, p, locale) => {
    const items = await topDiagnoses(prisma, range(p));
    return { json: { items }, csv: () => diagnosesCsv(items, locale) };
  },
  "revenue-per-day": async (prisma, p, locale) => {
    const items = await revenuePerDay(prisma, range(p));
    return { json: { items }, csv: () => revenuePerDayCsv(items, locale) };
  },
};

/** The report named by the path segment (`revenue`, `revenue.csv`, …) as JSON or a CSV download (headed in `locale`). */
export async function reportFile(prisma: Db, segment: string, p: URLSearchParams, locale: Locale): Promise<unknown> {
  const csv = segment.endsWith(".csv") || p.get("format") === "csv";
  const name = segment.replace(/\.csv$/, "") as ReportName;
  if (!REPORT_NAMES.includes(name)) throw notFound("report");
  const r = await REPORTS[name](prisma, p, locale);
  return csv ? csvResponse(r.csv(), name) : r.json;
}
