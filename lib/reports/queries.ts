import { DateTime } from "luxon";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { occupancyReport } from "@/lib/wards/queries";
import { type ReportRange, type RevenueQuery, ZReportRange } from "./schemas";

// The admin's reports: one query per figure over indexed columns, never a query per row. Ranges are
// local dates (both included) in the hospital's time zone; amounts are in minor units.

/** The range's bounds as instants: [start of `from`, start of the day after `to`). */
export function bounds(range: ReportRange) {
  const zone = env().HOSPITAL_TIMEZONE;
  const start = DateTime.fromISO(range.from, { zone }).startOf("day");
  const end = DateTime.fromISO(range.to, { zone }).plus({ days: 1 }).startOf("day");
  return { zone, start, end, f: start.toJSDate(), t: end.toJSDate() };
}

/** Every local date of the range, so that days without anything show as zero. */
function daysOf(range: ReportRange): string[] {
  const { zone, start, end } = bounds(range);
  const out: string[] = [];
  for (let d = start; d < end; d = d.plus({ days: 1 }).setZone(zone).startOf("day")) out.push(d.toISODate()!);
  return out;
}

export type RevenueVisit = { invoice: string; date: string; mrn: string; amount: number; collected: number };
export type DoctorRevenue = {
  doctorId: string;
  doctor: string;
  visits: RevenueVisit[];
  billed: number;
  collected: number;
};
export type RevenueReport = {
  from: string;
  to: string;
  currency: string;
  items: DoctorRevenue[];
  total: { visits: number; billed: number; collected: number };
};

type RevenueRow = {
  doctorId: string;
  doctor: string;
  invoice: string;
  visitAt: Date;
  mrn: string;
  amount: number;
  invoiceTotal: bigint;
  net: bigint;
};

/**
 * Revenue per doctor: the CONSULTATION lines (by their doctorId) of the invoices issued in the range
 * and not void. billed = the sum of those lines. collected = the invoice's payments minus refunds
 * (whenever received), shared among all the invoice's lines in proportion to their amounts; the
 * doctor's share is the sum over their lines, rounded to a whole minor unit per visit.
 * The visit's date is the appointment's start (or the invoice's date for a stay or walk-in).
 */
export async function revenueReport(prisma: Db, q: RevenueQuery): Promise<RevenueReport> {
  const { zone, f, t } = bounds(q);
  const rows = await prisma.$queryRaw<RevenueRow[]>`
    SELECT l."doctorId", u.name AS doctor, i.number AS invoice, coalesce(a."startsAt", i."issuedAt") AS "visitAt", p.mrn, l.amount,
      (SELECT coalesce(sum(x.amount), 0) FROM "InvoiceLine" x WHERE x."invoiceId" = i.id) AS "invoiceTotal",
      (SELECT coalesce(sum(y.amount), 0) FROM "Payment" y WHERE y."invoiceId" = i.id) AS net
    FROM "InvoiceLine" l
    JOIN "Invoice" i ON i.id = l."invoiceId"
    JOIN "Patient" p ON p.id = i."patientId"
    JOIN "User" u ON u.id = l."doctorId"
    LEFT JOIN "Appointment" a ON a.id = i."appointmentId"
    WHERE l.kind = 'CONSULTATION' AND i.status <> 'VOID' AND i."issuedAt" >= ${f} AND i."issuedAt" < ${t}
      ${q.doctorId ? Prisma.sql`AND l."doctorId" = ${q.doctorId}` : Prisma.empty}
    ORDER BY u.name, l."doctorId", "visitAt", i.number`;
  const byDoctor = new Map<string, DoctorRevenue>();
  for (const r of rows) {
    const total = Number(r.invoiceTotal);
    const collected = total === 0 ? 0 : Math.round((Number(r.net) * r.amount) / total);
    let d = byDoctor.get(r.doctorId);
    if (!d)
      byDoctor.set(r.doctorId, (d = { doctorId: r.doctorId, doctor: r.doctor, visits: [], billed: 0, collected: 0 }));
    d.visits.push({
      invoice: r.invoice,
      date: DateTime.fromJSDate(r.visitAt, { zone }).toISODate()!,
      mrn: r.mrn,
      amount: r.amount,
      collected,
    });
    d.billed += r.amount;
    d.collected += collected;
  }
  const items = [...byDoctor.values()];
  const sum = (k: "billed" | "collected") => items.reduce((s, d) => s + d[k], 0);
  return {
    from: q.from,
    to: q.to,
    currency: env().HOSPITAL_CURRENCY,
    items,
    total: { visits: rows.length, billed: sum("billed"), collected: sum("collected") },
  };
}

