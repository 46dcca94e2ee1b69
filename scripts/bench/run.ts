// `npm run bench`: patient search at realistic sizes, booking throughput and the doctor's day view,
// through the real HTTP API under load and in-process, with a verdict against the targets.
//
//   npm run bench -- [--only search,booking,dayview,pdf,email,bodies,matching,backup] [--match-patients 1000000] [--sizes 10000,1000000] [--appointments 5000000]
//                    [--duration 12] [--connections 6] [--port 3200] [--runs 200] [--emails 2000] [--build] [--keep]
//
// Patient search (bench-results/patient-search.json):
// For each size: a fresh database (createTestDatabase, migrated like production) seeded with a
// synthetic hospital by set-based SQL, then ANALYZE; listPatients timed in-process over the query
// mix; `next start` on that database, a bearer token for a staff user, and autocannon replaying the
// same mix. Scheduling (bench-results/scheduling.json): see scheduling.ts. Prescription PDF
// (bench-results/prescription-pdf.json): see pdf.ts. Email delivery (bench-results/email-delivery.json):
// see email.ts. Memory under 8 concurrent 50 MB request bodies (bench-results/request-bodies.json): see bodies.ts.
import autocannon from "autocannon";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { applyMigrations, ensureDatabase } from "../db/migrations";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { listPatients } from "../../lib/patients/queries";
import { createDb } from "../../lib/server/db";
import { seedUser } from "../../prisma/builders";
import { createTestDatabase } from "../../tests/test-db";
import { capturingDb, sessionRead, statementCount, withFloor, type FloorScript } from "./capture";
import {
  BENCH_SECRET,
  ensureBuild,
  loadSampler,
  percentiles,
  postgresVersion,
  root,
  round,
  startServer,
  stopServer,
  table as renderTable,
  type Percentiles,
} from "./common";
import { searchMix, type SearchCase } from "./data";
import { figure, rssMonitor, summaryTable, writeResults, type Figure } from "./report";
import { benchPdf } from "./pdf";
import { benchChart } from "./chart";
import { benchEmail } from "./email";
import { benchBodies } from "./bodies";
import { benchMatching } from "./matching";
import { BEFORE as LISTS_BEFORE, benchLists, MAX_RATIO as LISTS_MAX_RATIO } from "./lists";
import { benchBooking, benchDayView, type BookingResult, type DayViewResult } from "./scheduling";
import { seedHospital, type SeedTimings } from "./seed";
import { generateHospital } from "./generate";
import { benchHospital, type HospitalResult } from "./hospital";
import { benchBackup, type BackupBenchResult } from "./backup";

// The bench mints bearer tokens in-process; the server it starts signs with the same secret.
process.env.NEXTAUTH_SECRET = BENCH_SECRET;

const PARTS = [
  "search",
  "bedboard",
  "mixed",
  "booking",
  "dayview",
  "pdf",
  "chart",
  "lists",
  "email",
  "bodies",
  "matching",
  "backup",
] as const;
const { values: args } = parseArgs({
  options: {
    only: { type: "string", default: PARTS.join(",") },
    appointments: { type: "string", default: "5000000" },
    sizes: { type: "string", default: "10000,100000,1000000" },
    data: { type: "string", default: "generate" },
    "mixed-connections": { type: "string", default: "50" },
    "list-patients": { type: "string", default: "20000" },
    "match-patients": { type: "string", default: "1000000" },
    duration: { type: "string", default: "12" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "6" },
    port: { type: "string", default: "3200" },
    runs: { type: "string", default: "200" },
    emails: { type: "string", default: "2000" },
    build: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const only = args.only.split(/[,|]/).map((s) => s.trim());
if (only.some((p) => !(PARTS as readonly string[]).includes(p)))
  throw new Error(`--only: some of ${PARTS.join(",")} (got ${args.only})`);
const APPOINTMENTS = Number(args.appointments.replace(/_/g, ""));
if (!Number.isInteger(APPOINTMENTS) || APPOINTMENTS < 1000)
  throw new Error(`--appointments: a whole number ≥ 1000 (got ${args.appointments})`);
const sizes = args.sizes.split(",").map((s) => Number(s.replace(/_/g, "")));
if (sizes.some((n) => !Number.isInteger(n) || n < 100))
  throw new Error(`--sizes: whole numbers ≥ 100, comma-separated (got ${args.sizes})`);
if (args.data !== "generate" && args.data !== "seed") throw new Error(`--data: generate or seed (got ${args.data})`);
const MIXED_CONNECTIONS = Number(args["mixed-connections"]);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const PORT = Number(args.port);
const RUNS = Number(args.runs);
const EMAIL = "bench@bench.hospital";
const SEARCH_P95_MS = 30;
/** Every figure of the run, for the summary table and bench/results.json. */
const figures: Figure[] = [];
const rss = rssMonitor();
const PASSWORD = "Bench-pass-2026";

type SizeResult = {
  patients: number;
  conditions: number;
  seed: { insertMs: number; indexMs: number; analyzeMs: number };
  server: Percentiles & { runs: number; byKind: Record<string, Percentiles & { runs: number }> };
  http: HttpFigures;
  /** The floor: the statements the route sent for each query of the mix, replayed by floor-server.ts. */
  floor: HttpFigures & { statements: number };
};
type HttpFigures = Percentiles & {
  requests: number;
  reqPerSec: number;
  errors: number;
  non2xx: number;
  durationS: number;
  connections: number;
};

const log = (s: string) => console.log(s);
const searchParams = (c: SearchCase) =>
  new URLSearchParams({ q: c.q, ...(c.condition ? { condition: c.condition } : {}) });

// What parseListQuery makes of `?q=…` (lib/server/api.ts pulls in next-auth, which does not load
// outside Next): first page of 20, sorted by name.
const listArgs = (c: SearchCase) =>
  ({
    q: c.q.trim(),
    page: 1,
    pageSize: 20,
    skip: 0,
    take: 20,
    sort: { field: "lastName", dir: "asc" },
    condition: c.condition,
  }) as const;

/** listPatients alone, as the route calls it, one query of the mix after another. */
async function timeInProcess(url: string, mix: SearchCase[]): Promise<SizeResult["server"]> {
  const prisma = createDb(url);
  try {
    const call = (c: SearchCase) => listPatients(prisma, listArgs(c));
    for (const c of mix.slice(0, 50)) await call(c); // warm the pool and the cache
    const all: number[] = [];
    const byKind = new Map<string, number[]>();
    for (let i = 0; i < RUNS; i++) {
      const c = mix[i % mix.length];
      const t = performance.now();
      await call(c);
      const ms = performance.now() - t;
      all.push(ms);
      byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), ms]);
    }
    return {
      runs: all.length,
      ...percentiles(all),
      byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { runs: v.length, ...percentiles(v) }])),
    };
  } finally {
    await prisma.$disconnect();
  }
}

