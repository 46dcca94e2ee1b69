/** DATABASE_PREPARED_STATEMENTS when unset. */
export const DEFAULT_PREPARED_STATEMENTS = 1000;

/**
 * Names for the statements the app sends, so that each pooled connection prepares a statement once
 * and PostgreSQL can reuse its plan (a generic plan after five runs, when it costs no more than the
 * custom ones) instead of parsing and planning it on every request: the chart timeline's UNION ALL
 * took 5–60 ms to plan and 1–2 ms to run on the 1M-patient hospital. Prisma's earlier Rust engine
 * did the same by default; the pg adapter does it only when given names. The first `max` distinct
 * statement texts of the process get a name, later ones run unnamed (so a query shape with many
 * variants, an `IN` list of every length say, cannot grow the connections' statements without end).
 * DATABASE_PREPARED_STATEMENTS=0 turns it off (for a transaction-mode pooler before PgBouncer 1.21).
 * (The adapter's type asks for a string; it passes the value on as pg's `name`, where undefined
 * means an unnamed statement.)
 */
export function statementNames(max: number): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `hms_${names.size}`;
      names.set(sql, name);
    }
    return name;
  };
}
