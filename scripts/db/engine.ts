// Prisma's schema engine, run from its WebAssembly build. `prisma migrate` needs the native engine,
// a binary downloaded from outside npm, which our machines cannot fetch; the wasm build ships on npm.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type { SchemaEngine };

let loaded: Promise<void> | undefined;
let openEngines = 0;
// Timers the engine started. It never clears them (it imports no clearTimeout), and the 10 s ones it
// starts during a migration would keep Node running for 10 s after the work is done.
const engineTimers = new Set<NodeJS.Timeout>();

// The wasm hands a Rust panic's message to this global just before it traps (often in a callback
// where the trap cannot be caught); without the global the message is lost in a TypeError.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    console.error(`Prisma schema engine panicked: ${message}`);
  },
};

// `import "@prisma/schema-engine-wasm"` imports a .wasm file, which Node 20 only allows with
// --experimental-wasm-modules; instantiating the bytes ourselves works under node, tsx and Next.
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    // createRequire rather than import.meta.resolve, which vitest's module runner lacks.
    const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(glue.replace(/\.js$/, ".wasm"));
    // The glue module is the import object; only its setTimeout is swapped to record the timers.
    const imports: WebAssembly.ModuleImports = { ...bg };
    const setTimeoutImport = Object.keys(bg).find((name) => name.startsWith("__wbg_setTimeout_"));
    if (setTimeoutImport) {
      imports[setTimeoutImport] = (callback: () => void, ms: number) => {
        const timer = setTimeout(() => {
          engineTimers.delete(timer);
          callback();
        }, ms >>> 0);
        engineTimers.add(timer);
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

/** Runs `sql` on its own short connection to `url` (CREATE/DROP DATABASE cannot run in a pool transaction). */
async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const charOid = 18;
const textOid = 25;

/**
 * Connects adapter-pg to `url`, adjusted for the engine:
 * - Introspection (of the shadow database, when diffing from migrations) reads catalog columns of
 *   type "char" (OID 18), which adapter-pg refuses ("Column type 'char' could not be deserialized").
 *   The pool reports them as text so that adapter-pg accepts them, and queryRaw then marks them
 *   Character, the type the engine reads them as (as Text, any CHECK constraint, or the NOT NULL
 *   constraints PostgreSQL 18 catalogues, panic the engine). adapter-pg hands the pool's row array
 *   through unchanged, which is how queryRaw finds them; it runs its non-transaction queries
 *   through the pool's query().
 * - executeScript runs a migration script as one query. adapter-pg splits scripts at every ";",
 *   which breaks function bodies ($$ … ; … $$), and literals or comments holding a ";". Without
 *   parameters pg sends the text with the simple query protocol, which takes several statements
 *   and runs them as one implicit transaction (a failed migration leaves nothing half-applied).
 * - `cleanup` runs once, on the first dispose, whether the engine disposes the connection itself or
 *   Engine.close() does at the end.
 */
async function connect(url: string, cleanup: () => Promise<void>): Promise<SqlDriverAdapter> {
  const inner = await new PrismaPg({ connectionString: url }).connect();
  const pool = inner.underlyingDriver();
  const charColumns = new WeakMap<unknown[], number[]>();
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result: pg.QueryResult | pg.QueryResult[] = await query(config);
    // A script of several statements gives one result per statement.
    for (const { fields, rows } of [result].flat()) {
      const indexes = fields.flatMap((field, i) => (field.dataTypeID === charOid ? [i] : []));
      for (const i of indexes) fields[i].dataTypeID = textOid;
      if (indexes.length) charColumns.set(rows, indexes);
    }
    return result;
  }) as typeof pool.query;

  let disposed: Promise<void> | undefined;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async queryRaw(query) {
      const result = await inner.queryRaw(query);
      for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    },
    executeRaw: (query) => inner.executeRaw(query),
    async executeScript(script) {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo(),
    dispose: () => (disposed ??= inner.dispose().then(cleanup)),
  };
}

/**
 * A pg adapter factory whose shadow database is a uniquely named temporary database on the same
 * server. adapter-pg 7.10.1's own connectToShadowDb connects to the main database instead (the
 * connection string overrides its `database` option) and drops the shadow before closing its pool.
 */
function adapterFactory(databaseUrl: string, open: Set<SqlDriverAdapter>): SqlMigrationAwareDriverAdapterFactory {
  const tracked = async (url: string, cleanup?: () => Promise<void>) => {
    const adapter: SqlDriverAdapter = await connect(url, async () => {
      open.delete(adapter);
      await cleanup?.();
    });
    open.add(adapter);
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => tracked(databaseUrl),
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      const shadowUrl = new URL(databaseUrl);
      shadowUrl.pathname = `/${name}`;
      await execute(databaseUrl, `CREATE DATABASE "${name}"`);
      // The pool is closed by the time this runs; FORCE ends any connection the engine still holds.
      return tracked(shadowUrl.toString(), () =>
        execute(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

export interface Engine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection (and shadow database) it left open. */
  close(): Promise<void>;
}

/**
 * Opens a schema engine on `databaseUrl`. `datamodels` are the [path, content] pairs of the Prisma
 * schema files; the engine panics without at least one, even for commands that take their own.
 */
export async function openEngine(databaseUrl: string, datamodels: [string, string][]): Promise<Engine> {
  await loadWasm();
  const open = new Set<SqlDriverAdapter>();
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory(databaseUrl, open));
  // The engine reports progress and tracing through this callback; errors come back as rejections.
  const engine = await bg.SchemaEngine.new({ datamodels }, () => {}, factory);
  openEngines++;
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all([...open].map((adapter) => adapter.dispose()));
      // Once no engine is left, no pending engine timer can matter.
      if (--openEngines === 0) {
        for (const timer of engineTimers) clearTimeout(timer);
        engineTimers.clear();
      }
    },
  };
}
