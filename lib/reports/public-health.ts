import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { bounds } from "./queries";
import type { AggregatesQuery, GroupBy } from "./schemas";

// Anonymised aggregates for the health authority. Only counts leave this module: no ids, names,
// dates of birth, MRNs or dates. Small cells are suppressed (see `suppress`).

export const SMALL = 5;
/** The integration-token scope that may read the aggregates. */
export const PUBLIC_HEALTH_SCOPE = "public-health:read";
export const AGE_BANDS = ["0-4", "5-14", "15-24", "25-44", "45-64", "65+"] as const;
const SEXES = ["female", "male", "other", "unknown"];

/** A published count: the number, "<5" for a small cell, or "withheld" (secondary suppression). */
export type Cell = number | "<5" | "withheld";
export type Aggregates = { from: string; to: string; groupBy: GroupBy; unit: "consultations" | "diagnoses"; items: { group: string; count: Cell }[]; total: Cell };

/**
 * The suppression rule. Primary: a count from 1 to 4 is shown as "<5". Secondary: when exactly one
 * cell is suppressed, the smallest other cell is withheld too, so that the total (always the true
 * total, or "<5" when it is itself small) can never give the small cell back by subtraction, in this
 * table or across groupings of the same period. Published cells come first, largest first; the
 * suppressed ones follow in the groups' natural order, so their order reveals nothing.
 */
export function suppress(counts: { group: string; count: number }[], order?: readonly string[]): { items: { group: string; count: Cell }[]; total: Cell } {
  const rows = counts.filter((c) => c.count > 0);
  const small = new Set(rows.filter((c) => c.count < SMALL).map((c) => c.group));
  const withheld = new Set<string>();
  if (small.size === 1) {
    const next = rows.filter((c) => !small.has(c.group)).sort((a, b) => a.count - b.count)[0];
    if (next) withheld.add(next.group);
  }
  const rank = (g: string) => (order ? order.indexOf(g) : 0);
  const hidden = rows.filter((c) => small.has(c.group) || withheld.has(c.group)).sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group));
  const shown = rows.filter((c) => !small.has(c.group) && !withheld.has(c.group)).sort((a, b) => (order ? rank(a.group) - rank(b.group) : b.count - a.count || a.group.localeCompare(b.group)));
  const total = rows.reduce((s, c) => s + c.count, 0);
  return {
    items: [...shown.map((c) => ({ group: c.group, count: c.count as Cell })), ...hidden.map((c) => ({ group: c.group, count: (small.has(c.group) ? "<5" : "withheld") as Cell }))],
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
 * Counts over the consultations opened in the range: by department (of the consulting doctor), age
 * band or sex, one per consultation; by diagnosis, one per coded diagnosis, by ICD-10 category (the
 * code's first three characters, e.g. E11.9 → E11). One grouped query.
 */
export async function aggregates(prisma: Db, q: AggregatesQuery): Promise<Aggregates> {
  const { f, t } = bounds(q);
  const rows =
    q.groupBy === "diagnosis"
      ? await prisma.$queryRaw<{ group: string; count: bigint }[]>`
          SELECT upper(left(d.code, 3)) AS "group", count(*) AS count
          FROM "Diagnosis" d JOIN "Consultation" c ON c.id = d."consultationId"
          WHERE d.code IS NOT NULL AND c."createdAt" >= ${f} AND c."createdAt" < ${t}
          GROUP BY 1`
      : await prisma.$queryRaw<{ group: string; count: bigint }[]>`
          SELECT ${GROUP_SQL[q.groupBy]} AS "group", count(*) AS count
          FROM "Consultation" c
          JOIN "Patient" p ON p.id = c."patientId"
          LEFT JOIN "StaffProfile" sp ON sp."userId" = c."doctorId"
          LEFT JOIN "Department" dep ON dep.id = sp."departmentId"
          WHERE c."createdAt" >= ${f} AND c."createdAt" < ${t}
          GROUP BY 1`;
  const order = q.groupBy === "ageBand" ? AGE_BANDS : q.groupBy === "sex" ? SEXES : undefined;
  const { items, total } = suppress(rows.map((r) => ({ group: r.group, count: Number(r.count) })), order);
  return { from: q.from, to: q.to, groupBy: q.groupBy, unit: q.groupBy === "diagnosis" ? "diagnoses" : "consultations", items, total };
}
