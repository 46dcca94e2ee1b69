import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "./db";
import type { Columns } from "./rows";

export type AuditAction = "CREATE" | "UPDATE" | "DELETE" | "VIEW" | "LOGIN" | "LOGOUT" | "EXPORT" | "SIGN" | "VERIFY";

export type AuditCtx = { actor: { id: string; role: string } | null; ip: string | null };

type Writer = Pick<Db, "auditEvent">;

export type AuditEventInput = {
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  patientId?: string | null;
  details?: Prisma.InputJsonValue;
};

/** An audit row's values: what audit() writes, and what a hand-written statement inserts (lib/server/rows.ts). */
export function auditRow(ctx: AuditCtx, event: AuditEventInput) {
  return {
    actorId: ctx.actor?.id ?? null,
    actorRole: ctx.actor?.role ?? null,
    ip: ctx.ip,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    patientId: event.patientId ?? null,
    details: event.details,
  };
}
export type AuditRow = ReturnType<typeof auditRow>;
/** The columns of auditRow's row, for insertRows (id, seq and the hash chain are the trigger's). */
export const AUDIT_COLUMNS: Columns<AuditRow> = {
  actorId: "text",
  actorRole: "text",
  ip: "text",
  action: "text",
  entity: "text",
  entityId: "text",
  patientId: "text",
  details: "jsonb",
};

/**
 * Appends one audit event. The database trigger chains it to the previous event (seq, prevHash,
 * hash), so call it inside the same transaction as the change it records.
 */
export async function audit(db: Writer, ctx: AuditCtx, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({ data: auditRow(ctx, event) });
}

/** Rows of a list read: whatever names its patient. */
export type Listed = { patientId: string } | { patient: { id: string } };
const patientOf = (r: Listed) => ("patientId" in r ? r.patientId : r.patient.id);

/**
 * The audit of a list read: one VIEW row per distinct patient whose rows the page shows (with how
 * many it showed), in the order first shown, written by ONE multi-row INSERT. The chain trigger runs
 * per row inside that statement: the first row locks AuditHead, each next row reads the head the
 * row before it just moved, so the rows get consecutive seq values and link one to the next exactly
 * as single inserts do (verifyAuditChain checks it). Nothing shown, nothing written. Call it after
 * the read succeeded, in the read's transaction (auditedRead below).
 */
export async function auditViews(
  db: Pick<Db, "$executeRaw">,
  ctx: AuditCtx,
  event: { entity: string; details?: Record<string, Prisma.InputJsonValue> },
  rows: readonly Listed[],
): Promise<number> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const id = patientOf(r);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  if (counts.size === 0) return 0;
  // One statement with seven parameters whatever the page size (arrays unnested in order): Prisma's
  // createMany sends a parameter per value and costs several times the insert itself (measured:
  // 20 rows 6.2 ms vs 1.0 ms for the INSERT with its chain trigger). jsonb `||` adds the count.
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", "actorRole", ip, action, entity, "patientId", details)
    SELECT ${ctx.actor?.id ?? null}, ${ctx.actor?.role ?? null}, ${ctx.ip}, 'VIEW', ${event.entity}, v.patient_id,
           ${JSON.stringify(event.details ?? {})}::jsonb || jsonb_build_object('list', v.list)
    FROM unnest(${[...counts.keys()]}::text[], ${[...counts.values()]}::int[]) WITH ORDINALITY AS v(patient_id, list, n)
    ORDER BY v.n`;
  return counts.size;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * A read and its audit rows in one transaction: `read` runs first (a refused or failed read writes
 * nothing), then `audit` with what it returned; an audit write that fails takes the read with it,
 * so nothing is shown that was not recorded. `read` gets the transaction's client typed as the
 * whole client (the list queries take a Db; they never open a transaction of their own).
 */
export async function auditedRead<T>(
  prisma: Db,
  read: (tx: Db) => Promise<T>,
  audit: (tx: Writer & Pick<Db, "$executeRaw">, result: T) => Promise<unknown>,
): Promise<T> {
  return prisma.$transaction(async (tx: Tx) => {
    const result = await read(tx as unknown as Db);
    await audit(tx, result);
    return result;
  });
}

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: string; reason: string };

/** Runs one SQL statement without parameters and returns its rows (Prisma's or a pg client's). */
export type RawQuery = (sql: string) => Promise<Record<string, unknown>[]>;

const CHAIN_BREAK_SQL = `
    WITH ordered AS (
      SELECT e.seq, e.hash, e."prevHash",
             audit_event_hash(e."prevHash", e.seq, e.at, e."actorId", e."actorRole", e.action, e.entity,
                              e."entityId", e."patientId", e.ip, e.details) AS recomputed,
             lag(e.seq) OVER (ORDER BY e.seq) AS prev_seq,
             lag(e.hash) OVER (ORDER BY e.seq) AS prev_hash
      FROM "AuditEvent" e
    )
    SELECT seq::text AS seq, CASE
        WHEN recomputed <> hash THEN 'row content does not match its hash (edited)'
        WHEN prev_seq IS NULL AND seq <> 1 THEN 'chain does not start at 1 (rows deleted)'
        WHEN prev_seq IS NOT NULL AND seq <> prev_seq + 1 THEN 'gap in the sequence (rows deleted)'
        WHEN "prevHash" <> coalesce(prev_hash, '') THEN 'link to the previous row is broken'
      END AS reason
    FROM ordered
    WHERE recomputed <> hash
       OR (prev_seq IS NULL AND seq <> 1)
       OR (prev_seq IS NOT NULL AND seq <> prev_seq + 1)
       OR "prevHash" <> coalesce(prev_hash, '')
    ORDER BY seq
    LIMIT 1`;

const CHAIN_TAIL_SQL = `
    SELECT count(*)::text AS count, coalesce(max(seq), 0)::text AS last_seq,
           coalesce((SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1), '') AS last_hash,
           coalesce((SELECT "lastSeq" FROM "AuditHead" WHERE id = 1), 0)::text AS head_seq,
           coalesce((SELECT hash FROM "AuditHead" WHERE id = 1), '') AS head_hash
    FROM "AuditEvent"`;

/**
 * Recomputes the hash chain in PostgreSQL with the same function the trigger uses. Detects an edited
 * row (its hash no longer matches its content), a deleted row (a gap in seq or a broken prevHash link)
 * and rows removed from the end (the head no longer matches the last row).
 */
export async function verifyAuditChain(prisma: Db): Promise<ChainReport> {
  return verifyAuditChainWith((sql) => prisma.$queryRawUnsafe(sql));
}

/** verifyAuditChain over any connection (a restore checks the chain inside its own transaction). */
export async function verifyAuditChainWith(query: RawQuery): Promise<ChainReport> {
  const rows = (await query(CHAIN_BREAK_SQL)) as { seq: string; reason: string }[];
  const [tail] = (await query(CHAIN_TAIL_SQL)) as {
    count: string;
    last_seq: string;
    last_hash: string;
    head_seq: string;
    head_hash: string;
  }[];
  const checked = Number(tail.count);
  if (rows.length > 0) return { ok: false, checked, brokenAtSeq: rows[0].seq, reason: rows[0].reason };
  if (tail.head_seq !== tail.last_seq || tail.head_hash !== tail.last_hash) {
    return { ok: false, checked, brokenAtSeq: tail.last_seq, reason: "the newest rows were removed (head mismatch)" };
  }
  return { ok: true, checked };
}
