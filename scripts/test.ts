// `npm test`: every test of the project, ending with one line `N passed, N failed`.
//   0. lint (`npm run lint`): Biome's linter and format check, then the dependency rules
//      (.dependency-cruiser.cjs); each counts as one test (docs/architecture.md, "Rules the build checks")
//   1. unit and integration tests (vitest; integration makes its own fresh database, copied once per
//      worker), while the e2e run's database and production build are made beside them (prepareE2e)
//   2. end-to-end tests (Playwright in Debian's Chromium) against a production build on a fresh,
//      seeded database, with two job workers running and every email caught by an in-process SMTP
//      server (stored as JSON files in E2E_MAILDIR; e2e/fixtures.ts readMails)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/server/db";
import { seedPatient, seedUser } from "../prisma/builders";
import type { Role } from "../lib/generated/prisma/enums";
import { DEMO_PASSWORD, seedDemo } from "../prisma/seed";
import { NEXT_BUILD_ARGS } from "./next-build.mjs";
import { assembleStandalone } from "./standalone.mjs";
import { existingIds, markDemo } from "../lib/demo/service";
import { buildInputsHash, recordBuildInputs, staleBuildReason } from "./build-inputs";
import { startCaptureSmtp } from "../tests/smtp";
import { createTestDatabase } from "../tests/test-db";

const root = path.resolve(import.meta.dirname, "..");
const artifacts = path.join(root, ".test-artifacts");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** One account per role for the French walk, so the shared demo logins stay in English. */
const FRENCH_ACCOUNTS: [string, string, Role][] = [
  ["fr.admin@demo.hospital", "Alain Admin", "ADMIN"],
  ["fr.doctor@demo.hospital", "Dr. Claire Dubois", "DOCTOR"],
  ["fr.nurse@demo.hospital", "Nadia Infirmière", "NURSE"],
  ["fr.pharmacist@demo.hospital", "Pierre Pharmacien", "PHARMACIST"],
  ["fr.records@demo.hospital", "Rose Archives", "RECORDS_OFFICER"],
  ["fr.patient@demo.hospital", "Françoise Lefèvre", "PATIENT"],
  // The data browser's and the report builder's French checks, each with its own admin.
  ["fr.browser@demo.hospital", "Bruno Explorateur", "ADMIN"],
  ["fr.reports@demo.hospital", "Régine Rapports", "ADMIN"],
];

/** `npm run lint`, check by check (package.json's "lint" script runs the same two). */
const LINT_CHECKS: [string, string[]][] = [
  ["biome", ["ci", "--error-on-warnings", "."]],
  ["depcruise", ["--config", ".dependency-cruiser.cjs", "."]],
];

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return r.status ?? 1;
}

/** Like run, but leaves this process's event loop free (the in-process SMTP server must answer meanwhile). */
function runAsync(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Like runAsync, with the command's output (stdout and stderr) written to `log` instead of the terminal. */
function runLogged(cmd: string, args: string[], env: Record<string, string>, log: string): Promise<number> {
  return new Promise((resolve) => {
    const out = openSync(log, "w");
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ["ignore", out, out],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => {
      closeSync(out);
      resolve(code ?? 1);
    });
  });
}

/**
 * Job workers for the e2e run (two, as on a scaled-out deployment); stopped with SIGTERM after it. The
 * first is the standalone output's bundle (what the Docker image's `npm run worker` runs), the others
 * the repository's (npm start's).
 */
function startWorkers(env: Record<string, string>, count = 2): ChildProcess[] {
  return Array.from({ length: count }, (_, i) =>
    spawn(
      process.execPath,
      i === 0
        ? [path.join(root, ".next/standalone/scripts/bundle/worker.mjs")]
        : [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/worker.ts")],
      {
        cwd: i === 0 ? path.join(root, ".next/standalone") : root,
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, ...env },
      },
    ),
  );
}

function stopProcesses(children: ChildProcess[]): Promise<void> {
  return Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once("exit", () => resolve());
          c.kill("SIGTERM");
          setTimeout(() => c.kill("SIGKILL"), 25_000).unref();
        }),
    ),
  ).then(() => undefined);
}

function ensureChromium(): void {
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0)
    throw new Error(`Chromium not found at ${chromium}. Install Debian's package: sudo apt-get install -y chromium`);
  console.log("Installing Chromium from Debian's packages…");
  if (
    run("apt-get", ["update", "-qq"]) !== 0 ||
    run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) !== 0
  ) {
    throw new Error("Could not install Chromium with apt-get");
  }
}

