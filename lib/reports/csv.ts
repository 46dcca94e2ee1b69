import { catalog, type Locale } from "@/lib/i18n";
import { type CsvCell, toCsv as csvFile } from "@/lib/server/csv";
import type { Aggregates } from "./public-health";
import type { dashboard, RevenueReport } from "./queries";

// Every report as CSV: a header row in the reader's language, then one row per line of the table
// (minor units for amounts, as numbers). Written by lib/server/csv.ts: byte order mark, formulas
// neutralised, timestamps in the hospital's time zone.

export const toCsv = (header: readonly string[], rows: CsvCell[][]) => csvFile([header, ...rows]);

const headers = (locale: Locale) => catalog(locale).reports.csv;

/** One row per visit (the visits behind each doctor's sums). */
export function revenueCsv(r: RevenueReport, locale: Locale): string {
  return toCsv(
    headers(locale).revenue,
    r.items.flatMap((d) =>
      d.visits.map((v) => [d.doctor, v.date, v.invoice, v.mrn, v.amount, v.collected, r.currency]),
    ),
  );
}

export function aggregatesCsv(a: Aggregates, locale: Locale): string {
  const h = headers(locale);
  return toCsv(
    [catalog(locale).reports.publicHealth.groups[a.groupBy], h.units[a.unit]],
    [...a.items.map((i) => [i.group, i.count]), [h.total, a.total]],
  );
}

type Dashboard = Awaited<ReturnType<typeof dashboard>>;
export const appointmentsCsv = (d: Dashboard["appointments"], locale: Locale) =>
  toCsv(
    headers(locale).appointments,
    d.map((r) => [r.day, r.count]),
  );
export const revenuePerDayCsv = (d: Dashboard["revenue"], locale: Locale) =>
  toCsv(
    headers(locale).revenuePerDay,
    d.map((r) => [r.day, r.payments, r.refunds, r.net]),
  );
export const diagnosesCsv = (d: Dashboard["diagnoses"], locale: Locale) =>
  toCsv(
    headers(locale).diagnoses,
    d.map((r) => [r.code, r.description, r.count]),
  );
export const occupancyCsv = (d: Dashboard["occupancy"], locale: Locale) =>
  toCsv(
    headers(locale).occupancy,
    [...d.items, { ...d.total, ward: headers(locale).total }].map((r) => [
      r.ward,
      r.beds,
      r.occupiedBedDays,
      r.availableBedDays,
      r.occupancyPct,
      r.admissions,
      r.discharges,
    ]),
  );
