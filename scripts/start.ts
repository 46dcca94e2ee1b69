// `npm start` / `npm run dev`: runs the app with no setup. Without DATABASE_URL it starts an embedded
// PostgreSQL (data in .data/pg); it makes and keeps a session secret, applies the migrations (under an
// advisory lock: instances starting together on one database migrate once), checks that the secret is
// the one the database was first started with (lib/server/secret-fingerprint.ts), creates the first
// admin on an empty database, builds whenever the source differs from what was built
// (scripts/build-inputs.ts), then runs the web server and, beside it, the job worker
// (scripts/worker.ts, one process) with the same environment, restarted if it crashes.
//   npm start        scripts/web-server.mjs: the production build in WEB_CONCURRENCY processes
//                    (default one less than the CPU count) with WEB_MAX_HEAP_MB (web-node-flags.mjs)
//   npm run dev      scripts/web-worker.mjs --dev: Next's development server behind the same front as
//                    npm start's (the client address from TRUSTED_PROXIES alike)
// Either is started again whenever it exits unasked (scripts/restart-policy.mjs: 1 s doubling to 30 s,
// back to 1 s after a stable minute), always: only Ctrl-C or SIGTERM stops the launcher: first the web
// server and the worker (which finishes its running jobs), then the embedded database (which runs in
// a process group of its own, so that the terminal's Ctrl-C does not reach it first).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { constants } from "node:os";
import path from "node:path";
import { dropNewerQueueSchema } from "../lib/jobs/queue-schema";
import { createDb } from "../lib/server/db";
import { checkSecretFingerprint } from "../lib/server/secret-fingerprint";
import { ensureLabCatalogue } from "../lib/clinical/lab-catalogue";
import { ensureDrugCatalogue } from "../lib/pharmacy/catalogue";
import { ensureFirstAdmin } from "../lib/staff/bootstrap";
import { firstAdminPasswordFile, readFirstAdminPassword, writeFirstAdminPassword } from "../lib/staff/first-admin-file";
import { reachableFromOtherMachines } from "../lib/setup/checklist";
import { buildInputsHash, recordBuildInputs, staleBuildReason } from "./build-inputs";
import {
  embeddedDatabaseName,
  loadDotEnv,
  persistentSecret,
  root,
  startEmbedded,
  type EmbeddedServer,
} from "./db/embedded";
import { applyMigrations, ensureDatabase, withMigrationLock } from "./db/migrations";
import { insecurePublicUrlWarning } from "./public-url";
import { NEXT_BUILD_ARGS } from "./next-build.mjs";
import { assembleStandalone } from "./standalone.mjs";
import { restartPolicy } from "./restart-policy.mjs";
import { webNodeFlags } from "./web-node-flags.mjs";

const dev = process.argv.includes("--dev");
const next = path.join(root, "node_modules/.bin/next");
/**
 * Run from the standalone output (.next/standalone, as scripts/bundle/start.mjs: the Docker image,
 * or a copy of that directory on a server): the build is made already and there are no sources to
 * build from, the job worker is its bundle too, and there is no embedded database (DATABASE_URL).
 */
