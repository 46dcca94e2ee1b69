import { DateTime } from "luxon";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Field, type FieldType, type Granularity, entityOf, fieldOf } from "./entities";
import type { ReportSpec } from "./spec";
import { escapeLike } from "@/lib/server/like";

// A validated spec compiled to parameterized SQL: identifiers and expressions come only from the
// allow-list constants (and the column aliases c0, c1 … from their position); every value the client
// sent is a bind parameter. Grouping and ordering go by position, so that an expression with parameters
// (the time zone) is grouped as itself.

export type Column = {
  key: string;
  type: FieldType | "count";
  field?: string;
  granularity?: Granularity;
  fn?: "count" | "sum" | "avg";
};
export type Compiled = {
  columns: Column[];
  grouped: boolean;
  count: Prisma.Sql;
  page: (limit: number, offset: number) => Prisma.Sql;
};

const FORMAT: Record<Granularity, string> = { day: "YYYY-MM-DD", week: "YYYY-MM-DD", month: "YYYY-MM", year: "YYYY" };
const TRUNC: Record<Granularity, Prisma.Sql> = {
  day: Prisma.sql`'day'`,
  week: Prisma.sql`'week'`,
  month: Prisma.sql`'month'`,
  year: Prisma.sql`'year'`,
};

/** A date field as a local timestamp of the hospital (instants are stored in UTC). */
const local = (f: Field, zone: string) =>
  f.calendar ? f.sql : Prisma.sql`((${f.sql}) AT TIME ZONE 'UTC') AT TIME ZONE ${zone}`;

/** The bounds of a local day: [its start, the next day's start) as instants, or as dates for calendar columns. */
function day(f: Field, d: string, zone: string, next = false): Prisma.Sql {
  const start = DateTime.fromISO(d, { zone })
    .startOf("day")
    .plus({ days: next ? 1 : 0 });
  return f.calendar ? Prisma.sql`${start.toISODate()}::date` : Prisma.sql`${start.toUTC().toJSDate()}`;
}

function condition(f: Field, op: string, value: string | string[], zone: string): Prisma.Sql {
  const list = Array.isArray(value) ? value : [value];
  const v = (s: string) => (f.type === "number" || f.type === "money" ? Number(s) : s);
  if (f.type === "date") {
    const [a, b = a] = list;
    if (op === "before") return Prisma.sql`${f.sql} < ${day(f, a, zone)}`;
    if (op === "after") return Prisma.sql`${f.sql} >= ${day(f, a, zone, true)}`;
    return Prisma.sql`${f.sql} >= ${day(f, a, zone)} AND ${f.sql} < ${day(f, b, zone, true)}`;
  }
  switch (op) {
    case "in":
      return Prisma.sql`${f.sql} IN (${Prisma.join(list.map(v))})`;
    case "contains":
      return Prisma.sql`${f.sql} ILIKE ${`%${escapeLike(list[0])}%`}`;
    case "gte":
      return Prisma.sql`${f.sql} >= ${v(list[0])}`;
    case "lte":
      return Prisma.sql`${f.sql} <= ${v(list[0])}`;
    case "between":
      return Prisma.sql`${f.sql} BETWEEN ${v(list[0])} AND ${v(list[1])}`;
    default:
      return Prisma.sql`${f.sql} = ${v(list[0])}`;
  }
}

export function compile(spec: ReportSpec, zone: string): Compiled {
  const entity = entityOf(spec.entity);
  const field = (key: string) => fieldOf(spec.entity, key)!;
  const grouped = spec.groupBy.length > 0 || spec.aggregates.length > 0;
  const columns: Column[] = [];
  const selects: Prisma.Sql[] = [];
  const add = (c: Column, sql: Prisma.Sql) => {
    if (columns.some((x) => x.key === c.key)) return;
    columns.push(c);
    selects.push(Prisma.sql`${sql} AS ${Prisma.raw(`"c${selects.length}"`)}`);
  };

  if (grouped) {
    for (const g of spec.groupBy) {
      const f = field(g.field);
      if (f.type === "date" && g.granularity) {
        add(
          { key: `${g.field}_${g.granularity}`, type: "text", field: g.field, granularity: g.granularity },
          Prisma.sql`to_char(date_trunc(${TRUNC[g.granularity]}, ${local(f, zone)}), ${FORMAT[g.granularity]})`,
        );
      } else add({ key: g.field, type: f.type, field: g.field }, f.sql);
    }
    const aggregates = spec.aggregates.length ? spec.aggregates : [{ fn: "count" as const, field: undefined }];
    for (const a of aggregates) {
      if (a.fn === "count" || !a.field) add({ key: "count", type: "count", fn: "count" }, Prisma.sql`count(*)::int`);
      else {
        const f = field(a.field);
        const sql =
          a.fn === "sum"
            ? Prisma.sql`coalesce(sum(${f.sql}), 0)::float8`
            : Prisma.sql`round(avg(${f.sql})::numeric, 2)::float8`;
        add({ key: `${a.fn}_${a.field}`, type: a.fn === "sum" ? f.type : "number", field: a.field, fn: a.fn }, sql);
      }
    }
  } else {
    for (const key of spec.columns.length ? spec.columns : entity.defaultColumns) {
      const f = field(key);
      const sql =
        f.type === "date"
          ? Prisma.sql`to_char(${local(f, zone)}, ${f.calendar ? "YYYY-MM-DD" : "YYYY-MM-DD HH24:MI"})`
          : f.sql;
      add({ key, type: f.type, field: key }, sql);
    }
  }

  const conditions = spec.filters.map((flt) => condition(field(flt.field), flt.op, flt.value, zone));
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const groupCount = grouped ? columns.filter((c) => !c.fn).length : 0;
  const positions = Array.from({ length: groupCount }, (_, i) => Prisma.raw(String(i + 1)));
  const groupBy = groupCount ? Prisma.sql`GROUP BY ${Prisma.join(positions)}` : Prisma.empty;
  const orderBy = !grouped
    ? Prisma.sql`ORDER BY ${entity.order}`
    : groupCount
      ? Prisma.sql`ORDER BY ${Prisma.join(positions.map((p) => Prisma.sql`${p} NULLS LAST`))}`
      : Prisma.empty;
  const body = Prisma.sql`FROM ${entity.from} ${where}`;

  const count = !grouped
    ? Prisma.sql`SELECT count(*)::int AS n ${body}`
    : groupCount
      ? Prisma.sql`SELECT count(*)::int AS n FROM (SELECT ${Prisma.join(selects.slice(0, groupCount))} ${body} ${groupBy}) s`
      : Prisma.sql`SELECT 1 AS n`;
  const page = (limit: number, offset: number) =>
    Prisma.sql`SELECT ${Prisma.join(selects)} ${body} ${groupBy} ${orderBy} LIMIT ${limit} OFFSET ${offset}`;
  return { columns, grouped, count, page };
}
