import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { verifyAuditChainWith } from "@/lib/server/audit";
import { applyMigrations, ensureDatabase, migrationNames } from "../../scripts/db/migrations";
import { BackupFileError, opener, readRecords, type BackupManifest, type InnerRecord } from "./format";

// `npm run console -- restore FILE --database URL`, in two passes over the file:
//  1. verify: decrypt (each chunk's GCM tag), gunzip (CRC), and every table's row count and SHA-256
//     against the manifest, before the target database is touched;
//  2. load, into an EMPTY database only: the repository's migrations up to the backup's level, then
//     in ONE transaction: user triggers disabled (the audit chain's rows go in as they were, not
//     re-chained), foreign keys, keys and indexes dropped, every table COPY'd in, keys, indexes and
//     foreign keys built again (so PostgreSQL checks every key and reference), triggers enabled,
//     sequences set; then the audit chain is
//     verified, and every table read back and compared with the manifest before COMMIT. Any failure
//     rolls the data back (the schema stays: drop and recreate the database before trying again).
// The restoring role owns the tables (it ran the migrations), which is all ALTER TABLE needs: no
// superuser required.

export class RestoreRefused extends Error {
  override name = "RestoreRefused";
}

/**
 * The database `restore --database VALUE` means: a URL as given, or a bare name (hospital_restored):
 * that database on the server of the app's own DATABASE_URL — for a zero-setup hospital, the
 * embedded server `npm start` runs, whose URL (with its generated password in .data) nobody has to
 * type. A database that does not exist yet is created there by the restore.
 */
export function restoreTargetUrl(value: string, appDatabaseUrl: string | undefined): string {
  if (value.includes("://")) return value;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) {
    throw new RestoreRefused(
      `--database takes a URL (postgresql://…) or a database name of lower-case letters, digits and _ (got "${value}").`,
    );
  }
  if (!appDatabaseUrl) {
    throw new RestoreRefused(
      `--database ${value} names a database on the app's own database server, but none is configured and the embedded database is not running: start the app (npm start) in another terminal and run this again, or give a full postgresql:// URL.`,
    );
  }
  const url = new URL(appDatabaseUrl);
  url.pathname = `/${value}`;
  return url.toString();
}

/**
 * The restore transaction's settings. No statement limit (a large hospital rightly takes long), and
 * no synchronized scans: the read-back compares each table's rows, in order, with the file's (one
 * SHA-256 over them), and PostgreSQL lets a scan of a table larger than a quarter of shared_buffers
 * start where an earlier scan of it last reported (here: the foreign-key checks after the load), so
 * the rows came back rotated — the 1M-patient bench restore was refused on Appointment (6M rows)
 * although every row was there. Off, every scan starts at the table's first page, the order the
 * load wrote.
 */
export const RESTORE_SESSION_SETTINGS = ["SET LOCAL statement_timeout = 0", "SET LOCAL synchronize_seqscans = off"];

export type RestoreReport = {
  createdAt: string;
  appVersion: string;
  migrations: number;
  tables: number;
  rows: number;
  auditEvents: number;
};

type Tally = { rows: number; hash: ReturnType<typeof createHash> };

function newlines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** Both passes read the file the same way: decrypted, gunzipped, as records. */
async function readBackup(
  file: string,
  key: string | undefined,
  consume: (records: AsyncGenerator<InnerRecord>) => Promise<void>,
): Promise<void> {
  try {
    await pipeline(createReadStream(file), opener(key), createGunzip(), async (inner: AsyncIterable<Buffer>) =>
      consume(readRecords(inner)),
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") throw new RestoreRefused(`No such file: ${file}`);
    if (code?.startsWith("Z_"))
      throw new BackupFileError(
        `The backup file is damaged (its compressed data is corrupt: ${(error as Error).message}).`,
      );
    throw error;
  }
}

function compare(manifest: BackupManifest, tallies: Map<string, Tally>, what: string): void {
  for (const t of manifest.tables) {
    const got = tallies.get(t.name);
    if (!got) throw new BackupFileError(`${what}: the table ${t.name} is missing.`);
    const sha256 = got.hash.digest("hex");
    if (got.rows !== t.rows)
      throw new BackupFileError(`${what}: ${t.name} has ${got.rows} rows, the manifest says ${t.rows}.`);
    if (sha256 !== t.sha256)
      throw new BackupFileError(
        `${what}: the rows of ${t.name} do not match the manifest's checksum (altered or damaged).`,
      );
  }
  if (tallies.size !== manifest.tables.length)
    throw new BackupFileError(`${what}: the file has tables its manifest does not list (altered).`);
}

/** Pass 1: reads the whole file and checks it against its manifest. Returns the manifest. */
export async function verifyBackupFile(file: string, key: string | undefined): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  await readBackup(file, key, async (records) => {
    const tallies = new Map<string, Tally>();
    let current: Tally | undefined;
    for await (const r of records) {
      if (r.type === "T") {
        if (tallies.has(r.name)) throw new BackupFileError(`The backup file has the table ${r.name} twice (altered).`);
        current = { rows: 0, hash: createHash("sha256") };
        tallies.set(r.name, current);
      } else if (r.type === "D") {
        if (!current) throw new BackupFileError("The backup file is damaged (rows before any table).");
        current.hash.update(r.data);
        current.rows += newlines(r.data);
      } else if (r.type === "M") manifest = r.manifest;
    }
    if (manifest?.format !== 1)
      throw new BackupFileError("The backup file's manifest is missing or of an unknown format.");
    compare(manifest, tallies, "The backup file does not match its manifest");
  });
  return manifest!;
}

