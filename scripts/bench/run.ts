// `npm run bench`: patient search at realistic sizes, through the real HTTP API under load and
// in-process (the query alone), with a verdict against the targets.
//
//   npm run bench -- [--sizes 10000,1000000] [--duration 12] [--connections 6] [--port 3200]
//                    [--runs 200] [--build] [--keep]
//
// For each size: a fresh database (createTestDatabase, migrated like production) seeded with a
// synthetic hospital by set-based SQL, then ANALYZE; listPatients timed in-process over the query
// mix; `next start` on that database, a bearer token for a staff user, and autocannon replaying the
// same mix. Results: a table on stdout and bench-results/patient-search.json.
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { listPatients } from "../../lib/patients/queries";
import { createDb } from "../../lib/server/db";
import { seedUser } from "../../prisma/builders";
import { createTestDatabase } from "../../tests/test-db";
import { searchMix, type SearchCase } from "./data";
import { seedHospital, type SeedTimings } from "./seed";

const root = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,1000000" },
    duration: { type: "string", default: "12" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "6" },
    port: { type: "string", default: "3200" },
    runs: { type: "string", default: "200" },
    build: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const sizes = args.sizes.split(",").map((s) => Number(s.replace(/_/g, "")));
if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--sizes: whole numbers ≥ 100, comma-separated (got ${args.sizes})`);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const PORT = Number(args.port);
const RUNS = Number(args.runs);
const EMAIL = "bench@bench.hospital";
const PASSWORD = "Bench-pass-2026";

type Percentiles = { p50: number; p95: number; p99: number; mean: number; max: number };
type SizeResult = {
  patients: number;
  conditions: number;
  seed: { insertMs: number; indexMs: number; analyzeMs: number };
  server: Percentiles & { runs: number; byKind: Record<string, Percentiles & { runs: number }> };
  http: Percentiles & { requests: number; reqPerSec: number; errors: number; non2xx: number; durationS: number; connections: number };
};

const round = (n: number) => Math.round(n * 100) / 100;
function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), mean: round(s.reduce((a, b) => a + b, 0) / s.length), max: round(s[s.length - 1]) };
}

const log = (s: string) => console.log(s);
const searchParams = (c: SearchCase) => new URLSearchParams({ q: c.q, ...(c.condition ? { condition: c.condition } : {}) });

/** listPatients alone, as the route calls it, one query of the mix after another. */
async function timeInProcess(url: string, mix: SearchCase[]): Promise<SizeResult["server"]> {
  const prisma = createDb(url);
  try {
    // What parseListQuery makes of `?q=…` (lib/server/api.ts pulls in next-auth, which does not load
    // outside Next): first page of 20, sorted by name.
    const call = (c: SearchCase) =>
      listPatients(prisma, { q: c.q.trim(), page: 1, pageSize: 20, skip: 0, take: 20, sort: { field: "lastName", dir: "asc" }, condition: c.condition });
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
    return { runs: all.length, ...percentiles(all), byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { runs: v.length, ...percentiles(v) }])) };
  } finally {
    await prisma.$disconnect();
  }
}

function ensureBuild() {
  if (!args.build && existsSync(path.join(root, ".next/BUILD_ID"))) return;
  log("Building the app (next build)…");
  const r = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

async function startServer(url: string): Promise<ChildProcess> {
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stopping it stops next's workers too
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "bench-secret-0123456789abcdefghijkl",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
    },
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/status`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopServer(child);
  throw new Error(`next start did not answer on port ${PORT} within 60 s (is the port taken? use --port):\n${output}`);
}