async function bearerToken(url: string): Promise<string> {
  const prisma = createDb(url);
  try {
    if (!(await prisma.user.findUnique({ where: { email: EMAIL }, select: { id: true } })))
      await seedUser(prisma, { email: EMAIL, name: "Bench Records", role: "RECORDS_OFFICER", password: PASSWORD });
  } finally {
    await prisma.$disconnect();
  }
  const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`POST /api/v1/auth/token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

const searchPath = (c: SearchCase) => `/api/v1/patients?${searchParams(c)}`;

/** autocannon over the mix, one query after another across all connections; latencies per response. */
function load(
  port: number,
  authorization: string,
  mix: SearchCase[],
  seconds: number,
): Promise<{ latencies: number[]; result: autocannon.Result; non2xx: number }> {
  const paths = mix.map(searchPath);
  let next = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { authorization, accept: "application/json" },
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
      },
      (err, result) => (err ? reject(err) : resolve({ latencies, result, non2xx })),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
}

/** Warm-up, then the measured load, against the app (`port`) or its floor (`port` + 1). */
async function loadFigures(port: number, authorization: string, mix: SearchCase[]): Promise<HttpFigures> {
  log(`  warm-up ${WARMUP} s…`);
  await load(port, authorization, mix, WARMUP);
  log(`  load: ${CONNECTIONS} connections for ${DURATION} s…`);
  const { latencies, result, non2xx } = await load(port, authorization, mix, DURATION);
  return {
    ...percentiles(latencies),
    requests: latencies.length,
    reqPerSec: round(latencies.length / result.duration),
    errors: result.errors + result.timeouts,
    non2xx,
    durationS: round(result.duration),
    connections: CONNECTIONS,
  };
}

async function measureHttp(url: string, mix: SearchCase[]): Promise<SizeResult["http"]> {
  const server = await startServer(url, PORT);
  try {
    const token = await bearerToken(url);
    const probe = await fetch(`http://127.0.0.1:${PORT}/api/v1/patients?q=dia`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!probe.ok) throw new Error(`GET /api/v1/patients: ${probe.status} ${await probe.text()}`);
    return await loadFigures(PORT, `Bearer ${token}`, mix);
  } finally {
    await stopServer(server);
  }
}

/**
 * The floor of the search: for each query of the mix, the statements GET /api/v1/patients sends
 * (the session check's user read, then listPatients), captured in-process and replayed through pg
 * behind bare node:http by floor-server.ts, under the same load.
 */
async function measureFloor(url: string, mix: SearchCase[]): Promise<SizeResult["floor"]> {
  const user = await userId(url, EMAIL);
  const cap = capturingDb(url);
  const script: FloorScript = {};
  try {
    for (const c of mix) {
      const key = `${user} ${searchPath(c)}`;
      if (script[key]) continue;
      script[key] = await cap.capture(async (p) => {
        await sessionRead(p, user);
        await listPatients(p, listArgs(c));
      });
    }
  } finally {
    await cap.disconnect();
  }
  const statements = Math.max(...Object.values(script).map(statementCount));
  log(`  floor: ${Object.keys(script).length} captured requests (up to ${statements} statements each)`);
  return withFloor(url, PORT + 1, "search", script, async () => ({
    ...(await loadFigures(PORT + 1, `Bearer ${user}`, mix)),
    statements,
  }));
}

async function userId(url: string, email: string): Promise<string> {
  const prisma = createDb(url);
  try {
    return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  } finally {
    await prisma.$disconnect();
  }
}

/** The hospital: GEN's generator (generate.ts) by default, or the older search-only seed (seed.ts). */
async function makeHospital(url: string, patients: number): Promise<SeedTimings> {
  if (args.data === "seed") return seedHospital(url, patients, log);
  const r = await generateHospital(url, { patients, seed: GEN_SEED, log: (s) => log(`    ${s}`) });
  const rows = (t: string) => r.tables.filter((x) => x.table === t).reduce((n, x) => n + x.rows, 0);
  const insertS = r.tables.reduce((n, x) => n + x.seconds, 0);
  return {
    patients: rows("Patient"),
    conditions: rows("Condition"),
    insertMs: insertS * 1000,
    indexMs: r.indexSeconds * 1000,
    analyzeMs: r.analyzeSeconds * 1000,
  };
}

/** Bed board and mixed workload, run on the largest database of the run (hospital.ts). */
const hospitalResults: HospitalResult[] = [];
/** Backup and restore of the largest database of the run (backup.ts). */
const backupResults: BackupBenchResult[] = [];

const GEN_SEED = 42;

