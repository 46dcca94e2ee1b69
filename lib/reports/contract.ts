import { z } from "zod";
import { ZAggregatesQuery } from "./schemas";
import { defineOperation, listOf, queryOf } from "@/lib/server/contract";
import { ZReportSpec } from "@/lib/reportbuilder/spec";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
/** A published count: the number, "<5" for a small cell, or "withheld" (secondary suppression). */
const ZCell = z.union([z.number().int(), z.literal("<5"), z.literal("withheld")]);
const getPublicHealthAggregatesResponse = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: z.string(),
  unit: z.enum(["consultations", "diagnoses"]),
  items: z.array(
    z.object({
      group: z.string(),
      count: ZCell,
    }),
  ),
  total: ZCell,
});

const getReportsBuilderEntitiesResponse = listOf(
  z.object({
    entity: z.string(),
    defaultColumns: z.array(z.string()),
    fields: z.array(
      z.object({
        key: z.string(),
        type: z.string(),
        operators: z.array(z.string()),
        column: z.boolean(),
        group: z.boolean(),
        granularities: z.array(z.string()).optional(),
        aggregate: z.boolean(),
        values: z.array(z.string()).optional(),
      }),
    ),
  }),
);

const getReportsOccupancyResponse = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  items: z.array(
    z.object({
      wardId: z.string(),
      ward: z.string(),
      beds: z.number().int(),
      occupiedBedDays: z.number().describe("Bed-days occupied, to the hundredth."),
      availableBedDays: z.number().int(),
      occupancyPct: z.number().describe("Percent, to one decimal."),
      admissions: z.number().int(),
      discharges: z.number().int(),
    }),
  ),
  total: z.object({
    wardId: z.string(),
    ward: z.string(),
    beds: z.number().int(),
    occupiedBedDays: z.number().describe("Bed-days occupied, to the hundredth."),
    availableBedDays: z.number().int(),
    occupancyPct: z.number().describe("Percent, to one decimal."),
    admissions: z.number().int(),
    discharges: z.number().int(),
  }),
});

/** A fixed report's rows: one per day or group, its columns by report (revenue-per-day: payments, refunds, net; appointments: count; …). */
const reportRowsResponse = z.object({
  items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
const revenueResponse = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  items: z.array(
    z.object({
      doctorId: z.string(),
      doctor: z.string(),
      visits: z.array(
        z.object({
          invoice: z.string(),
          date: z.string(),
          mrn: z.string(),
          amount: z.number().int(),
          collected: z.number().int(),
        }),
      ),
      billed: z.number().int(),
      collected: z.number().int(),
    }),
  ),
  total: z.object({ visits: z.number().int(), billed: z.number().int(), collected: z.number().int() }),
});

/** A report builder page: its columns (keys of each item) and rows (lib/reportbuilder/service.ts ReportResult). */
const ZReportResult = z.object({
  columns: z.array(
    z.object({
      key: z.string(),
      type: z.string().describe("The field's type, or `count`."),
      field: z.string().optional(),
      granularity: z.string().optional(),
      fn: z.enum(["count", "sum", "avg"]).optional(),
    }),
  ),
  items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});

// The reports operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getPublicHealthAggregates: defineOperation({
    query: ZAggregatesQuery.extend({ format: z.string().optional().describe("`csv`: the answer as CSV.") }),
    response: getPublicHealthAggregatesResponse,
    produces: ["application/json", "text/csv"],
    method: "GET",
    path: "/public-health/aggregates",
    tag: "public-health",
    summary:
      '`?period=2026-11|2026-Q3|2026&groupBy=diagnosis|department|ageBand|sex[&format=csv]`: anonymised counts over a fixed, completed month, quarter or year (arbitrary `from`/`to` ranges are refused: overlapping ranges subtract to small ones), small cells suppressed; a quarter or year publishes a group only where each of its months does. An admin (publichealth.read), or an integration token with the "public-health:read" scope.',
    permission: "publichealth.read",
    scopes: ["public-health:read"],
  }),
  postReportsBuilder: defineOperation({
    response: ZReportResult,
    produces: ["application/json", "text/csv"],
    method: "POST",
    path: "/reports/builder",
    tag: "reports",
    summary:
      "A report from the allow-list (see `/reports/builder/entities`): `{ entity, columns?, filters?: [{ field, op, value }], groupBy?: [{ field, granularity? }], aggregates?: [{ fn: count|sum|avg, field? }], page?, pageSize? ≤ 100 }` → `{ columns, items, total, page, pageSize }`; `?format=csv` for the whole result as CSV. Read-only, audited.",
    permission: "report.build",
    body: ZReportSpec,
    query: queryOf(["format"]),
  }),
  getReportsBuilderCsv: defineOperation({
    produces: ["text/csv"],
    method: "GET",
    path: "/reports/builder/csv",
    tag: "reports",
    summary:
      "The whole result as CSV with the spec in the query, as the builder page links it: `?entity=admissions&group=ward&group=admittedAt:month&agg=count&filter=admittedAt:between:2026-01-01,2026-03-31&col=…`. Audited.",
    permission: "report.build",
    query: queryOf(["entity", "col", "filter", "group", "agg"]),
  }),
  postReportsBuilderCsv: defineOperation({
    produces: ["text/csv"],
    method: "POST",
    path: "/reports/builder/csv",
    tag: "reports",
    summary: "The same spec → the whole result as CSV (header: the column keys; at most 50,000 rows). Audited.",
    permission: "report.build",
    body: ZReportSpec,
  }),
  getReportsBuilderEntities: defineOperation({
    response: getReportsBuilderEntitiesResponse,
    list: true,
    query: queryOf(["page", "pageSize"]),
    method: "GET",
    path: "/reports/builder/entities",
    tag: "reports",
    summary:
      "The report builder's allow-list: per entity its fields (type, enum values, operators, group-by, granularities, aggregatable) and default columns.",
    permission: "report.build",
  }),
  getReportsByName: defineOperation({
    response: reportRowsResponse,
    query: queryOf(["from", "to", "format"]),
    produces: ["application/json", "text/csv"],
    method: "GET",
    path: "/reports/{name}",
    tag: "reports",
    summary:
      "`/reports/{revenue|appointments|occupancy|diagnoses|revenue-per-day}[.csv]?from=&to=`: JSON, or CSV with `.csv` or `?format=csv`.",
    permission: "report.read",
  }),
  getReportsOccupancy: defineOperation({
    response: getReportsOccupancyResponse,
    method: "GET",
    path: "/reports/occupancy",
    tag: "reports",
    summary:
      "`?from=YYYY-MM-DD&to=YYYY-MM-DD` (both included): bed-days occupied / available, admissions and discharges per ward.",
    permission: "ward.read",
    query: queryOf(["from", "to"]),
  }),
  getReportsRevenue: defineOperation({
    response: revenueResponse,
    query: queryOf(["from", "to", "doctorId", "format"]),
    produces: ["application/json", "text/csv"],
    method: "GET",
    path: "/reports/revenue",
    tag: "reports",
    summary:
      "`?from=&to=&doctorId=` (dates both included): per doctor the consultation visits, billed and collected; `&format=csv` for CSV.",
    permission: "report.read",
  }),
};