/** Appointments per local day of their start, cancelled ones left out; every day of the range. */
export async function appointmentsPerDay(prisma: Db, range: ReportRange): Promise<{ day: string; count: number }[]> {
  const { zone, f, t } = bounds(range);
  const rows = await prisma.$queryRaw<{ day: string; count: bigint }[]>`
    SELECT to_char(("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS day, count(*) AS count
    FROM "Appointment"
    WHERE "startsAt" >= ${f} AND "startsAt" < ${t} AND status <> 'CANCELLED'
    GROUP BY 1`;
  const n = new Map(rows.map((r) => [r.day, Number(r.count)]));
  return daysOf(range).map((day) => ({ day, count: n.get(day) ?? 0 }));
}

/** Payments, refunds (as a positive amount) and net collected per local day of receipt. */
export async function revenuePerDay(
  prisma: Db,
  range: ReportRange,
): Promise<{ day: string; payments: number; refunds: number; net: number }[]> {
  const { zone, f, t } = bounds(range);
  const rows = await prisma.$queryRaw<{ day: string; payments: bigint; refunds: bigint }[]>`
    SELECT to_char(("receivedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS day,
      coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS payments,
      coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS refunds
    FROM "Payment"
    WHERE "receivedAt" >= ${f} AND "receivedAt" < ${t}
    GROUP BY 1`;
  const n = new Map(rows.map((r) => [r.day, { payments: Number(r.payments), refunds: Number(r.refunds) }]));
  return daysOf(range).map((day) => {
    const v = n.get(day) ?? { payments: 0, refunds: 0 };
    return { day, ...v, net: v.payments - v.refunds };
  });
}

/** The most frequent diagnosis codes of consultations opened in the range (free-text ones left out). */
export async function topDiagnoses(
  prisma: Db,
  range: ReportRange,
  limit = 10,
): Promise<{ code: string; description: string; count: number }[]> {
  const { f, t } = bounds(range);
  const rows = await prisma.$queryRaw<{ code: string; description: string; count: bigint }[]>`
    SELECT d.code, min(d.description) AS description, count(*) AS count
    FROM "Diagnosis" d JOIN "Consultation" c ON c.id = d."consultationId"
    WHERE d.code IS NOT NULL AND c."createdAt" >= ${f} AND c."createdAt" < ${t}
    GROUP BY d.code
    ORDER BY count(*) DESC, d.code
    LIMIT ${limit}`;
  return rows.map((r) => ({ code: r.code, description: r.description, count: Number(r.count) }));
}

/** Bed occupancy per ward: the wards' report, reused. */
export const occupancy = (prisma: Db, range: ReportRange) => occupancyReport(prisma, range);

/** Everything the dashboard draws, read side by side. */
export async function dashboard(prisma: Db, range: ReportRange) {
  const [appointments, occ, diagnoses, revenue] = await Promise.all([
    appointmentsPerDay(prisma, range),
    occupancy(prisma, range),
    topDiagnoses(prisma, range),
    revenuePerDay(prisma, range),
  ]);
  return { from: range.from, to: range.to, appointments, occupancy: occ, diagnoses, revenue };
}

/** A page's range: the asked one, or the last 30 days (with the message of a bad range). */
export function pageRange(params: Record<string, string>): { range: ReportRange; error?: string } {
  const today = DateTime.now().setZone(env().HOSPITAL_TIMEZONE);
  const fallback = { from: today.minus({ days: 29 }).toISODate()!, to: today.toISODate()! };
  const asked = ZReportRange.safeParse({ from: params.from || fallback.from, to: params.to || fallback.to });
  return asked.success ? { range: asked.data } : { range: fallback, error: asked.error.issues[0]?.message };
}