/**
 * With --keep, a generated hospital is named by its size, seed, generator version (a hash of
 * generate.ts and the migrations) and UTC day (generated times count from the day's start), and
 * reused by the next run when it exists with all its patients.
 */
async function keptHospital(patients: number): Promise<{ url: string; reused: boolean; drop: () => Promise<void> }> {
  const hash = createHash("sha1").update(readFileSync(path.join(root, "scripts/bench/generate.ts")));
  for (const f of readdirSync(path.join(root, "prisma/migrations")).sort()) hash.update(f);
  const name = `hospital_bench_gen_${patients}_s${GEN_SEED}_${hash.digest("hex").slice(0, 8)}_${new Date().toISOString().slice(0, 10).replace(/-/g, "")}`;
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
    url.pathname = `/${name}`;
    if (exists) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const n = await client
        .query<{ n: string }>(`SELECT count(*) AS n FROM "Patient"`)
        .then(
          (r) => Number(r.rows[0].n),
          () => -1,
        )
        .finally(() => client.end());
      if (n === patients) return { url: url.toString(), reused: true, drop: async () => {} };
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
  await ensureDatabase(url.toString());
  await applyMigrations(url.toString());
  return { url: url.toString(), reused: false, drop: async () => {} };
}

/**
 * Reads the hospital's tables and indexes into the OS page cache (pg_prewarm, 'read' mode) before
 * it is measured: the steady state of a database server whose memory holds its data (the 1M-patient
 * hospital is 11 GB on a 24 GiB machine). A kept hospital is otherwise read partly from disk —
 * this machine hands cold page cache back (search p95 at 1M: 45 ms cold, 32 ms warm, same code).
 */
