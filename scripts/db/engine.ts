// Prisma's schema engine, run from its WebAssembly build. `prisma migrate` needs the native engine,
// a binary downloaded from outside npm, which our machines cannot fetch; the wasm build ships on npm.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type { SchemaEngine };

let loaded: Promise<void> | undefined;

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
    const glue = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = await readFile(glue.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

/**
 * Wraps an adapter so that `cleanup` runs once after its first dispose, whoever calls it: the engine
 * disposes some connections itself, and closeEngine() disposes whatever is left.
 */
function withCleanup(inner: SqlDriverAdapter, cleanup: () => Promise<void>): SqlDriverAdapter {
  let disposed: Promise<void> | undefined;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: (query) => inner.executeRaw(query),
    executeScript: (script) => inner.executeScript(script),
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: inner.getConnectionInfo && (() => inner.getConnectionInfo!()),
    dispose: () => (disposed ??= inner.dispose().then(cleanup)),
  };
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

/**
 * Connects adapter-pg to `url`. The engine introspects databases (the shadow database, when diffing
 * from migrations) through catalog columns of type "char" (OID 18), which adapter-pg refuses to map
 * ("Column type 'char' could not be deserialized"); their values are plain strings, so report them
 * as text (OID 25). adapter-pg runs its non-transaction queries through the pool's query().
 */
async function connect(url: string): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg({ connectionString: url }).connect();
  const pool = adapter.underlyingDriver();
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await query(config);
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  }) as typeof pool.query;
  return adapter;
}

/**
 * A pg adapter factory whose shadow database is a uniquely named temporary database on the same
 * server. adapter-pg 7.10.1's own connectToShadowDb connects to the main database instead (the
 * connection string overrides its `database` option) and drops the shadow before closing its pool.
 */
function adapterFactory(databaseUrl: string, open: Set<SqlDriverAdapter>): SqlMigrationAwareDriverAdapterFactory {
  const track = (adapter: SqlDriverAdapter) => {
    open.add(adapter);
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const adapter: SqlDriverAdapter = withCleanup(await connect(databaseUrl), async () => {
        open.delete(adapter);
      });
      return track(adapter);
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      const shadowUrl = new URL(databaseUrl);
      shadowUrl.pathname = `/${name}`;
      await execute(databaseUrl, `CREATE DATABASE "${name}"`);
      const adapter: SqlDriverAdapter = withCleanup(await connect(shadowUrl.toString()), async () => {
        open.delete(adapter);
        // The pool is closed by now; FORCE ends any connection the engine still holds.
        await execute(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
      return track(adapter);
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
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all([...open].map((adapter) => adapter.dispose()));
    },
  };
}
