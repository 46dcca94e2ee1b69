// `npm test`: every test of the project, ending with one line `N passed, N failed`.
//   1. unit and integration tests (vitest; integration makes its own fresh database)
//   2. end-to-end tests (Playwright in Debian's Chromium) against a production build on a fresh,
//      seeded database
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/server/db";
import { seedUser } from "../prisma/builders";
import { DEMO_PASSWORD, seedDemo } from "../prisma/seed";
import { createTestDatabase } from "../tests/test-db";

const root = path.resolve(import.meta.dirname, "..");
const artifacts = path.join(root, ".test-artifacts");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return r.status ?? 1;
}

function ensureChromium(): void {
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0) throw new Error(`Chromium not found at ${chromium}. Install Debian's package: sudo apt-get install -y chromium`);
  console.log("Installing Chromium from Debian's packages…");
  if (run("apt-get", ["update", "-qq"]) !== 0 || run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) !== 0) {
    throw new Error("Could not install Chromium with apt-get");
  }
}

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, "utf8"));
  // A file that fails to load has no tests but is a failure all the same.
  const brokenFiles = (r.testResults ?? []).filter((f: { status: string; assertionResults: unknown[] }) => f.status === "failed" && f.assertionResults.length === 0).length;
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  const s = report.stats;
  // Errors outside any test (a server that never started, a broken spec file) count as failures.
  return { passed: s.expected + s.flaky, failed: s.unexpected + (report.errors?.length ?? 0), skipped: s.skipped };
}

async function e2e(): Promise<Counts> {
  ensureChromium();
  const database = await createTestDatabase("hospital_e2e");
  try {
    const prisma = createDb(database.url);
    await seedDemo(prisma);
    // Accounts the e2e specs change or lock out, so the shared demo logins stay usable.
    for (const [email, name] of [["changer@demo.hospital", "Chris Changer"], ["leaver@demo.hospital", "Lee Leaver"], ["throttled@demo.hospital", "Tess Throttled"]]) {
      await seedUser(prisma, { email, name, role: "NURSE", password: DEMO_PASSWORD });
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
    };
    if (run(bin("next"), ["build"], env) !== 0) return { passed: 0, failed: 1, skipped: 0 };
    run(bin("playwright"), ["test"], env);
    return playwrightCounts(path.join(artifacts, "playwright.json"));
  } finally {
    await database.drop();
  }
}

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(path.join(artifacts, "auth"), { recursive: true });
  const only = process.argv[2]; // "unit+integration" or "e2e" to run one half
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: Counts) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  };
  if (only !== "e2e") {
    const out = path.join(artifacts, "vitest.json");
    run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
    add(vitestCounts(out));
  }
  if (only !== "unit+integration") {
    try {
      add(await e2e());
    } catch (err) {
      console.error(err instanceof Error ? err.message : err);
      add({ passed: 0, failed: 1, skipped: 0 });
    }
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

void main();
