import { listAuditEvents, type AuditRow } from "@/lib/audit/queries";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import type { ListQuery } from "@/lib/server/api";
import type { Db } from "@/lib/server/db";
import { AppError, forbidden, notFound } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { ENTITY_KEYS, entryOf, REGISTRY, type Entry, type EntityKey, type FieldSpec } from "./registry";
import { E } from "@/lib/i18n/error-keys";

type Row = Record<string, unknown>;
type Where = Record<string, unknown>;
/** The few Prisma delegate calls the browser makes, reached by the registry's model name. */
type Delegate = {
  findMany(args: { where?: Where; select: Row; orderBy?: Row[]; skip?: number; take?: number }): Promise<Row[]>;
  findUnique(args: { where: { id: string }; select: Row }): Promise<Row | null>;
  count(args?: { where?: Where }): Promise<number>;
};
const delegate = (prisma: Db, e: Entry) => (prisma as unknown as Record<string, Delegate>)[e.model];

export type RecordLink = { entity: EntityKey; id: string; label: string };
/** A listed or shown record: its scalar values by column, references resolved to labelled links. */
export type BrowsedRecord = {
  id: string;
  label: string;
  values: Record<string, unknown>;
  links: Record<string, RecordLink | null>;
};

const labelSelect = (e: Entry): Row => Object.fromEntries([["id", true], ...e.label.map((k) => [k, true])]);
export function labelOf(e: Entry, r: Row): string {
  const parts = e.label.map((k) => r[k]).filter((v) => v !== null && v !== undefined && v !== "");
  return (
    parts.map((v) => (v instanceof Date ? v.toISOString().slice(0, 16).replace("T", " ") : String(v))).join(" · ") ||
    String(r.id)
  );
}

/** One select for the given columns: each reference brings its target's label columns along (no query per row). */
function selectFor(e: Entry, names: string[]): Row {
  const select: Row = { id: true };
  for (const k of e.label) select[k] = true;
  for (const name of names) {
    const spec = e.fields.find((x) => x.name === name);
    if (!spec) continue;
    select[name] = true;
    const target = spec.ref ? REGISTRY.get(spec.ref) : undefined;
    if (spec.relation && target) select[spec.relation] = { select: labelSelect(target) };
  }
  return select;
}

function toRecord(e: Entry, names: string[], r: Row): BrowsedRecord {
  const values: Record<string, unknown> = {};
  const links: Record<string, RecordLink | null> = {};
  for (const name of names) {
    const spec = e.fields.find((x) => x.name === name) as FieldSpec;
    values[name] = r[name] instanceof Date ? (r[name] as Date).toISOString() : (r[name] ?? null);
    if (spec.kind === "ref" && spec.ref && spec.relation) {
      const target = REGISTRY.get(spec.ref)!;
      const rel = r[spec.relation] as Row | null;
      links[name] = rel ? { entity: spec.ref, id: String(rel.id), label: labelOf(target, rel) } : null;
    }
  }
  return { id: String(r.id), label: labelOf(e, r), values, links };
}

export type ListFilters = Record<string, string | undefined>;

/** The list's filters from query values: enum and reference values as given, booleans from "true"/"false"; unknown ones ignored. */
export function whereOf(e: Entry, q: string, filters: ListFilters): Where {
  const where: Where = {};
  for (const spec of e.filters) {
    const v = filters[spec.name];
    if (!v) continue;
    if (spec.kind === "bool") where[spec.name] = v === "true";
    else if (spec.kind === "enum" ? spec.options.includes(v) : true) where[spec.name] = v;
  }
  if (q && e.search.fields.length > 0)
    where.OR = e.search.fields.map((k) => ({ [k]: { [e.search.mode]: q, mode: "insensitive" } }));
  return where;
}

/**
 * A page of one entity: the entry's list columns only, its filters and free-text search, a sortable
 * column then the id. A page of chart data writes one VIEW row per patient shown, in the read's
 * transaction.
 */
export async function listRecords(
  prisma: Db,
  ctx: Ctx,
  e: Entry,
  query: ListQuery<string>,
  filters: ListFilters,
): Promise<{ items: BrowsedRecord[]; total: number }> {
  const where = whereOf(e, query.q, filters);
  const select = selectFor(e, e.columns);
  const parent = PARENT_OF[e.model];
  if (e.chart && parent)
    select[parent] = {
      select: { ...((select[parent] as { select?: Row } | undefined)?.select ?? { id: true }), patientId: true },
    };
  else if (e.chart && e.model !== "patient") select.patientId = true;
  const read = (db: Db) => {
    const d = delegate(db, e);
    return Promise.all([
      d.findMany({
        where,
        select,
        orderBy: [{ [query.sort.field]: query.sort.dir }, { id: "asc" }],
        skip: query.skip,
        take: query.take,
      }),
      d.count({ where }),
    ]);
  };
  const patientOf = (r: Row) =>
    e.model === "patient" ? String(r.id) : parent ? String((r[parent] as Row).patientId) : String(r.patientId);
  const [rows, total] = e.chart
    ? await auditedRead(prisma, read, (tx, [rows]) =>
        auditViews(
          tx,
          ctx,
          { entity: e.audit?.entity ?? e.model, details: { via: "data-browser", record: e.key } },
          rows.map((r) => ({ patientId: patientOf(r) })),
        ),
      )
    : await read(prisma);
  return { items: rows.map((r) => toRecord(e, e.columns, r)), total };
}

