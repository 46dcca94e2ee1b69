import { z } from "zod";
import { ZOccupancyRange } from "@/lib/wards/schemas";
import { en } from "@/lib/i18n/en";

// Inputs of the reports: a range of local dates (both included, the hospital's time zone).

const m = () => en.reports.errors;

export const ZReportRange = ZOccupancyRange;
export type ReportRange = z.infer<typeof ZReportRange>;

export const ZRevenueQuery = z.intersection(ZOccupancyRange, z.object({ doctorId: z.string().trim().min(1).optional() }));
export type RevenueQuery = z.infer<typeof ZRevenueQuery>;

export const GROUP_BYS = ["diagnosis", "department", "ageBand", "sex"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const ZAggregatesQuery = z.intersection(ZOccupancyRange, z.object({ groupBy: z.enum(GROUP_BYS, { error: () => m().groupBy }) }));
export type AggregatesQuery = z.infer<typeof ZAggregatesQuery>;

export const REPORT_NAMES = ["revenue", "appointments", "occupancy", "diagnoses", "revenue-per-day"] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