/** A run's counts, and the names of what failed (printed again at the very end, where a log's tail shows them). */
type Counts = { passed: number; failed: number; skipped: number; failures?: string[] };

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, failures: ["vitest wrote no report"] };
  const r = JSON.parse(readFileSync(file, "utf8"));
  // A file that fails to load has no tests but is a failure all the same.
  const brokenFiles = (r.testResults ?? []).filter(
    (f: { status: string; assertionResults: unknown[] }) => f.status === "failed" && f.assertionResults.length === 0,
  ).length;
  const failures: string[] = [];
  for (const f of r.testResults ?? []) {
    const file = path.relative(root, f.name);
    if (f.status === "failed" && f.assertionResults.length === 0) failures.push(`${file}: ${firstLine(f.message)}`);
    for (const a of f.assertionResults)
      if (a.status === "failed") failures.push(`${file} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenFiles,
    skipped: r.numPendingTests + r.numTodoTests,
    failures,
  };
}

const firstLine = (text: unknown) =>
  String(text ?? "")
    // the terminal colours in Playwright's messages
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 300) ?? "";

type PwSpec = {
  title: string;
  file: string;
  line: number;
  tests: { results: { status: string; error?: { message?: string } }[]; status: string }[];
};
type PwSuite = { title: string; specs?: PwSpec[]; suites?: PwSuite[] };

/** Every Playwright test that did not end as expected, as "file:line › title: first line of the error". */
function playwrightFailures(suites: PwSuite[] = [], titles: string[] = []): string[] {
  const out: string[] = [];
  for (const suite of suites) {
    const path_ = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        if (t.status === "unexpected")
          out.push(
            `e2e/${spec.file}:${spec.line} › ${[...path_.slice(1), spec.title].join(" › ")}: ${firstLine(t.results.at(-1)?.error?.message)}`,
          );
    out.push(...playwrightFailures(suite.suites, path_));
  }
  return out;
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, failures: ["Playwright wrote no report"] };
  const report = JSON.parse(readFileSync(file, "utf8"));
  const s = report.stats;
  // Errors outside any test (a server that never started, a broken spec file) count as failures.
  const errors = (report.errors ?? []).map((e: { message?: string }) => `Playwright: ${firstLine(e.message)}`);
  return {
    passed: s.expected + s.flaky,
    failed: s.unexpected + errors.length,
    skipped: s.skipped,
    failures: [...playwrightFailures(report.suites), ...errors],
  };
}

/** What the browser run needs, made while the unit and integration tests run (prepareE2e). */
type E2ePrepared = {
  env: Record<string, string>;
  smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
};

/**
 * A fresh, seeded database and a production build for the browser run. It runs beside vitest
 * (main): the build is mostly CPU and vitest's integration files mostly wait on the database, so the
 * two together take little longer than the longer of them. The build's output goes to
 * .test-artifacts/build.log, shown only when the build fails, so vitest's report stays readable.
 */
async function prepareE2e(): Promise<E2ePrepared> {
  ensureChromium();
  const database = await createTestDatabase("hospital_e2e");
  const maildir = path.join(artifacts, "mail");
  const smtp = await startCaptureSmtp(maildir);
  try {
    const prisma = createDb(database.url);
    const before = await existingIds(prisma);
    await seedDemo(prisma);
    await markDemo(prisma, before);
    // Accounts the e2e specs change or lock out, so the shared demo logins stay usable.
    for (const [email, name] of [
      ["changer@demo.hospital", "Chris Changer"],
      ["leaver@demo.hospital", "Lee Leaver"],
      ["throttled@demo.hospital", "Tess Throttled"],
      ["rotated@demo.hospital", "Rory Rotated"],
    ]) {
      await seedUser(prisma, { email, name, role: "NURSE", password: DEMO_PASSWORD });
    }
    // The French walk (e2e/french.spec.ts) switches these to French, one per role.
    const cardiology = await prisma.department.findUniqueOrThrow({
      where: { name: "Cardiology" },
      select: { id: true },
    });
    for (const [email, name, role] of FRENCH_ACCOUNTS) {
      const user = await seedUser(prisma, {
        email,
        name,
        role,
        password: DEMO_PASSWORD,
        ...(role === "DOCTOR" ? { departmentId: cardiology.id, specialty: "Cardiology" } : {}),
      });
      if (role === "PATIENT")
        await seedPatient(prisma, {
          firstName: "Françoise",
          lastName: "Lefèvre",
          dateOfBirth: "1979-06-21",
          sex: "female",
          email,
          userId: user.id,
        });
    }
    await prisma.$disconnect();
    const env = {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdefghijkl",
      E2E_PORT: process.env.E2E_PORT ?? "3100",
      NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}`,
      // The throttle is proven per account here and per address in the integration tests; every
      // e2e request comes from 127.0.0.1, so the per-address limit is raised for this run.
      LOGIN_MAX_FAILURES_PER_IP: "1000",
      // The specs reuse each role's one sign-in (e2e/auth.setup.ts) for the whole run, which can leave
      // a role unused for longer than the 30-minute idle timeout on a busy machine; the idle timeout
      // is proven in lib/server/session-records.int.test.ts.
      SESSION_IDLE_MINUTES: "720",
      // Mail really goes out over SMTP, to the server above, from both web servers and the workers.
      SMTP_URL: smtp.url,
      E2E_MAILDIR: maildir,
    };
    // Recorded like npm start records it (scripts/build-inputs.ts), so that a later npm start serves this build.
    const inputs = await buildInputsHash(root);
    // E2E_REUSE_BUILD=1 (a developer's rerun, never CI): keep a build made from exactly these sources.
    const reusable =
      process.env.E2E_REUSE_BUILD === "1" &&
      (await staleBuildReason(root, inputs)) === null &&
      existsSync(path.join(root, ".next/standalone/scripts/bundle/start.mjs"));
    if (!reusable) {
      const log = path.join(artifacts, "build.log");
      if ((await runLogged(bin("next"), NEXT_BUILD_ARGS, env, log)) !== 0) {
        process.stdout.write(readFileSync(log, "utf8"));
        throw new Error(`The production build failed (its output above, and in ${path.relative(root, log)})`);
      }
      // The first e2e server runs from the standalone output (playwright.config.ts), as the image does.
      await assembleStandalone(root);
      await recordBuildInputs(root, inputs);
    }
    return { env, smtp, database };
  } catch (err) {
    await smtp.close();
    await database.drop();
    throw err;
  }
}