/** One record with every browsable column; reading chart data is audited as a VIEW of its patient. */
export async function getRecord(prisma: Db, ctx: Ctx, e: Entry, id: string): Promise<BrowsedRecord> {
  const names = e.fields.map((x) => x.name);
  const select = selectFor(e, names);
  const parent = PARENT_OF[e.model];
  if (parent)
    select[parent] = {
      select: { ...((select[parent] as { select?: Row } | undefined)?.select ?? { id: true }), patientId: true },
    };
  const row = await delegate(prisma, e).findUnique({ where: { id }, select });
  if (!row) throw notFound("record");
  const record = toRecord(e, names, row);
  if (e.chart) {
    const patientId =
      e.model === "patient" ? id : parent ? String((row[parent] as Row).patientId) : String(row.patientId);
    await audit(prisma, ctx, {
      action: "VIEW",
      entity: e.audit?.entity ?? e.model,
      entityId: auditIdOf(e, record),
      patientId,
      details: { via: "data-browser", record: e.key, id },
    });
  }
  return record;
}

// Diagnoses and lab results reach their patient through their parent record.
const PARENT_OF: Record<string, string> = { diagnosis: "consultation", labResult: "order" };

const auditIdOf = (e: Entry, record: BrowsedRecord) =>
  e.audit?.idField ? String(record.values[e.audit.idField] ?? "") : record.id;

/** The record's audit trail, newest first, with actor names: events written under the entity's audit name for this record. */
export async function recordHistory(
  prisma: Db,
  e: Entry,
  record: BrowsedRecord,
  page: Pick<ListQuery<string>, "skip" | "take">,
): Promise<{ items: AuditRow[]; total: number }> {
  if (!e.audit) return { items: [], total: 0 };
  const entityId = auditIdOf(e, record);
  if (!entityId) return { items: [], total: 0 };
  return listAuditEvents(prisma, { entity: e.audit.entity, entityId }, page);
}

/** Below this many rows (by PostgreSQL's estimate) a table is counted exactly; above, the estimate is shown as "about". */
export const EXACT_COUNT_BELOW = 10_000;

/** The table behind a model (the schema maps none: model `labTest` is table "LabTest"). */
export const tableOf = (model: string) => model[0].toUpperCase() + model.slice(1);

/**
 * The entities this role may read, with how many records each holds. One query reads PostgreSQL's
 * row estimates (`pg_class.reltuples`, kept by autovacuum's ANALYZE) for all their tables; only the
 * tables estimated small, or never analysed (-1), are counted exactly, so a million-patient table
 * costs no scan. `estimated` marks the counts to show as "about".
 */
export async function entityCounts(
  prisma: Db,
  ctx: Ctx,
): Promise<{ key: EntityKey; count: number; estimated: boolean }[]> {
  const visible = ENTITY_KEYS.map((k) => REGISTRY.get(k)!).filter((e) => can(ctx.actor.role, e.permission));
  const tables = visible.map((e) => tableOf(e.model));
  const rows = await prisma.$queryRaw<{ relname: string; estimate: number }[]>`
    SELECT c.relname, c.reltuples::float8 AS estimate
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = ANY(${tables}::text[])`;
  const estimates = new Map(rows.map((r) => [r.relname, Number(r.estimate)]));
  const exact = await Promise.all(
    visible.map((e) => {
      const estimate = estimates.get(tableOf(e.model)) ?? -1;
      return estimate < 0 || estimate < EXACT_COUNT_BELOW ? delegate(prisma, e).count() : null;
    }),
  );
  return visible.map((e, i) => {
    const n = exact[i];
    return n === null
      ? { key: e.key, count: Math.round(estimates.get(tableOf(e.model))!), estimated: true }
      : { key: e.key, count: n, estimated: false };
  });
}

/** Choices for a reference field of the edit form (departments and the like: tens of rows). */
export async function refOptions(prisma: Db, key: EntityKey): Promise<{ value: string; label: string }[]> {
  const e = REGISTRY.get(key)!;
  const rows = await delegate(prisma, e).findMany({
    select: labelSelect(e),
    orderBy: [{ [e.label[0]]: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({ value: String(r.id), label: labelOf(e, r) }));
}

/** A record's label for a filter chip ("Patient: Amara Bello"); null when it does not exist. */
export async function recordLabel(prisma: Db, key: EntityKey, id: string): Promise<string | null> {
  const e = REGISTRY.get(key)!;
  const row = await delegate(prisma, e).findUnique({ where: { id }, select: labelSelect(e) });
  return row ? labelOf(e, row) : null;
}

/** The entry for a browser request: it must exist and the caller must hold its read permission (the browser's own is checked at the door). */
export function browsable(ctx: Ctx, key: string): Entry {
  const e = entryOf(key);
  if (!e) throw new AppError("NOT_FOUND", E.databrowser.errors.unknownEntity);
  if (!can(ctx.actor.role, e.permission)) throw forbidden();
  return e;
}
