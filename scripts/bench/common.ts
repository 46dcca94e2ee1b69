// What the bench parts share: percentiles, tables, and `next start` on a bench database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import pg from "pg";
import { NEXT_BUILD_ARGS } from "../next-build.mjs";
import { assembleStandalone } from "../standalone.mjs";
import { webNodeFlags } from "../web-node-flags.mjs";

export const root = path.resolve(import.meta.dirname, "../..");
/** The secret the bench server signs with: the bench mints bearer tokens with the same one. */
export const BENCH_SECRET = "bench-secret-0123456789abcdefghijkl";

export type Percentiles = { p50: number; p95: number; p99: number; mean: number; max: number };

export const round = (n: number) => Math.round(n * 100) / 100;

export function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return {
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    max: round(s[s.length - 1]),
  };
}

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export async function ensureBuild(rebuild: boolean, log: (s: string) => void) {
  if (!rebuild && existsSync(path.join(root, ".next/BUILD_ID"))) return;
  log("Building the app (next build)…");
  const r = spawnSync(path.join(root, "node_modules/.bin/next"), NEXT_BUILD_ARGS, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
  await assembleStandalone(root);
}

/**
 * The production server (scripts/web-server.mjs: WEB_CONCURRENCY processes, default one less than the CPU count) on a
 * bench database; with BENCH_CPU_PROF=<dir> each of its processes writes a V8 CPU profile there on exit.
 */
export async function startServer(url: string, port: number): Promise<ChildProcess> {
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // The flags `npm start` gives the web server (WEB_MAX_HEAP_MB), then BENCH_SERVER_FLAGS: more Node
  // flags for the app server, passed on to its workers (e.g. --max-old-space-size=384 overrides).
  const flags = [...webNodeFlags(), ...(process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean)];
  return spawnAndWait(
    process.execPath,
    [...profile, ...flags, path.join(root, "scripts/web-server.mjs"), "-p", String(port), "-H", "127.0.0.1"],
    {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
    },
    `http://127.0.0.1:${port}/api/v1/status`,
  );
}

/**
 * The floor server (floor-server.ts): the same SQL through `pg` behind bare node:http, with as many
 * processes as the app's server (WEB_CONCURRENCY from the environment); `script`: a JSON file of
 * captured statements (capture.ts) it replays for GET requests.
 */
export async function startFloorServer(url: string, port: number, script?: string): Promise<ChildProcess> {
  return spawnAndWait(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "scripts/bench/floor-server.ts")],
    { DATABASE_URL: url, PORT: String(port), NODE_ENV: "production", ...(script ? { FLOOR_SCRIPT: script } : {}) },
    `http://127.0.0.1:${port}/status`,
  );
}

async function spawnAndWait(
  command: string,
  args: string[],
  env: Record<string, string>,
  probe: string,
): Promise<ChildProcess> {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stopping it stops its workers too
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${path.basename(command)} exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(probe);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopServer(child);
  throw new Error(
    `${path.basename(command)} did not answer ${probe} within 60 s (is the port taken? use --port):\n${output}`,
  );
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode === null && child.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
  await new Promise((r) => setTimeout(r, 500));
}

export async function postgresVersion(): Promise<string> {
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
  } finally {
    await client.end();
  }
}

/** The 1-minute load average over the core count, sampled: the machine is shared. */
export function loadSampler() {
  const samples: number[] = [];
  const sample = () => samples.push(os.loadavg()[0] ?? 0);
  sample();
  const timer = setInterval(sample, 2000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return {
        loadAvg1mMean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
        loadAvg1mMax: round(Math.max(...samples)),
        cpus: os.cpus().length,
      };
    },
  };
}