/** The backup's schema level must be a prefix of the repository's migrations (an older or equal version). */
async function checkLevel(manifest: BackupManifest): Promise<string> {
  const code = await migrationNames();
  const last = manifest.migrations.at(-1);
  if (!last)
    throw new RestoreRefused("The backup records no applied migration: it is not a backup of this app's database.");
  const unknown = manifest.migrations.filter((m) => !code.includes(m));
  if (unknown.length)
    throw new RestoreRefused(
      `The backup was made by a newer version of the app (app ${manifest.appVersion}; migrations this code does not have: ${unknown.join(", ")}). Restore it with that version or newer.`,
    );
  const expected = code.filter((m) => m <= last);
  if (expected.join() !== manifest.migrations.join())
    throw new RestoreRefused(
      `The backup's migrations are not those of this code up to ${last} (missing: ${expected.filter((m) => !manifest.migrations.includes(m)).join(", ")}).`,
    );
  return last;
}

async function assertEmpty(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === "3D000")
      throw new RestoreRefused(
        `The database in --database does not exist: create it empty first (createdb …). ${(error as Error).message}`,
      );
    throw new RestoreRefused(`Cannot connect to the database in --database: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')`,
    );
    if (rows[0].n > 0)
      throw new RestoreRefused(
        `The database in --database is not empty (${rows[0].n} tables, views or sequences in the schema "public"): a backup is restored only into an empty database.`,
      );
  } finally {
    await client.end();
  }
}

