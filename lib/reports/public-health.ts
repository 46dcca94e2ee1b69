import { DateTime } from "luxon";
import { Prisma } from "@/lib/generated/prisma/client";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { type AggregatesQuery, type GroupBy, PERIOD_PATTERN } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

// Anonymised aggregates for the health authority. Only counts leave this module: no ids, names,
// dates of birth, MRNs or dates. Small cells are suppressed (see `suppress`), over fixed, completed
// reporting periods only (see `aggregates`).

export const SMALL = 5;
/** The integration-token scope that may read the aggregates. */
export const PUBLIC_HEALTH_SCOPE = "public-health:read";
export const AGE_BANDS = ["0-4", "5-14", "15-24", "25-44", "45-64", "65+"] as const;
const SEXES = ["female", "male", "other", "unknown"];

/** A published count: the number, "<5" for a small cell, or "withheld" (secondary suppression). */
export type Cell = number | "<5" | "withheld";
export type Aggregates = {
  period: string;
  from: string;
  to: string;
  groupBy: GroupBy;
  unit: "consultations" | "diagnoses";
  items: { group: string; count: Cell }[];
  total: Cell;
};

/**
 * The suppression rule. Primary: a count from 1 to 4 is shown as "<5". Secondary: when exactly one
 * cell is suppressed, the smallest other cell is withheld too, so that the total (always the true
 * total, or "<5" when it is itself small) can never give the small cell back by subtraction, in this
 * table or across groupings of the same period. Published cells come first, largest first; the
 * suppressed ones follow in the groups' natural order, so their order reveals nothing.
 */
export function suppress(
  counts: { group: string; count: number }[],
  order?: readonly string[],
): { items: { group: string; count: Cell }[]; total: Cell } {
  const rows = counts.filter((c) => c.count > 0);
  const small = new Set(rows.filter((c) => c.count < SMALL).map((c) => c.group));
  const withheld = new Set<string>();
  if (small.size === 1) {
    const next = rows.filter((c) => !small.has(c.group)).sort((a, b) => a.count - b.count)[0];
    if (next) withheld.add(next.group);
  }
  const rank = (g: string) => (order ? order.indexOf(g) : 0);
  const hidden = rows
    .filter((c) => small.has(c.group) || withheld.has(c.group))
    .sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group));
  const shown = rows
    .filter((c) => !small.has(c.group) && !withheld.has(c.group))
    .sort((a, b) => (order ? rank(a.group) - rank(b.group) : b.count - a.count || a.group.localeCompare(b.group)));
  const total = rows.reduce((s, c) => s + c.count, 0);
  return {
    items: [
      ...shown.map((c) => ({ group: c.group, count: c.count as Cell })),
      ...hidden.map((c) => ({ group: c.group, count: (small.has(c.group) ? "<5" : "withheld") as Cell })),
    ],
    total: total > 0 && total < SMALL ? "<5" : total,
  };
}

const GROUP_SQL: Record<Exclude<GroupBy, "diagnosis">, Prisma.Sql> = {
  department: Prisma.sql`coalesce(dep.name, 'No department')`,
  sex: Prisma.sql`p.sex::text`,
  // Age in whole years on the day of the consultation.
  ageBand: Prisma.sql`CASE
    WHEN date_part('year', age(c."createdAt"::date, p."dateOfBirth")) < 5 THEN '0-4'
    WHEN date_part('year', age(c."createdAt"::date, p."dateOfBirth")) < 15 THEN '5-14'
    WHEN date_part('year', age(c."createdAt"::date, p."dateOfBirth")) < 25 THEN '15-24'
    WHEN date_part('year', age(c."createdAt"::date, p."dateOfBirth")) < 45 THEN '25-44'
    WHEN date_part('year', age(c."createdAt"::date, p."dateOfBirth")) < 65 THEN '45-64'
    ELSE '65+' END`,
};

/**
 * A fixed period's months, in the hospital's time zone: `from` and `to` are its first and last local
 * days, `months` the start of each of its months and the end of the last. Null if it does not parse.
 */