function stopServer(child: ChildProcess) {
  if (child.exitCode === null && child.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
}

async function bearerToken(url: string): Promise<string> {
  const prisma = createDb(url);
  try {
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

/** autocannon over the mix, one query after another across all connections; latencies per response. */
function load(token: string, mix: SearchCase[], seconds: number): Promise<{ latencies: number[]; result: autocannon.Result; non2xx: number }> {
  const paths = mix.map((c) => `/api/v1/patients?${searchParams(c)}`);
  let next = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${PORT}`,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
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

async function measureHttp(url: string, mix: SearchCase[]): Promise<SizeResult["http"]> {
  const server = await startServer(url);
  try {
    const token = await bearerToken(url);
    const probe = await fetch(`http://127.0.0.1:${PORT}/api/v1/patients?q=dia`, { headers: { authorization: `Bearer ${token}` } });
    if (!probe.ok) throw new Error(`GET /api/v1/patients: ${probe.status} ${await probe.text()}`);
    log(`  warm-up ${WARMUP} s…`);
    await load(token, mix, WARMUP);
    log(`  load: ${CONNECTIONS} connections for ${DURATION} s…`);
    const { latencies, result, non2xx } = await load(token, mix, DURATION);
    return {
      ...percentiles(latencies),
      requests: latencies.length,
      reqPerSec: round(latencies.length / result.duration),
      errors: result.errors + result.timeouts,
      non2xx,
      durationS: round(result.duration),
      connections: CONNECTIONS,
    };
  } finally {
    stopServer(server);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function benchSize(patients: number): Promise<SizeResult> {
  log(`\n== ${patients.toLocaleString("en")} patients ==`);
  const database = await createTestDatabase(`hospital_bench_${patients}`);
  try {
    log(`  database ${new URL(database.url).pathname.slice(1)}: seeding…`);
    const seed: SeedTimings = await seedHospital(database.url, patients, log);
    log(`  seeded ${seed.patients} patients, ${seed.conditions} conditions (rows ${(seed.insertMs / 1000).toFixed(1)} s, indexes ${(seed.indexMs / 1000).toFixed(1)} s, analyze ${(seed.analyzeMs / 1000).toFixed(1)} s)`);
    const mix = searchMix(patients);
    log(`  in-process: ${RUNS} runs of listPatients…`);
    const server = await timeInProcess(database.url, mix);
    log(`  in-process p50 ${server.p50} ms, p95 ${server.p95} ms`);
    const http = await measureHttp(database.url, mix);
    log(`  HTTP p50 ${http.p50} ms, p95 ${http.p95} ms, ${http.reqPerSec} req/s`);
    return { patients, conditions: seed.conditions, seed: { insertMs: round(seed.insertMs), indexMs: round(seed.indexMs), analyzeMs: round(seed.analyzeMs) }, server, http };
  } finally {
    if (args.keep) log(`  kept: ${database.url}`);
    else await database.drop();
  }
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("SHOW server_version")).rows[0].v;
  } finally {
    await client.end();
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
      actual: big && small ? `${big.http.p95} ms vs 2 × ${small.http.p95} ms (ratio ${round(big.http.p95 / small.http.p95)})` : "not measured",
      pass: big && small ? big.http.p95 <= 2 * small.http.p95 : null,
    },
  ];
}

function table(results: SizeResult[]): string {
  const head = ["patients", "server p50", "server p95", "server p99", "HTTP p50", "HTTP p95", "HTTP p99", "req/s", "errors"];
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
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

async function main() {
  ensureBuild();
  const started = new Date();
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(await benchSize(n));
  const checks = verdict(results);
  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.server.byKind)))];
  console.log(`\nPatient search (${CONNECTIONS} connections, ${DURATION} s per size; server = listPatients in-process, ${RUNS} runs)\n`);
  console.log(table(results));
  console.log(`\nserver p95 by query kind: ${results.map((r) => `\n  ${r.patients.toLocaleString("en")}: ${kinds.map((k) => `${k} ${r.server.byKind[k]?.p95 ?? "–"} ms`).join(", ")}`).join("")}`);
  for (const c of checks) console.log(`${c.pass === null ? "SKIP" : c.pass ? "PASS" : "FAIL"}  ${c.target}: ${c.actual}`);
  const out = path.join(root, "bench-results", "patient-search.json");
  mkdirSync(path.dirname(out), { recursive: true });
  const cpus = os.cpus();
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        benchmark: "patient-search",
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: { cpus: cpus.length, cpuModel: cpus[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version, postgres: await postgresVersion() },
        config: { sizes, durationS: DURATION, warmupS: WARMUP, connections: CONNECTIONS, serverRuns: RUNS, mix: searchMix(sizes[0]).slice(0, 10) },
        results,
        targets: checks,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwritten to ${path.relative(root, out)}`);
  process.exit(checks.some((c) => c.pass === false) ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
