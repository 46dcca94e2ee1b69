import { Prisma } from "@/lib/generated/prisma/client";

// One writer per row: a table that is written both through Prisma (audit(), notify(), queueEmail())
// and inside a hand-written statement (the booking's, lib/scheduling/service.ts) has ONE function
// that gives a row's values, and one list of its columns with their SQL types. The Prisma helper
// passes the row as `data`; insertRows below turns the same rows into SQL. A column added to the
// row function is written by both paths or fails to compile (Columns must name every key).

/** The SQL type of each column of a row (a quoted name for an enum: `"EmailStatus"`). */
export type Columns<R> = { [K in keyof R]-?: string };

const ident = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return `"${name}"`;
};

/**
 * `INSERT INTO "table" (columns) SELECT … FROM json_to_recordset(rows)`: any number of rows in one
 * statement, each value typed by `columns` (json_to_recordset reads every value with its type's
 * input function, enums and jsonb included). `after` names a CTE the rows depend on (`FROM a, …`),
 * so that nothing is written when that CTE wrote nothing. Table and column names come from the
 * constants beside each row function, never from input.
 */
export function insertRows<R extends object>(
  table: string,
  columns: Columns<R>,
  rows: readonly R[],
  opts: { after?: string } = {},
): Prisma.Sql {
  const names = Object.keys(columns) as (keyof R & string)[];
  const list = names.map(ident).join(", ");
  const selected = names.map((n) => `x.${ident(n)}`).join(", ");
  const typed = names.map((n) => `${ident(n)} ${(columns as Record<string, string>)[n]}`).join(", ");
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n] ?? null]))));
  const from = opts.after ? `${ident(opts.after)}, ` : "";
  return Prisma.sql`INSERT INTO ${Prisma.raw(ident(table))} (${Prisma.raw(list)})
      SELECT ${Prisma.raw(selected)}
      FROM ${Prisma.raw(from)}json_to_recordset(${json}::json) AS x(${Prisma.raw(typed)})`;
}