export function periodMonths(
  period: string,
  zone: string,
): { from: string; to: string; starts: Date[]; end: DateTime } | null {
  const m = PERIOD_PATTERN.exec(period.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const [first, count] = m[2] ? [Number(m[2]), 1] : m[3] ? [(Number(m[3]) - 1) * 3 + 1, 3] : [1, 12];
  const start = DateTime.fromObject({ year, month: first, day: 1 }, { zone });
  const starts = Array.from({ length: count }, (_, i) => start.plus({ months: i }));
  const end = start.plus({ months: count });
  return {
    from: start.toISODate()!,
    to: end.minus({ days: 1 }).toISODate()!,
    starts: starts.map((d) => d.toJSDate()),
    end,
  };
}

/** The completed periods to choose from, newest first: the last 24 months, 8 quarters and 5 years. */
export function recentPeriods(
  zone: string,
  now: Date = clock.now(),
): { month: string[]; quarter: string[]; year: string[] } {
  const today = DateTime.fromJSDate(now, { zone });
  const month = Array.from({ length: 24 }, (_, i) =>
    today
      .startOf("month")
      .minus({ months: i + 1 })
      .toFormat("yyyy-MM"),
  );
  const quarter = Array.from({ length: 8 }, (_, i) => {
    const d = today.startOf("quarter").minus({ quarters: i + 1 });
    return `${d.year}-Q${d.quarter}`;
  });
  const year = Array.from({ length: 5 }, (_, i) => String(today.year - i - 1));
  return { month, quarter, year };
}

/**
 * Counts over the consultations opened in a fixed, completed period — a month, a quarter or a year —
 * by department (of the consulting doctor), age band or sex, one per consultation; by diagnosis, one
 * per coded diagnosis, by ICD-10 category (the code's first three characters, e.g. E11.9 → E11).
 *
 * Why fixed periods: with arbitrary ranges, [1 Mar, 10 Mar] − [1 Mar, 9 Mar] is one day's counts,
 * suppression or not. Why completed ones: a period still running could be read on two days and
 * subtracted the same way. Why the months decide a longer period's cells: Q1 − January − February
 * is March, so a quarter or year publishes a group's count only when each of its months publishes
 * it (otherwise "withheld", or "<5" when small), and its total only when each month's total is
 * published. Every published number of a quarter or year is then a sum of published monthly numbers:
 * it can reveal nothing the months do not. One grouped query, per month of the period.
 */
export async function aggregates(prisma: Db, q: AggregatesQuery): Promise<Aggregates> {
  const zone = env().HOSPITAL_TIMEZONE;
  const p = periodMonths(q.period, zone);
  if (!p) throw new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields: { period: E.reports.errors.period } });
  if (p.end.toMillis() > clock.now().getTime())
    throw new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields: { period: E.reports.errors.periodOpen } });
  const f = p.starts[0];
  const t = p.end.toJSDate();
  // The month of the period each consultation falls in (0-based), by the local month boundaries.
  const month =
    p.starts.length === 1
      ? Prisma.sql`0`
      : Prisma.sql`CASE ${Prisma.join(
          p.starts.slice(1).map((s, i) => Prisma.sql`WHEN c."createdAt" < ${s} THEN ${Prisma.raw(String(i))}`),
          " ",
        )} ELSE ${Prisma.raw(String(p.starts.length - 1))} END`;
  const rows =
    q.groupBy === "diagnosis"
      ? await prisma.$queryRaw<{ month: number; group: string; count: bigint }[]>`
          SELECT ${month} AS month, upper(left(d.code, 3)) AS "group", count(*) AS count
          FROM "Diagnosis" d JOIN "Consultation" c ON c.id = d."consultationId"
          WHERE d.code IS NOT NULL AND c."createdAt" >= ${f} AND c."createdAt" < ${t}
          GROUP BY 1, 2`
      : await prisma.$queryRaw<{ month: number; group: string; count: bigint }[]>`
          SELECT ${month} AS month, ${GROUP_SQL[q.groupBy]} AS "group", count(*) AS count
          FROM "Consultation" c
          JOIN "Patient" p ON p.id = c."patientId"
          LEFT JOIN "StaffProfile" sp ON sp."userId" = c."doctorId"
          LEFT JOIN "Department" dep ON dep.id = sp."departmentId"
          WHERE c."createdAt" >= ${f} AND c."createdAt" < ${t}
          GROUP BY 1, 2`;
  const order = q.groupBy === "ageBand" ? AGE_BANDS : q.groupBy === "sex" ? SEXES : undefined;
  const months = p.starts.map((_, i) =>
    rows.filter((r) => Number(r.month) === i).map((r) => ({ group: r.group, count: Number(r.count) })),
  );
  const { items, total } = months.length === 1 ? suppress(months[0], order) : combine(months, order);
  return {
    period: q.period.trim(),
    from: p.from,
    to: p.to,
    groupBy: q.groupBy,
    unit: q.groupBy === "diagnosis" ? "diagnoses" : "consultations",
    items,
    total,
  };
}

/**
 * A quarter's or year's table from its months' counts: each month suppressed on its own, then a
 * group's sum published only if no month hides it, the total only if no month hides its total.
 */
export function combine(
  months: { group: string; count: number }[][],
  order?: readonly string[],
): { items: { group: string; count: Cell }[]; total: Cell } {
  const sums = new Map<string, number>();
  const hiddenSomewhere = new Set<string>();
  let total = 0;
  let totalHidden = false;
  for (const counts of months) {
    const table = suppress(counts, order);
    for (const c of counts) if (c.count > 0) sums.set(c.group, (sums.get(c.group) ?? 0) + c.count);
    for (const i of table.items) if (typeof i.count !== "number") hiddenSomewhere.add(i.group);
    total += counts.reduce((s, c) => s + Math.max(c.count, 0), 0);
    if (typeof table.total !== "number") totalHidden = true;
  }
  const cell = (group: string, n: number): Cell => (n < SMALL ? "<5" : hiddenSomewhere.has(group) ? "withheld" : n);
  const rows = [...sums].map(([group, n]) => ({ group, n, count: cell(group, n) }));
  const rank = (g: string) => (order ? order.indexOf(g) : 0);
  const shown = rows
    .filter((r) => typeof r.count === "number")
    .sort((a, b) => (order ? rank(a.group) - rank(b.group) : b.n - a.n || a.group.localeCompare(b.group)));
  const hidden = rows
    .filter((r) => typeof r.count !== "number")
    .sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group));
  return {
    items: [...shown, ...hidden].map((r) => ({ group: r.group, count: r.count })),
    total: total > 0 && total < SMALL ? "<5" : totalHidden ? "withheld" : total,
  };
}