async function prewarm(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
    const t = performance.now();
    const { rows } = await client.query<{ blocks: string }>(
      `SELECT coalesce(sum(pg_prewarm(c.oid, 'read')), 0) AS blocks FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')`,
    );
    log(
      `  prewarmed: ${Math.round((Number(rows[0].blocks) * 8) / 1024).toLocaleString("en")} MB read into the page cache in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    log(`  prewarm skipped (${(err as Error).message})`);
  } finally {
    await client.end();
  }
}

async function benchSize(patients: number): Promise<SizeResult | null> {
  log(`\n== ${patients.toLocaleString("en")} patients ==`);
  const kept = args.keep && args.data === "generate" ? await keptHospital(patients) : null;
  const database = kept ?? { ...(await createTestDatabase(`hospital_bench_${patients}`)), reused: false };
  try {
    log(
      `  database ${new URL(database.url).pathname.slice(1)}: ${database.reused ? "reused (kept by an earlier run)" : args.data === "seed" ? "seeding" : "generating (generate.ts)"}…`,
    );
    const seed: SeedTimings = database.reused
      ? { patients, conditions: 0, insertMs: 0, indexMs: 0, analyzeMs: 0 }
      : await makeHospital(database.url, patients);
    await prewarm(database.url);
    const bedboard = only.includes("bedboard");
    const mixed = only.includes("mixed");
    if ((bedboard || mixed) && patients === Math.max(...sizes)) {
      if (args.data === "seed") throw new Error("--only bedboard,mixed need the generated hospital (--data generate)");
      rss.part(mixed ? "mixed" : "bedboard");
      hospitalResults.push(
        await benchHospital(
          database.url,
          { bedboard, mixed },
          {
            port: PORT,
            duration: DURATION,
            warmup: WARMUP,
            connections: CONNECTIONS,
            mixedConnections: MIXED_CONNECTIONS,
            log,
          },
        ),
      );
      rss.part("search");
    }
    if (only.includes("backup") && patients === Math.max(...sizes))
      backupResults.push(await benchBackup(database.url, patients, log));
    if (!only.includes("search")) return null;
    log(
      `  seeded ${seed.patients} patients, ${seed.conditions} conditions (rows ${(seed.insertMs / 1000).toFixed(1)} s, indexes ${(seed.indexMs / 1000).toFixed(1)} s, analyze ${(seed.analyzeMs / 1000).toFixed(1)} s)`,
    );
    const mix = searchMix(patients);
    log(`  in-process: ${RUNS} runs of listPatients…`);
    const server = await timeInProcess(database.url, mix);
    log(`  in-process p50 ${server.p50} ms, p95 ${server.p95} ms`);
    const http = await measureHttp(database.url, mix);
    log(`  HTTP p50 ${http.p50} ms, p95 ${http.p95} ms, ${http.reqPerSec} req/s`);
    const floor = await measureFloor(database.url, mix);
    log(`  floor p50 ${floor.p50} ms, p95 ${floor.p95} ms, ${floor.reqPerSec} req/s`);
    return {
      patients,
      conditions: seed.conditions,
      seed: { insertMs: round(seed.insertMs), indexMs: round(seed.indexMs), analyzeMs: round(seed.analyzeMs) },
      server,
      http,
      floor,
    };
  } finally {
    if (args.keep) log(`  kept: ${database.url}`);
    else await database.drop();
  }
}

function verdict(results: SizeResult[]) {
  const at = (n: number) => results.find((r) => r.patients === n);
  const big = at(1_000_000);
  const small = at(10_000);
  return [
    {
      target: "server-side p95 at 1M patients ≤ 30 ms",
      actual: big ? `${big.server.p95} ms` : "not measured",
      pass: big ? big.server.p95 <= 30 : null,
    },
    {
      target: "HTTP p95 at 1M patients ≤ 2 × HTTP p95 at 10k",
      actual:
        big && small
          ? `${big.http.p95} ms vs 2 × ${small.http.p95} ms (ratio ${round(big.http.p95 / small.http.p95)})`
          : "not measured",
      pass: big && small ? big.http.p95 <= 2 * small.http.p95 : null,
    },
  ];
}

function searchTable(results: SizeResult[]): string {
  const head = [
    "patients",
    "server p50",
    "server p95",
    "server p99",
    "HTTP p50",
    "HTTP p95",
    "HTTP p99",
    "req/s",
    "errors",
    "floor p95",
    "floor req/s",
  ];
  const rows = results.map((r) => [
    r.patients.toLocaleString("en"),
    `${r.server.p50} ms`,
    `${r.server.p95} ms`,
    `${r.server.p99} ms`,
    `${r.http.p50} ms`,
    `${r.http.p95} ms`,
    `${r.http.p99} ms`,
    String(r.http.reqPerSec),
    String(r.http.errors + r.http.non2xx),
    `${r.floor.p95} ms`,
    String(r.floor.reqPerSec),
  ]);
  return renderTable(head, rows);
}

type Check = { target: string; actual: string; pass: boolean | null };
const printChecks = (checks: Check[]) => {
  for (const c of checks)
    console.log(`${c.pass === null ? "SKIP" : c.pass ? "PASS" : "FAIL"}  ${c.target}: ${c.actual}`);
};

async function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model,
    memoryGiB: round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    postgres: await postgresVersion(),
  };
}

function writeResult(name: string, body: Record<string, unknown>) {
  const out = path.join(root, "bench-results", `${name}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(root, out)}`);
}

async function search(): Promise<Check[]> {
  const started = new Date();
  const load = loadSampler();
  const results: SizeResult[] = [];
  for (const n of only.includes("search") ? sizes : [Math.max(...sizes)]) {
    const r = await benchSize(n);
    if (r) results.push(r);
  }
  for (const h of hospitalResults) hospitalFigures(h);
  for (const b of backupResults) {
    const what = `${b.patients.toLocaleString("en")} patients, ${b.rows.toLocaleString("en")} rows, ${(b.bytes / 2 ** 20).toFixed(0)} MB encrypted`;
    figures.push(figure({ figure: `backup time (${what})`, value: b.backupS, unit: "s", target: "–", pass: null }));
    figures.push(
      figure({
        figure: "backup CPU time of the app's process",
        value: b.backupCpuS,
        unit: "s",
        target: "–",
        pass: null,
      }),
    );
    figures.push(
      figure({
        figure: "restore time (verify, migrate, load, check, read back)",
        value: b.restoreS,
        unit: "s",
        target: "–",
        pass: null,
      }),
    );
    figures.push(
      figure({
        figure: "restore CPU time of the app's process",
        value: b.restoreCpuS,
        unit: "s",
        target: "–",
        pass: null,
      }),
    );
  }
  if (!only.includes("search")) return [];
  const checks = verdict(results);
  for (const r of results) {
    const n = r.patients.toLocaleString("en");
    figures.push(
      figure({
        figure: `search p95, ${n} patients (HTTP)`,
        value: r.http.p95,
        unit: "ms",
        floor: r.floor.p95,
        target: r.patients === 1_000_000 ? `≤ ${SEARCH_P95_MS} ms` : "–",
        pass: r.patients === 1_000_000 ? r.http.p95 <= SEARCH_P95_MS && r.http.errors + r.http.non2xx === 0 : null,
      }),
    );
    figures.push(
      figure({
        figure: `search p95, ${n} patients (in-process)`,
        value: r.server.p95,
        unit: "ms",
        target: r.patients === 1_000_000 ? `≤ ${SEARCH_P95_MS} ms` : "–",
        pass: r.patients === 1_000_000 ? r.server.p95 <= SEARCH_P95_MS : null,
      }),
    );
  }
  const big = results.find((r) => r.patients === 1_000_000);
  const small = results.find((r) => r.patients === 10_000);
  figures.push(
    figure({
      figure: "search HTTP p95, 1M ÷ 10k",
      value: big && small ? round(big.http.p95 / small.http.p95) : null,
      unit: "×",
      target: "≤ 2",
      pass: big && small ? big.http.p95 <= 2 * small.http.p95 : null,
    }),
  );
  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.server.byKind)))];
  console.log(
    `\nPatient search (${CONNECTIONS} connections, ${DURATION} s per size; server = listPatients in-process, ${RUNS} runs)\n`,
  );
  console.log(searchTable(results));
  console.log(
    `\nserver p95 by query kind: ${results.map((r) => `\n  ${r.patients.toLocaleString("en")}: ${kinds.map((k) => `${k} ${r.server.byKind[k]?.p95 ?? "–"} ms`).join(", ")}`).join("")}`,
  );
  printChecks(checks);
  writeResult("patient-search", {
    benchmark: "patient-search",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: load.stop() },
    config: {
      sizes,
      durationS: DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      serverRuns: RUNS,
      mix: searchMix(sizes[0]).slice(0, 10),
    },
    results,
    hospital: hospitalResults,
    targets: checks,
  });
  return checks;
}

const DAY_VIEW_TARGET_MS = 50;
const BOOKING_TARGET = 0.5;

async function scheduling(): Promise<Check[]> {
  const started = new Date();
  const load = loadSampler();
  const opts = {
    connections: CONNECTIONS,
    duration: DURATION,
    warmup: WARMUP,
    port: PORT,
    runs: RUNS,
    appointments: APPOINTMENTS,
    keep: args.keep,
    log,
  };
  const booking: BookingResult | null = only.includes("booking") ? await benchBooking(opts) : null;
  const dayView: DayViewResult | null = only.includes("dayview") ? await benchDayView(opts) : null;
  const checks: Check[] = [];
  if (booking) {
    console.log(`\nBooking throughput (${CONNECTIONS} concurrent, ${DURATION} s each; distinct free slots)\n`);
    const row = (name: string, t: BookingResult["floor"]) => [
      name,
      String(t.perSecond),
      `${t.p50} ms`,
      `${t.p95} ms`,
      `${t.p99} ms`,
      String(t.bookings),
      String(t.failures),
      `${Math.round((t.perSecond / booking.floor.perSecond) * 100)} %`,
    ];
    console.log(
      renderTable(
        ["path", "bookings/s", "p50", "p95", "p99", "bookings", "failures", "of floor"],
        [
          row("floor: same SQL, pg + node:http", booking.floor),
          row("write statement alone, pg pool", booking.write),
          row("pg, one INSERT per row", booking.statements),
          row("bookAppointment in-process", booking.inProcess),
          row("HTTP POST /appointments", booking.http),
        ],
      ),
    );
    figures.push(
      figure({
        figure: "booking throughput (HTTP POST /appointments)",
        value: booking.http.perSecond,
        unit: "req/s",
        floor: booking.floor.perSecond,
        target: `≥ ${BOOKING_TARGET} × floor`,
        pass: booking.ratio >= BOOKING_TARGET && booking.http.failures === 0,
      }),
    );
    checks.push({
      target: `HTTP booking throughput ≥ ${BOOKING_TARGET * 100} % of its floor (same SQL through pg behind node:http)`,
      actual: `${booking.http.perSecond} vs ${booking.floor.perSecond} bookings/s (${Math.round(booking.ratio * 100)} %)`,
      pass: booking.ratio >= BOOKING_TARGET && booking.http.failures === 0,
    });
  }
  if (dayView) {
    console.log(
      `\nDoctor day view, ${dayView.appointments.toLocaleString("en")} appointments (${dayView.doctors} doctors; server: ${RUNS} runs each; HTTP: ${CONNECTIONS} connections, ${DURATION} s)\n`,
    );
    const s = dayView.server;
    const h = dayView.http;
    console.log(
      renderTable(
        ["view", "server p50", "server p95", "server p99", "HTTP p50", "HTTP p95", "HTTP p99", "req/s", "errors"],
        [
          [
            "day list (GET /appointments)",
            `${s.list.p50} ms`,
            `${s.list.p95} ms`,
            `${s.list.p99} ms`,
            `${h.list.p50} ms`,
            `${h.list.p95} ms`,
            `${h.list.p99} ms`,
            String(h.list.reqPerSec),
            String(h.list.errors),
          ],
          [
            "slots, 1 day",
            `${s.slots1.p50} ms`,
            `${s.slots1.p95} ms`,
            `${s.slots1.p99} ms`,
            `${h.slots1.p50} ms`,
            `${h.slots1.p95} ms`,
            `${h.slots1.p99} ms`,
            String(h.slots1.reqPerSec),
            String(h.slots1.errors),
          ],
          ["slots, 7 days", `${s.slots7.p50} ms`, `${s.slots7.p95} ms`, `${s.slots7.p99} ms`, "–", "–", "–", "–", "–"],
        ],
      ),
    );
    const big = dayView.appointments >= 5_000_000;
    figures.push(
      figure({
        figure: `day view p95, GET /appointments (HTTP, ${dayView.appointments.toLocaleString("en")} appts)`,
        value: h.list.p95,
        unit: "ms",
        floor: dayView.floor?.list.p95 ?? null,
        target: `≤ ${DAY_VIEW_TARGET_MS} ms`,
        pass: big ? h.list.p95 <= DAY_VIEW_TARGET_MS && h.list.errors === 0 : null,
      }),
    );
    figures.push(
      figure({
        figure: "day view p95, GET /doctors/{id}/slots (HTTP)",
        value: h.slots1.p95,
        unit: "ms",
        floor: dayView.floor?.slots1.p95 ?? null,
        target: `≤ ${DAY_VIEW_TARGET_MS} ms`,
        pass: big ? h.slots1.p95 <= DAY_VIEW_TARGET_MS && h.slots1.errors === 0 : null,
      }),
    );
    const worst = Math.max(s.list.p95, s.slots1.p95, s.slots7.p95);
    checks.push({
      target: `doctor day view server-side p95 ≤ ${DAY_VIEW_TARGET_MS} ms at ${dayView.appointments.toLocaleString("en")} appointments`,
      actual: `list ${s.list.p95} ms, slots 1 day ${s.slots1.p95} ms, 7 days ${s.slots7.p95} ms`,
      pass: dayView.appointments >= 5_000_000 ? worst <= DAY_VIEW_TARGET_MS : null,
    });
    checks.push({
      target: `doctor day view HTTP p95 ≤ ${DAY_VIEW_TARGET_MS} ms (GET /api/v1/appointments, ${CONNECTIONS} connections)`,
      actual: `${h.list.p95} ms`,
      pass: dayView.appointments >= 5_000_000 ? h.list.p95 <= DAY_VIEW_TARGET_MS && h.list.errors === 0 : null,
    });
  }
  printChecks(checks);
  const loadSeen = load.stop();
  console.log(
    `load average during the run: mean ${loadSeen.loadAvg1mMean}, max ${loadSeen.loadAvg1mMax} on ${loadSeen.cpus} cores`,
  );
  writeResult("scheduling", {
    benchmark: "scheduling",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: loadSeen },
    config: {
      parts: only.filter((p) => p !== "search"),
      appointments: APPOINTMENTS,
      durationS: DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      serverRuns: RUNS,
    },
    booking,
    dayView,
    targets: checks,
  });
  return checks;
}

const PDF_TARGET_MS = 30;

/** Prescription PDF (bench-results/prescription-pdf.json): see pdf.ts. */
async function pdf(): Promise<Check[]> {
  const started = new Date();
  const load = loadSampler();
  const r = await benchPdf({ port: PORT, runs: RUNS, keep: args.keep, log });
  console.log(
    `\nPrescription PDF, ${r.lines} lines (${RUNS} runs each; A4 ${r.bytes.A4} bytes, Letter ${r.bytes.LETTER} bytes)\n`,
  );
  const row = (name: string, t: Percentiles) => [name, `${t.p50} ms`, `${t.p95} ms`, `${t.p99} ms`, `${t.max} ms`];
  console.log(
    renderTable(
      ["path", "p50", "p95", "p99", "max"],
      [
        row("renderPrescriptionPdf in-process (read, audit, layout)", r.inProcess.render),
        row("layout alone (buildPrescriptionPdf)", r.inProcess.layout),
        row("HTTP GET /prescriptions/{id}/pdf", r.http),
      ],
    ),
  );
  const checks: Check[] = [
    {
      target: `5-line prescription PDF in-process median < ${PDF_TARGET_MS} ms`,
      actual: `${r.inProcess.render.p50} ms (p95 ${r.inProcess.render.p95} ms); HTTP median ${r.http.p50} ms, p95 ${r.http.p95} ms, ${r.http.failures} failures`,
      pass: r.inProcess.render.p50 < PDF_TARGET_MS && r.http.failures === 0,
    },
  ];
  figures.push(
    figure({
      figure: "PDF median (in-process)",
      value: r.inProcess.render.p50,
      unit: "ms",
      target: `< ${PDF_TARGET_MS} ms`,
      pass: r.inProcess.render.p50 < PDF_TARGET_MS,
    }),
  );
  figures.push(
    figure({
      figure: "PDF median (HTTP GET …/pdf)",
      value: r.http.p50,
      unit: "ms",
      floor: r.floor?.p50 ?? null,
      target: "–",
      pass: r.http.failures === 0 ? null : false,
    }),
  );
  printChecks(checks);
  writeResult("prescription-pdf", {
    benchmark: "prescription-pdf",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: load.stop() },
    config: { runs: RUNS },
    result: r,
    targets: checks,
  });
  return checks;
}

/** One patient's chart with 1,000 encounters of each kind (chart.ts): page p95 under 200 ms. */
async function chart(): Promise<Check[]> {
  const started = new Date();
  const load = loadSampler();
  const r = await benchChart({
    runs: Math.round(RUNS / 2),
    port: PORT,
    keep: args.keep,
    encounters: 1000,
    others: 5000,
    log,
  });
  console.log(`\nPatient chart, ${r.encounters} encounters of each kind (${r.server.runs} sequential runs each)\n`);
  const row = (name: string, p: Percentiles) => [name, `${p.p50} ms`, `${p.p95} ms`, `${p.p99} ms`, `${p.max} ms`];
  console.log(
    renderTable(
      ["read", "p50", "p95", "p99", "max"],
      [
        row("chart reads in-process", r.server),
        row("GET /patients/{id} (page)", r.page),
        row("GET …/history?page=3", r.history),
      ],
    ),
  );
  const checks: Check[] = [
    {
      target: `chart page GET p95 < ${r.target.pageP95Ms} ms with ${r.encounters} encounters of each kind`,
      actual: `${r.page.p95} ms (in-process reads ${r.server.p95} ms)`,
      pass: r.target.pass,
    },
  ];
  figures.push(
    figure({
      figure: `chart page p95 (GET /patients/{id}, ${r.encounters} encounters)`,
      value: r.page.p95,
      unit: "ms",
      floor: r.floor?.page.p95 ?? null,
      target: `< ${r.target.pageP95Ms} ms`,
      pass: r.target.pass,
    }),
  );
  figures.push(
    figure({
      figure: "chart history p95 (GET …/history?page=3)",
      value: r.history.p95,
      unit: "ms",
      floor: r.floor?.history.p95 ?? null,
      target: "–",
      pass: null,
    }),
  );
  printChecks(checks);
  writeResult("chart", {
    benchmark: "chart",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: load.stop() },
    results: r,
    targets: checks,
  });
  return checks;
}

/** Audited list reads (lists.ts): each list's p95 within 20 % of the same list before its audit rows. */
async function lists(): Promise<Check[]> {
  const started = new Date();
  const load = loadSampler();
  const r = await benchLists({
    runs: RUNS * 2,
    patients: Number(args["list-patients"].replace(/_/g, "")),
    keep: args.keep,
    log,
  });
  console.log(
    `\nList reads with their audit rows, ${r.patients.toLocaleString("en")} patients, page of ${r.pageSize} (${RUNS * 2} sequential runs each, in-process)\n`,
  );
  const rows = Object.entries(r.lists).map(([name, p]) => {
    const before = LISTS_BEFORE[name as keyof typeof LISTS_BEFORE];
    return [
      name,
      String(p.rows),
      String(p.auditRows),
      `${p.p50} ms`,
      `${p.p95} ms`,
      before ? `${before} ms` : "–",
      before ? `${round(p.p95 / before)}×` : "–",
    ];
  });
  console.log(renderTable(["list", "rows", "audit rows", "p50", "p95", "p95 before", "ratio"], rows));
  const checks: Check[] = Object.entries(r.lists).map(([name, p]) => {
    const before = LISTS_BEFORE[name as keyof typeof LISTS_BEFORE];
    return {
      target: `${name} list p95 ≤ ${LISTS_MAX_RATIO} × before its audit rows`,
      actual: `${p.p95} ms vs ${before || "–"} ms`,
      pass: before ? p.p95 <= LISTS_MAX_RATIO * before : null,
    };
  });
  for (const [name, p] of Object.entries(r.lists)) {
    const before = LISTS_BEFORE[name as keyof typeof LISTS_BEFORE];
    figures.push(
      figure({
        figure: `list p95, ${name} (in-process, ${p.auditRows} audit rows)`,
        value: p.p95,
        unit: "ms",
        target: before ? `≤ ${LISTS_MAX_RATIO} × ${before} ms (before)` : "–",
        pass: before ? p.p95 <= LISTS_MAX_RATIO * before : null,
      }),
    );
  }
  printChecks(checks);
  writeResult("list-audit", {
    benchmark: "list-audit",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: load.stop() },
    before: LISTS_BEFORE,
    results: r,
    targets: checks,
  });
  return checks;
}

const EMAIL_TARGET_PER_S = 20;

/** Email delivery by one worker (email.ts): emails/s until all are SENT. */
async function email(): Promise<Check[]> {
  const started = new Date();
  const load = loadSampler();
  const r = await benchEmail({ emails: Number(args.emails), keep: args.keep, log });
  const clean = r.received === r.emails && r.duplicates === 0;
  const checks: Check[] = [
    {
      target: `one worker delivers ≥ ${EMAIL_TARGET_PER_S} emails/s to a local SMTP server`,
      actual: `${r.perSecond} emails/s (${r.emails} in ${r.seconds} s, EMAIL_CONCURRENCY ${r.concurrency}; ${r.received} received, ${r.duplicates} duplicates)`,
      pass: r.perSecond >= EMAIL_TARGET_PER_S && clean,
    },
  ];
  figures.push(
    figure({
      figure: `email delivery, one worker (${r.emails} queued, EMAIL_CONCURRENCY ${r.concurrency})`,
      value: r.perSecond,
      unit: "emails/s",
      target: `≥ ${EMAIL_TARGET_PER_S} emails/s`,
      pass: r.perSecond >= EMAIL_TARGET_PER_S && clean,
    }),
  );
  printChecks(checks);
  writeResult("email-delivery", {
    benchmark: "email-delivery",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: load.stop() },
    config: { emails: r.emails },
    result: r,
    targets: checks,
  });
  return checks;
}

const MATCH_P95_MS = 50;

/** One registration matched against the register (matching.ts): p95 ≤ 50 ms in-process. */
async function matching(): Promise<Check[]> {
  const started = new Date();
  const load = loadSampler();
  const r = await benchMatching({
    patients: Number(args["match-patients"].replace(/_/g, "")),
    runs: RUNS * 2,
    keep: args.keep,
    log,
  });
  const pass = r.p95 <= MATCH_P95_MS;
  const checks: Check[] = [
    {
      target: `matching one registration against ${r.patients.toLocaleString("en")} patients p95 ≤ ${MATCH_P95_MS} ms`,
      actual: `p50 ${r.p50} ms, p95 ${r.p95} ms (${r.runs} probes)`,
      pass,
    },
  ];
  figures.push(
    figure({
      figure: `matching p95 (one registration, ${r.patients.toLocaleString("en")} patients)`,
      value: r.p95,
      unit: "ms",
      target: `≤ ${MATCH_P95_MS} ms`,
      pass,
    }),
  );
  printChecks(checks);
  writeResult("patient-matching", {
    benchmark: "patient-matching",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: load.stop() },
    result: r,
    targets: checks,
  });
  return checks;
}

const RSS_TARGET_MB = 400;

/** The server's memory while 8 clients send it 50 MB bodies at once (bodies.ts). */
async function bodies(): Promise<Check[]> {
  const started = new Date();
  const load = loadSampler();
  const r = await benchBodies({ port: PORT, keep: args.keep, log });
  const pass = r.peakMB <= RSS_TARGET_MB;
  const checks: Check[] = [
    {
      target: `server RSS under ${r.clients} concurrent ${r.megabytes} MB bodies ≤ ${RSS_TARGET_MB} MB`,
      actual: `peak ${r.peakMB} MB, ${r.deltaMB} MB above the ${r.baselineMB} MB before (${r.rounds.map((x) => `${x.name}: +${x.deltaMB} MB`).join("; ")})`,
      pass,
    },
  ];
  figures.push(
    figure({
      figure: `memory under ${r.clients} concurrent ${r.megabytes} MB bodies (must stay ≤ ${RSS_TARGET_MB} MB)`,
      value: r.peakMB,
      unit: "MB",
      floor: r.baselineMB,
      target: `≤ ${RSS_TARGET_MB} MB`,
      pass,
    }),
  );
  printChecks(checks);
  writeResult("request-bodies", {
    benchmark: "request-bodies",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: load.stop() },
    result: r,
    targets: checks,
  });
  return checks;
}
// The mixed workload's targets, as shares of the framework's floor measured in the same run (a bare
// Next.js route handler answering {"ok":true}, scripts/bench/next-floor.ts, at the same connections):
// a fixed 1,000 req/s was above what Next.js itself answers on a 2-core machine (~1,300 req/s there).
const MIXED_THROUGHPUT_SHARE = 0.5;
const MIXED_P95_FACTOR = 2;

function hospitalFigures(h: HospitalResult) {
  const n = h.patients.toLocaleString("en");
  if (h.bedboard) {
    const { app, floor } = h.bedboard;
    figures.push(
      figure({
        figure: `bed board p95 (GET /api/v1/beds, a page of 20 of ${h.beds} beds, ${CONNECTIONS} conn.)`,
        value: app.p95,
        unit: "ms",
        floor: floor.p95,
        target: "–",
        pass: app.errors + app.non2xx === 0 && app.requests > 0 ? null : false,
      }),
    );
  }
  if (h.mixed) {
    const { app, floor } = h.mixed;
    // No answer at all within the duration is a failure, not a clean run.
    const clean = app.errors === 0 && app.non2xx === 0 && app.requests > 0;
    const bare = h.nextFloor;
    const enough = bare !== null && bare.requests > 0;
    figures.push(
      figure({
        figure: `mixed throughput (${MIXED_CONNECTIONS} conn., ${n} patients) vs bare Next.js route`,
        value: app.reqPerSec,
        unit: "req/s",
        floor: bare?.reqPerSec ?? null,
        target: `≥ ${MIXED_THROUGHPUT_SHARE} × floor`,
        pass: enough ? app.reqPerSec >= MIXED_THROUGHPUT_SHARE * bare.reqPerSec && clean : null,
      }),
    );
    figures.push(
      figure({
        figure: `mixed p95 (${MIXED_CONNECTIONS} conn.) vs bare Next.js route`,
        value: app.p95,
        unit: "ms",
        floor: bare?.p95 ?? null,
        target: `≤ ${MIXED_P95_FACTOR} × floor`,
        pass: enough ? app.p95 <= MIXED_P95_FACTOR * bare.p95 && clean : null,
      }),
    );
    // The same SQL through pg behind node:http (floor-server.ts): what the database costs, for reference.
    figures.push(
      figure({
        figure: `mixed throughput vs same SQL on node:http (${MIXED_CONNECTIONS} conn.)`,
        value: app.reqPerSec,
        unit: "req/s",
        floor: floor.reqPerSec,
        target: "–",
        pass: null,
      }),
    );
    figures.push(
      figure({
        figure: "mixed errors + non-2xx (409s)",
        value: app.errors + app.non2xx,
        unit: `(409: ${app.conflicts})`,
        floor: floor.errors + floor.non2xx,
        target: "0",
        pass: clean,
      }),
    );
  }
  if (h.patientList) {
    const l = h.patientList;
    figures.push(
      figure({
        figure: `server CPU per request, patient list (GET /api/v1/patients, ${MIXED_CONNECTIONS} conn.) vs bare Next.js route`,
        value: l.cpuMsPerRequest,
        unit: "ms",
        floor: h.nextFloor?.cpuMsPerRequest ?? null,
        target: "–",
        pass: l.errors + l.non2xx === 0 && l.requests > 0 ? null : false,
      }),
    );
  }
  if (h.nextFloor) {
    const b = h.nextFloor;
    figures.push(
      figure({
        figure: `bare Next.js route handler throughput (GET ${"/api/ok"}, ${MIXED_CONNECTIONS} conn.)`,
        value: b.reqPerSec,
        unit: "req/s",
        target: "–",
        pass: b.errors + b.non2xx === 0 && b.requests > 0 ? null : false,
      }),
    );
    figures.push(
      figure({
        figure: "server CPU per request, bare Next.js route handler (the framework's own cost)",
        value: b.cpuMsPerRequest,
        unit: "ms",
        target: "–",
        pass: null,
      }),
    );
  }
  if (h.lightest) {
    // No target: how many requests per second the server answers at the least work per request.
    const { app, floor } = h.lightest;
    figures.push(
      figure({
        figure: `lightest route throughput (GET /api/v1/status, SELECT 1, ${MIXED_CONNECTIONS} conn.)`,
        value: app.reqPerSec,
        unit: "req/s",
        floor: floor.reqPerSec,
        target: "–",
        pass: app.errors + app.non2xx === 0 && app.requests > 0 ? null : false,
      }),
    );
  }
}

async function main() {
  const started = new Date();
  const loadSeen = loadSampler();
  if (only.some((p) => p !== "email" && p !== "lists" && p !== "matching" && p !== "backup"))
    await ensureBuild(args.build, log);
  const checks: Check[] = [];
  const part = async (name: string, run: () => Promise<Check[]>) => {
    rss.part(name);
    checks.push(...(await run()));
  };
  if (only.includes("search") || only.includes("bedboard") || only.includes("mixed") || only.includes("backup"))
    await part("search", search);
  if (only.includes("booking") || only.includes("dayview")) await part("scheduling", scheduling);
  if (only.includes("chart")) await part("chart", chart);
  if (only.includes("lists")) await part("lists", lists);
  if (only.includes("pdf")) await part("pdf", pdf);
  if (only.includes("email")) await part("email", email);
  if (only.includes("bodies")) await part("bodies", bodies);
  if (only.includes("matching")) await part("matching", matching);
  const memory = rss.stop();
  for (const [name, mb] of Object.entries(memory.perPartMB))
    figures.push(
      figure({
        figure: `app server RSS peak, ${name}`,
        value: mb,
        unit: "MB",
        target: `≤ ${RSS_TARGET_MB} MB`,
        pass: mb <= RSS_TARGET_MB,
      }),
    );
  figures.push(
    figure({
      figure: "app server RSS peak, overall",
      value: memory.peakMB,
      unit: "MB",
      target: `≤ ${RSS_TARGET_MB} MB`,
      pass: memory.peakMB === null ? null : memory.peakMB <= RSS_TARGET_MB,
    }),
  );
  const loadAvg = loadSeen.stop();
  console.log(
    `\nSummary (${started.toISOString()}; load average mean ${loadAvg.loadAvg1mMean}, max ${loadAvg.loadAvg1mMax} on ${loadAvg.cpus} cores)\n`,
  );
  console.log(summaryTable(figures));
  const out = path.join(root, "bench/results.json");
  writeResults(out, {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...(await machine()), load: loadAvg },
    settings: {
      parts: only,
      sizes,
      appointments: APPOINTMENTS,
      durationS: DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      runs: RUNS,
      webConcurrency: process.env.WEB_CONCURRENCY ?? `${os.availableParallelism()} (CPU count)`,
    },
    memory,
    figures,
    hospital: hospitalResults,
    backup: backupResults,
  });
  console.log(`\nwritten to ${path.relative(root, out)}`);
  const failed = figures.some((f) => f.pass === false) || checks.some((c) => c.pass === false);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
