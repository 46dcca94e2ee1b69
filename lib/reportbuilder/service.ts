import type { Prisma } from "@/lib/generated/prisma/client";
import { catalog, type Locale } from "@/lib/i18n";
import { audit } from "@/lib/server/audit";
import { toCsv } from "@/lib/server/csv";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { forbidden } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import {
  ENTITIES,
  ENTITY_NAMES,
  GRANULARITIES,
  OPERATORS_BY_TYPE,
  type Field,
  isGroupable,
  isNumeric,
} from "./entities";
import { type Column, compile } from "./compile";
import { CSV_MAX_ROWS, type ReportSpec } from "./spec";
import { clock } from "@/lib/server/clock";

// Running a report: the permission, one audit event per run (the spec, never the results), then the
// compiled SQL inside a READ ONLY transaction with a statement timeout.

export type ReportRow = Record<string, string | number | null>;
export type ReportResult = { columns: Column[]; items: ReportRow[]; total: number; page: number; pageSize: number };

type Tx = Prisma.TransactionClient;

/** Runs fn in a transaction that cannot write and gives up after 5 s per statement. */
export function readOnly<T>(prisma: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      await tx.$executeRaw`SET LOCAL statement_timeout = 5000`;
      return fn(tx);
    },
    { timeout: 15_000 },
  );
}

function authorizeRun(ctx: Ctx) {
  if (!can(ctx.actor.role, "report.build")) throw forbidden();
}

/** What was read, audited after it was read: a refused or failed run (a timeout, say) read nothing. */
async function auditRun(
  prisma: Db,
  ctx: Ctx,
  spec: ReportSpec,
  kind: "VIEW" | "EXPORT",
  read: { total: number; returned: number },
) {
  const { page, pageSize, ...rest } = spec;
  const details = (
    kind === "VIEW" ? { ...rest, page, pageSize, ...read } : { ...rest, ...read }
  ) as Prisma.InputJsonValue;
  await audit(prisma, ctx, { action: kind, entity: "ReportBuilder", details });
}

const toRow = (columns: Column[], raw: Record<string, unknown>): ReportRow =>
  Object.fromEntries(
    columns.map((c, i) => {
      const v = raw[`c${i}`];
      return [
        c.key,
        v === null || v === undefined ? null : typeof v === "bigint" || typeof v === "number" ? Number(v) : String(v),
      ];
    }),
  );

/** One page of the report, with the total number of rows. */
export async function runReport(prisma: Db, ctx: Ctx, spec: ReportSpec): Promise<ReportResult> {
  authorizeRun(ctx);
  const c = compile(spec, env().HOSPITAL_TIMEZONE);
  const result = await readOnly(prisma, async (tx) => {
    const [{ n }] = await tx.$queryRaw<{ n: number }[]>(c.count);
    const rows = await tx.$queryRaw<Record<string, unknown>[]>(c.page(spec.pageSize, (spec.page - 1) * spec.pageSize));
    return {
      columns: c.columns,
      items: rows.map((r) => toRow(c.columns, r)),
      total: Number(n),
      page: spec.page,
      pageSize: spec.pageSize,
    };
  });
  await auditRun(prisma, ctx, spec, "VIEW", { total: result.total, returned: result.items.length });
  return result;
}

/** A column's heading as the builder's table shows it, in the reader's language ("Admitted (month)"). */
export function columnHeading(c: Column, locale: Locale): string {
  const m = catalog(locale).reportbuilder;
  const fields = m.fields as Record<string, string>;
  if (c.fn === "count") return m.aggregateLabel.count;
  if (c.fn) return m.aggregateLabel[c.fn](fields[c.field!] ?? c.field!);
  if (c.granularity) return `${fields[c.field!] ?? c.field} (${m.granularities[c.granularity]})`;
  return fields[c.key] ?? c.key;
}

/** The whole report as CSV (at most CSV_MAX_ROWS rows), headed as the table is, in the reader's language. */
export async function reportCsv(
  prisma: Db,
  ctx: Ctx,
  spec: ReportSpec,
  locale: Locale = "en",
): Promise<{ body: string; filename: string; rows: number; total: number }> {
  authorizeRun(ctx);
  const c = compile(spec, env().HOSPITAL_TIMEZONE);
  const { rows, total } = await readOnly(prisma, async (tx) => {
    const [{ n }] = await tx.$queryRaw<{ n: number }[]>(c.count);
    return { total: Number(n), rows: await tx.$queryRaw<Record<string, unknown>[]>(c.page(CSV_MAX_ROWS, 0)) };
  });
  await auditRun(prisma, ctx, spec, "EXPORT", { total, returned: rows.length });
  const body = toCsv([
    c.columns.map((x) => columnHeading(x, locale)),
    ...rows.map((r) => Object.values(toRow(c.columns, r))),
  ]);
  return {
    body,
    filename: `report-${spec.entity}-${clock.now().toISOString().slice(0, 10)}`,
    rows: rows.length,
    total,
  };
}

export type FieldInfo = {
  key: string;
  type: Field["type"];
  values?: readonly string[];
  operators: readonly string[];
  column: true;
  group: boolean;
  granularities?: readonly string[];
  aggregate: boolean;
};
export type EntityInfo = { entity: string; fields: FieldInfo[]; defaultColumns: readonly string[] };

/** The allow-list as data, for clients building their own UI. */
export function entityCatalog(): EntityInfo[] {
  return ENTITY_NAMES.map((entity) => ({
    entity,
    defaultColumns: ENTITIES[entity].defaultColumns,
    fields: Object.entries(ENTITIES[entity].fields as Record<string, Field>).map(([key, f]) => ({
      key,
      type: f.type,
      ...(f.values ? { values: f.values } : {}),
      operators: OPERATORS_BY_TYPE[f.type],
      column: true as const,
      group: isGroupable(f),
      ...(f.type === "date" ? { granularities: GRANULARITIES } : {}),
      aggregate: isNumeric(f),
    })),
  }));
}