const standalone = existsSync(path.join(root, "server.js"));
// Files kept by path from the working directory (.data/first-admin-password) go to the app's
// directory, wherever the command was started from (npm start there does the same).
if (standalone) process.chdir(root);

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
  const command = standalone
    ? [path.join(root, "scripts/bundle/worker.mjs")]
    : [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/worker.ts")];
  worker = spawn(process.execPath, command, { stdio: "inherit", env: process.env, cwd: root });
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

/**
 * Runs a command; resolves with its exit code (128 + n when killed by signal n). With `onReady`, its
 * output passes through the launcher, which calls onReady once after the line that says the server
 * is ready ("Ready on port …", or Next's "✓ Ready in …" in development).
 */
function run(command: string, args: string[], onReady?: () => void): Promise<number> {
  if (interrupted) return Promise.resolve(128 + constants.signals[interrupted]);
  return new Promise((resolve, reject) => {
    child = spawn(command, args, {
      stdio: ["inherit", onReady ? "pipe" : "inherit", "inherit"],
      env: process.env,
      cwd: root,
    });
    if (onReady) {
      let pending = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        process.stdout.write(chunk);
        if (!onReady) return;
        pending = (pending + chunk.toString("utf8")).slice(-4096);
        if (/\bReady (on|in)\b/.test(pending)) {
          const ready = onReady;
          onReady = undefined;
          setImmediate(ready);
        }
      });
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      child = undefined;
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** The first admin's generated password, framed so that it stands out. */
function firstAdminBanner(email: string, password: string): string {
  const line = "=".repeat(72);
  return (
    `\n${line}\nFirst admin: email ${email}  password ${password}\n` +
    `Sign in with it and choose your own password (asked at the first sign-in). Until then it is also\n` +
    `kept in ${path.relative(root, firstAdminPasswordFile()) || firstAdminPasswordFile()} (readable by this user only).\n${line}\n`
  );
}

/**
 * Creates the first admin on an empty database; a generated password is shown, and kept in
 * .data/first-admin-password until the admin has replaced it (the file is deleted then, or here at a
 * later start once that admin no longer has to change it). Returns the banner to show again once the
 * server is ready, while the password is still the generated one.
 */
async function ensureAdmin(databaseUrl: string): Promise<string | null> {
  const prisma = createDb(databaseUrl);
  try {
    const admin = await ensureFirstAdmin(prisma, {
      email: process.env.ADMIN_EMAIL,
      password: process.env.ADMIN_PASSWORD,
    });
    let reminder: string | null = null;
    if (admin.generatedPassword) {
      await writeFirstAdminPassword(admin.email, admin.generatedPassword);
      reminder = firstAdminBanner(admin.email, admin.generatedPassword);
      console.log(reminder);
    } else if (admin.created) {
      console.log(`First admin created: ${admin.email} (password from ADMIN_PASSWORD).`);
    } else {
      const kept = await readFirstAdminPassword();
      if (kept) {
        const user = await prisma.user.findUnique({ where: { email: kept.email }, select: { requiredAction: true } });
        if (user?.requiredAction === "UPDATE_PASSWORD") reminder = firstAdminBanner(kept.email, kept.password);
        else await rm(firstAdminPasswordFile(), { force: true });
      }
    }
    const drugs = await ensureDrugCatalogue(prisma);
    if (drugs) console.log(`Drug catalogue: ${drugs} drugs added.`);
    const labs = await ensureLabCatalogue(prisma);
    if (labs.added) console.log(`Lab catalogue: ${labs.added} tests added.`);
    return reminder;
  } finally {
    await prisma.$disconnect();
  }
}

/** Below "Ready": the printed QR codes' warning, then the first admin's password while it is still the generated one. */
function afterReady(reminder: string | null | undefined, qrWarning: string | null): void {
  if (qrWarning) console.log(qrWarning);
  if (reminder) showReminder(reminder);
}

/** Shows the first admin's password again below "Ready", while it is still the generated one. */
function showReminder(banner: string): void {
  readFirstAdminPassword().then(
    (kept) => {
      if (kept) console.log(banner);
    },
    () => undefined,
  );
}

/** Refuses to start with another NEXTAUTH_SECRET than the one the database was first started with. */
async function checkSecret(databaseUrl: string, secret: string): Promise<void> {
  const prisma = createDb(databaseUrl);
  try {
    await checkSecretFingerprint(prisma, secret);
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
    if (standalone && (dev || !process.env.DATABASE_URL)) {
      throw new Error(
        dev
          ? "npm run dev runs from the repository, not from the standalone output."
          : "Set DATABASE_URL: the standalone server has no embedded database (that comes with npm start in the repository).",
      );
    }
    if (!process.env.DATABASE_URL) {
      embedded = await startEmbedded(Number(process.env.EMBEDDED_PG_PORT ?? 54329));
      process.env.DATABASE_URL = embedded.url(embeddedDatabaseName());
    }
    const databaseUrl = process.env.DATABASE_URL!;
    // Kept in .data so that sessions survive restarts.
    process.env.NEXTAUTH_SECRET ||= await persistentSecret("secret");
    // The public URL: APP_URL's when only it is given, so that sign-in redirects and cookies agree with it.
    process.env.NEXTAUTH_URL ||= process.env.APP_URL || `http://localhost:${port}`;

    await ensureDatabase(databaseUrl);
    const applied = await applyMigrations(databaseUrl);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const droppedJobs = await withMigrationLock(databaseUrl, () => dropNewerQueueSchema(databaseUrl));
    if (droppedJobs !== null)
      console.log(`The job queue's tables were made by a newer pg-boss: made again (${droppedJobs} jobs dropped).`);
    await checkSecret(databaseUrl, process.env.NEXTAUTH_SECRET);
    const reminder = await ensureAdmin(databaseUrl);

    if (!dev && !standalone) {
      // Fingerprinted before building: a file edited during the build makes the next start build again.
      const inputs = await buildInputsHash(root);
      const stale = await staleBuildReason(root, inputs);
      if (stale) {
        console.log(`${stale}: running next build…`);
        const code = await run(next, NEXT_BUILD_ARGS);
        if (code !== 0) return code;
        // npm start serves from the repository, not from .next/standalone: a failure to complete that
        // copy (for the image or another server) is reported and does not stop this start.
        await assembleStandalone(root).catch((err: unknown) =>
          console.error(
            `Warning: the standalone output (.next/standalone) was not completed: ${err instanceof Error ? err.message : err}`,
          ),
        );
        await recordBuildInputs(root, inputs);
      }
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
    const publicUrl = process.env.APP_URL || process.env.NEXTAUTH_URL || `http://localhost:${port}`;
    const qrWarning =
      !dev && !reachableFromOtherMachines(publicUrl)
        ? `Warning: APP_URL is ${publicUrl}. The QR codes printed on prescriptions link there, so they will not open on any other device. Set APP_URL to the address patients and pharmacies can reach.`
        : null;
    const restarts = restartPolicy();
    for (;;) {
      const started = Date.now();
      const code = await run(
        process.execPath,
        web,
        reminder || qrWarning ? () => afterReady(reminder, qrWarning) : undefined,
      );
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
