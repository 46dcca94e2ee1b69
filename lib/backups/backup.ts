import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { CHUNK_BYTES, record, sealer, type BackupHeader, type BackupManifest, type TableSummary } from "./format";
import { clock } from "@/lib/server/clock";

// `npm run console -- backup` and the worker's scheduled backup: one consistent snapshot (a single
// REPEATABLE READ, READ ONLY transaction) of every table in the schema "public" (the app's tables,
// _prisma_migrations included), table by table with COPY ... TO STDOUT, gzip, optionally
// AES-256-GCM (lib/backups/format.ts), written to a temporary name and renamed when complete.
// Nothing is held in memory beyond one 64 KiB chunk per stage.

export const BACKUP_PREFIX = "hospital-";
export const BACKUP_SUFFIX = ".backup";

export type BackupResult = { file: string; bytes: number; rows: number; encrypted: boolean; manifest: BackupManifest };

const q = (client: pg.Client, name: string) => client.escapeIdentifier(name);

export async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** `hospital-20261207T020000000Z.backup` (to the millisecond, UTC): names sort by time. */
export function backupFileName(at: Date): string {
  return `${BACKUP_PREFIX}${at.toISOString().replace(/[-:.]/g, "")}${BACKUP_SUFFIX}`;
}

function newlines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** What the snapshot holds: tables and their copied columns (stored generated columns are derived, not copied). */
async function describe(client: pg.Client, createdAt: Date): Promise<BackupHeader> {
  const tables = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    GROUP BY c.relname
    ORDER BY c.relname`);
  if (!tables.rows.some((t) => t.name === "_prisma_migrations"))
    throw new Error("This database has no _prisma_migrations table: it is not the app's database.");
  const migrations = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  const head = await client.query<{ seq: string; hash: string }>(
    `SELECT "lastSeq"::text AS seq, hash FROM "AuditHead" WHERE id = 1`,
  );
  const sequences = await client.query<{ name: string; value: string | null }>(
    `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  const server = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  return {
    format: 1,
    createdAt: createdAt.toISOString(),
    appVersion: await appVersion(),
    serverVersion: server.rows[0].v,
    migrations: migrations.rows.map((m) => m.name),
    auditHead: head.rows[0] ?? { seq: "0", hash: "" },
    tables: tables.rows,
    sequences: sequences.rows,
  };
}

async function* innerStream(
  client: pg.Client,
  header: BackupHeader,
  out: { manifest?: BackupManifest },
): AsyncGenerator<Buffer> {
  const summaries: TableSummary[] = [];
  yield record("H", header);
  for (const table of header.tables) {
    yield record("T", table);
    const hash = createHash("sha256");
    let rows = 0;
    let bytes = 0;
    let pending: Buffer[] = [];
    let size = 0;
    const columns = table.columns.map((c) => q(client, c)).join(", ");
    // COPY sends a message per row: rows are hashed, counted and framed by the 64 KiB batch.
    const flush = () => {
      const data = Buffer.concat(pending, size);
      hash.update(data);
      rows += newlines(data);
      bytes += size;
      pending = [];
      size = 0;
      return record("D", data);
    };
    for await (const chunk of client.query(
      copyTo(`COPY ${q(client, table.name)} (${columns}) TO STDOUT`),
    ) as AsyncIterable<Buffer>) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK_BYTES) yield flush();
    }
    if (size > 0) yield flush();
    summaries.push({ name: table.name, rows, bytes, sha256: hash.digest("hex") });
  }
  out.manifest = {
    ...header,
    finishedAt: clock.now().toISOString(),
    tables: header.tables.map((t) => ({ ...t, ...summaries.find((s) => s.name === t.name)! })),
  };
  yield record("M", out.manifest);
}

/**
 * Writes one backup of the database at `databaseUrl` into `dir` (created if missing). The file
 * appears under its final name only once complete and flushed to disk.
 */
export async function createBackup(opts: {
  databaseUrl: string;
  dir: string;
  key?: string;
  now?: Date;
}): Promise<BackupResult> {
  const createdAt = opts.now ?? clock.now();
  await mkdir(opts.dir, { recursive: true });
  const file = path.resolve(opts.dir, backupFileName(createdAt));
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: opts.databaseUrl, application_name: "hospital-backup" });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A backup of a large hospital may rightly take long: no statement limit from the role's defaults.
    await client.query("SET LOCAL statement_timeout = 0");
    // Each table in its physical order from its first page (not joined to another scan mid-table,
    // lib/backups/restore.ts): two backups of an unchanged database hold their rows alike.
    await client.query("SET LOCAL synchronize_seqscans = off");
    const header = await describe(client, createdAt);
    const out: { manifest?: BackupManifest } = {};
    await pipeline(
      innerStream(client, header, out),
      createGzip({ level: 6 }),
      sealer(opts.key),
      createWriteStream(partial, { flags: "wx", mode: 0o600 }),
    );
    await client.query("COMMIT");
    const manifest = out.manifest!;
    const handle = await open(partial, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
    const bytes = (await stat(file)).size;
    return { file, bytes, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), encrypted: !!opts.key, manifest };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** Keeps the `keep` newest backups in `dir` (by name, which is by time); returns the files deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.startsWith(BACKUP_PREFIX) && n.endsWith(BACKUP_SUFFIX)).sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) await rm(path.join(dir, name), { force: true });
  return old.map((n) => path.join(dir, n));
}