async function tableColumns(client: pg.Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    GROUP BY c.relname`);
  return new Map(rows.map((r) => [r.name, r.columns]));
}

/** Pass 2, in one transaction on `client` (see the top of this file). */
async function load(
  client: pg.Client,
  file: string,
  key: string | undefined,
  manifest: BackupManifest,
  progress: (line: string) => void,
): Promise<void> {
  const q = (name: string) => client.escapeIdentifier(name);
  const target = await tableColumns(client);
  for (const t of manifest.tables) {
    if (target.get(t.name)?.join() !== t.columns.join())
      throw new RestoreRefused(
        `After the migrations, the table ${t.name} does not have the backup's columns: the migrations in prisma/migrations differ from those the backup was made with.`,
      );
  }
  if (target.size !== manifest.tables.length)
    throw new RestoreRefused(
      "After the migrations, the database has tables the backup does not: the migrations differ from those the backup was made with.",
    );
  const tables = [...target.keys()];
  const { rows: fks } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  for (const t of tables) await client.query(`ALTER TABLE ${q(t)} DISABLE TRIGGER USER`);
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${q(fk.name)}`);
  // Indexes are built once after the load, as pg_restore does, not row by row during it: primary
  // keys, unique and exclusion constraints, then every other index, recreated from their definitions.
  const { rows: keys } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype IN ('p', 'u', 'x') AND connamespace = 'public'::regnamespace`,
  );
  for (const k of keys) await client.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT ${q(k.name)}`);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
  );
  for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
  // The migrations' own rows (AuditHead's first row, _prisma_migrations' fresh records) give way to the backup's.
  await client.query(`TRUNCATE ${tables.map(q).join(", ")}`);

  const tallies = new Map<string, Tally>();
  let copy: ReturnType<typeof copyFrom> | undefined;
  let current: Tally | undefined;
  const endCopy = async () => {
    if (!copy) return;
    const done = once(copy, "finish");
    copy.end();
    await done;
    copy = undefined;
  };
  await readBackup(file, key, async (records) => {
    try {
      await loadRecords(records);
    } catch (error) {
      // A COPY left open would hold the connection (and the ROLLBACK after it) forever: fail it.
      if (copy && !copy.destroyed) {
        const failed = once(copy, "close").catch(() => {});
        copy.destroy(error as Error);
        await failed;
      }
      throw error;
    }
  });
  async function loadRecords(records: AsyncGenerator<InnerRecord>): Promise<void> {
    for await (const r of records) {
      if (r.type === "T") {
        await endCopy();
        progress(`  ${r.name}`);
        current = { rows: 0, hash: createHash("sha256") };
        tallies.set(r.name, current);
        copy = client.query(copyFrom(`COPY ${q(r.name)} (${r.columns.map(q).join(", ")}) FROM STDIN`));
        copy.on("error", () => {}); // awaited through once() below
      } else if (r.type === "D" && copy && current) {
        current.hash.update(r.data);
        current.rows += newlines(r.data);
        if (!copy.write(r.data)) await once(copy, "drain");
      } else if (r.type === "M") {
        await endCopy();
        if (r.manifest.finishedAt !== manifest.finishedAt)
          throw new BackupFileError("The backup file changed between its verification and its loading.");
      }
    }
  }
  compare(manifest, tallies, "The backup file changed while it was loaded");

  progress("Building indexes, checking keys and references, setting sequences…");
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const k of keys) await client.query(`ALTER TABLE ${k.tbl} ADD CONSTRAINT ${q(k.name)} ${k.def}`);
  for (const i of indexes) await client.query(i.def);
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${q(fk.name)} ${fk.def}`);
  for (const t of tables) await client.query(`ALTER TABLE ${q(t)} ENABLE TRIGGER USER`);
  for (const s of manifest.sequences)
    if (s.value !== null) await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [q(s.name), s.value]);

  progress("Verifying the audit chain…");
  const chain = await verifyAuditChainWith(async (sql) => (await client.query(sql)).rows);
  if (!chain.ok)
    throw new RestoreRefused(`The restored audit chain is broken at seq ${chain.brokenAtSeq}: ${chain.reason}.`);
  const { rows: head } = await client.query<{ seq: string; hash: string }>(
    `SELECT "lastSeq"::text AS seq, hash FROM "AuditHead" WHERE id = 1`,
  );
  if (head[0]?.seq !== manifest.auditHead.seq || head[0]?.hash !== manifest.auditHead.hash)
    throw new RestoreRefused("The restored audit chain's head is not the backup's.");

  progress("Comparing every table with the manifest…");
  const readBack = new Map<string, Tally>();
  for (const t of manifest.tables) {
    const tally: Tally = { rows: 0, hash: createHash("sha256") };
    for await (const chunk of client.query(
      copyTo(`COPY ${q(t.name)} (${t.columns.map(q).join(", ")}) TO STDOUT`),
    ) as AsyncIterable<Buffer>) {
      tally.hash.update(chunk);
      tally.rows += newlines(chunk);
    }
    readBack.set(t.name, tally);
  }
  compare(manifest, readBack, "The restored database does not match the backup");
}

/** Restores `file` into the empty database at `databaseUrl`. */
export async function restoreBackup(opts: {
  file: string;
  databaseUrl: string;
  key?: string;
  progress?: (line: string) => void;
}): Promise<RestoreReport> {
  const progress = opts.progress ?? (() => {});
  progress(`Verifying ${opts.file}…`);
  const manifest = await verifyBackupFile(opts.file, opts.key);
  const level = await checkLevel(manifest);
  // A missing database is created (where the server lets this role), then must be empty.
  await ensureDatabase(opts.databaseUrl).catch(() => {});
  await assertEmpty(opts.databaseUrl);
  progress(`Applying the migrations up to ${level}…`);
  await applyMigrations(opts.databaseUrl, { upTo: level });
  progress("Loading the tables…");
  const client = new pg.Client({ connectionString: opts.databaseUrl, application_name: "hospital-restore" });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const setting of RESTORE_SESSION_SETTINGS) await client.query(setting);
    await load(client, opts.file, opts.key, manifest, progress);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    const wrapped = new RestoreRefused(
      `${message}\nNothing was restored; the database now holds the empty schema: drop and recreate it before trying again.`,
    );
    throw wrapped;
  } finally {
    await client.end();
  }
  const auditTable = manifest.tables.find((t) => t.name === "AuditEvent");
  return {
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    migrations: manifest.migrations.length,
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    auditEvents: auditTable?.rows ?? 0,
  };
}