async function e2e(prepared: E2ePrepared): Promise<Counts> {
  const { env, smtp, database } = prepared;
  let workers: ChildProcess[] = [];
  try {
    workers = startWorkers(env);
    // `npx tsx scripts/test.ts e2e e2e/x.spec.ts …` runs only those specs (the setup project always runs).
    await runAsync(bin("playwright"), ["test", ...process.argv.slice(3)], env);
    return playwrightCounts(path.join(artifacts, "playwright.json"));
  } finally {
    await stopProcesses(workers);
    await smtp.close();
    await database.drop();
  }
}

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(path.join(artifacts, "auth"), { recursive: true });
  const only = process.argv[2]; // "lint", "unit+integration" or "e2e" to run one part
  const totals = { passed: 0, failed: 0, skipped: 0, failures: [] as string[] };
  const add = (c: Counts) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    totals.failures.push(...(c.failures ?? []));
  };
  const failed = (what: string): Counts => ({ passed: 0, failed: 1, skipped: 0, failures: [what] });
  if (only === undefined || only === "lint") {
    for (const [cmd, args] of LINT_CHECKS)
      add(run(bin(cmd), args) === 0 ? { passed: 1, failed: 0, skipped: 0 } : failed(`lint: ${cmd} ${args.join(" ")}`));
  }
  // The browser run's database and build are made while vitest runs (prepareE2e).
  const preparing =
    only === undefined || only === "e2e"
      ? prepareE2e().then(
          (prepared) => ({ prepared }),
          (error: unknown) => ({ error }),
        )
      : undefined;
  if (only === undefined || only === "unit+integration") {
    const out = path.join(artifacts, "vitest.json");
    await runAsync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
    add(vitestCounts(out));
  }
  if (preparing) {
    const ready = await preparing;
    if ("error" in ready) {
      const message = ready.error instanceof Error ? ready.error.message : String(ready.error);
      console.error(message);
      add(failed(`e2e preparation: ${firstLine(message)}`));
    } else {
      try {
        add(await e2e(ready.prepared));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        console.error(message);
        add(failed(`e2e: ${firstLine(message)}`));
      }
    }
  }
  if (totals.failures.length > 0) console.log(`\nFailed:\n${totals.failures.map((f) => `  ✗ ${f}`).join("\n")}`);
  console.log(
    `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
  );
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

void main();
