import { type CsvCell, toCsv as csvFile } from "@/lib/server/csv";
import type { Aggregates } from "./public-health";
import type { dashboard, RevenueReport } from "./queries";

// Every report as CSV: a header row, then one row per line of the table (minor units for amounts,
// as numbers). Written by lib/server/csv.ts: byte order mark, formulas neutralised.

export const toCsv = (header: string[], rows: CsvCell[][]) => csvFile([header, ...rows]);

/** One row per visit (the visits behind each doctor's sums). */
export function revenueCsv(r: RevenueReport): string {
  return toCsv(
    ["doctor", "date", "invoice", "mrn", "billed", "collected", "currency"],
    r.items.flatMap((d) => d.visits.map((v) => [d.doctor, v.date, v.invoice, v.mrn, v.amount, v.collected, r.currency])),
  );
}

export function aggregatesCsv(a: Aggregates): string {
  return toCsv([a.groupBy, a.unit], [...a.items.map((i) => [i.group, i.count]), ["total", a.total]]);
}

type Dashboard = Awaited<ReturnType<typeof dashboard>>;
export const appointmentsCsv = (d: Dashboard["appointments"]) => toCsv(["day", "appointments"], d.map((r) => [r.day, r.count]));
export const revenuePerDayCsv = (d: Dashboard["revenue"]) => toCsv(["day", "payments", "refunds", "net"], d.map((r) => [r.day, r.payments, r.refunds, r.net]));
export const diagnosesCsv = (d: Dashboard["diagnoses"]) => toCsv(["code", "description", "count"], d.map((r) => [r.code, r.description, r.count]));
export const occupancyCsv = (d: Dashboard["occupancy"]) =>
  toCsv(
    ["ward", "beds", "occupiedBedDays", "availableBedDays", "occupancyPct", "admissions", "discharges"],
    [...d.items, { ...d.total, ward: "total" }].map((r) => [r.ward, r.beds, r.occupiedBedDays, r.availableBedDays, r.occupancyPct, r.admissions, r.discharges]),
  );
