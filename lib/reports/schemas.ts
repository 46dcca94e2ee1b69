import { z } from "zod";
import { ZOccupancyRange } from "@/lib/wards/schemas";
import { E } from "@/lib/i18n/error-keys";

// Inputs of the reports: a range of local dates (both included, the hospital's time zone).

const m = () => E.reports.errors;

export const ZReportRange = ZOccupancyRange;
export type ReportRange = z.infer<typeof ZReportRange>;

export const ZRevenueQuery = z.intersection(
  ZOccupancyRange,
  z.object({ doctorId: z.string().trim().min(1).optional() }),
);
export type RevenueQuery = z.infer<typeof ZRevenueQuery>;

export const GROUP_BYS = ["diagnosis", "department", "ageBand", "sex"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
/**
 * A fixed reporting period of the public-health aggregates, in the hospital's time zone: a month
 * (2026-11), a quarter (2026-Q3) or a year (2026). Never an arbitrary range: two overlapping ranges
 * subtract to a small one, which gives back the counts that suppression hides.
 */
export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;
export const ZPeriod = z
  .string({ error: () => m().period })
  .trim()
  .regex(PERIOD_PATTERN, { error: () => m().period });
/** `from`/`to` are named only to be refused with a field error that says what to send instead. */
export const ZAggregatesQuery = z.object({
  period: ZPeriod,
  groupBy: z.enum(GROUP_BYS, { error: () => m().groupBy }),
  from: z.undefined({ error: () => m().fixedPeriods }),
  to: z.undefined({ error: () => m().fixedPeriods }),
});
export type AggregatesQuery = { period: string; groupBy: GroupBy };

export const REPORT_NAMES = ["revenue", "appointments", "occupancy", "diagnoses", "revenue-per-day"] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
