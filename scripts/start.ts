// `npm start` / `npm run dev`: runs the app with no setup. Without DATABASE_URL it starts an embedded
// PostgreSQL (data in .data/pg); it makes and keeps a session secret, applies the migrations, creates
// the first admin on an empty database, builds when there is no build, then runs the web server and,
// beside it, the job worker (scripts/worker.ts, one process) with the same environment, restarted if
// it crashes.
//   npm start        scripts/web-server.mjs: the production build in WEB_CONCURRENCY processes
//                    (default one less than the CPU count) with WEB_MAX_HEAP_MB (web-node-flags.mjs)
//   npm run dev      scripts/web-worker.mjs --dev: Next's development server behind the same front as
//                    npm start's (the client address from TRUSTED_PROXIES alike)
// Either is started again whenever it exits unasked (scripts/restart-policy.mjs: 1 s doubling to 30 s,
// back to 1 s after a stable minute), always: only Ctrl-C or SIGTERM stops the launcher, and with it
// the embedded database.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { createDb } from "../lib/server/db";
import { ensureLabCatalogue } from "../lib/clinical/lab-catalogue";
import { ensureDrugCatalogue } from "../lib/pharmacy/catalogue";
import { ensureFirstAdmin } from "../lib/staff/bootstrap";
import { loadDotEnv, persistentSecret, root, startEmbedded, type EmbeddedServer } from "./db/embedded";
import { applyMigrations, ensureDatabase } from "./db/migrations";
import { insecurePublicUrlWarning } from "./public-url";
import { NEXT_BUILD_ARGS } from "./next-build.mjs";
import { restartPolicy } from "./restart-policy.mjs";
import { webNodeFlags } from "./web-node-flags.mjs";

const dev = process.argv.includes("--dev");
const next = path.join(root, "node_modules/.bin/next");

// From the first moment, SIGINT/SIGTERM go to the running server (the web server's primary stops its
// workers); the launcher itself stops only once it has exited, so that the database outlives the app.
let child: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
/** Ends a pause before a restart as soon as a signal comes. */
let wake: (() => void) | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = signal;
    child?.kill(signal);
    worker?.kill(signal);
    wake?.();
  });
}

/** Waits `ms`, or less if a signal comes meanwhile. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

/** Runs the job worker as a child process; restarts it (after a pause) whenever it exits unasked. */
function startWorker(): void {
  if (interrupted || process.env.START_WORKER === "0") return;
  worker = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/worker.ts")], { stdio: "inherit", env: process.env, cwd: root });
  worker.on("exit", (code, signal) => {
    worker = undefined;
    if (interrupted) return;
    console.error(`Worker exited (${signal ?? code}); restarting in 5 s.`);
    setTimeout(startWorker, 5000).unref();
  });
}

/** Stops the worker (it finishes its running jobs first) and waits for it. */
function stopWorker(): Promise<void> {
  const w = worker;
  if (!w) return Promise.resolve();
  interrupted ??= "SIGTERM";
  return new Promise((resolve) => {
    w.once("exit", () => resolve());
    if (w.exitCode === null && w.signalCode === null) w.kill("SIGTERM");
    else resolve();
  });
}

/** Runs a command; resolves with its exit code (128 + n when killed by signal n). */
function run(command: string, args: string[]): Promise<number> {
  if (interrupted) return Promise.resolve(128 + constants.signals[interrupted]);
  return new Promise((resolve, reject) => {
    child = spawn(command, args, { stdio: "inherit", env: process.env, cwd: root });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      child = undefined;
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** Creates the first admin on an empty database, and shows a generated password this one time. */
async function ensureAdmin(databaseUrl: string): Promise<void> {
  const prisma = createDb(databaseUrl);
  try {
    const admin = await ensureFirstAdmin(prisma, { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD });
    if (admin.generatedPassword) {
      const line = "=".repeat(72);
      console.log(`\n${line}\nFirst admin: email ${admin.email}  password ${admin.generatedPassword}`);
      console.log(`— change it after signing in. This password is not shown again.\n${line}\n`);
    } else if (admin.created) {
      console.log(`First admin created: ${admin.email} (password from ADMIN_PASSWORD).`);
    }
    const drugs = await ensureDrugCatalogue(prisma);
    if (drugs) console.log(`Drug catalogue: ${drugs} drugs added.`);
    const labs = await ensureLabCatalogue(prisma);
    if (labs.added) console.log(`Lab catalogue: ${labs.added} tests added.`);
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<number> {
  loadDotEnv();
  const port = process.env.PORT ?? "3000";
  // Nothing may call out to the internet from a hospital's machine.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  let embedded: EmbeddedServer | undefined;
  try {
    if (!process.env.DATABASE_URL) {
      embedded = await startEmbedded(Number(process.env.EMBEDDED_PG_PORT ?? 54329));
      process.env.DATABASE_URL = embedded.url("hospital");
    }
    const databaseUrl = process.env.DATABASE_URL!;
    // Kept in .data so that sessions survive restarts.
    process.env.NEXTAUTH_SECRET ||= await persistentSecret("secret");
    // The public URL: APP_URL's when only it is given, so that sign-in redirects and cookies agree with it.
    process.env.NEXTAUTH_URL ||= process.env.APP_URL || `http://localhost:${port}`;

    await ensureDatabase(databaseUrl);
    const applied = await applyMigrations(databaseUrl);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    await ensureAdmin(databaseUrl);

    if (!dev && !existsSync(path.join(root, ".next/BUILD_ID"))) {
      console.log("No production build yet: running next build…");
      const code = await run(next, NEXT_BUILD_ARGS);
      if (code !== 0) return code;
    }
    // Last before serving, so that it is not lost above the migrations' and the build's output.
    const insecure = insecurePublicUrlWarning(process.env);
    if (insecure && !dev) console.error(insecure);
    startWorker();
    // The web server (in production with its memory limit: scripts/web-node-flags.mjs), started again
    // whenever it exits unasked, whatever its exit code and however soon (a process that outgrew its
    // heap, a crash at start): the database and the job worker stay up meanwhile.
    const web = dev
      ? [path.join(root, "scripts/web-worker.mjs"), "--dev", "-p", port]
      : [...webNodeFlags(), path.join(root, "scripts/web-server.mjs"), "-p", port];
    const restarts = restartPolicy();
    for (;;) {
      const started = Date.now();
      const code = await run(process.execPath, web);
      if (interrupted) return code;
      const delay = restarts.next(Date.now() - started);
      console.error(`Web server exited (${code}); starting it again in ${delay / 1000} s.`);
      await pause(delay);
      if (interrupted) return code;
    }
  } finally {
    await stopWorker();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
