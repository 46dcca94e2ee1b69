// The framework's floor (issue 19): a bare Next.js app with one route handler answering {"ok":true},
// built by the bench in the same run with the same Next.js, served the way the app is served
// (node:cluster, WEB_CONCURRENCY processes, each Next's request handler behind node:http, with the
// same heap limit). Whatever the app costs above it is the app's; what it costs is Next's own. The
// mixed workload's targets are stated as shares of it (run.ts): throughput ≥ 0.5 × its req/s and
// p95 ≤ 2 × its p95 at the same connections.
//
// Also: server CPU per request (cpuPerRequest), the CPU time of a server's whole process tree (the
// cluster primary and its workers: one process group) over a load, divided by the requests answered.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { NEXT_BUILD_ARGS } from "../next-build.mjs";
import { webNodeFlags } from "../web-node-flags.mjs";
import { root, stopServer } from "./common";

export const NEXT_FLOOR_PATH = "/api/ok";
// Outside the repository (its node_modules is a link to the app's): neither tsc nor the app's build
// must see it. One per checkout.
const dir = path.join(os.tmpdir(), `hospital-next-floor-${createHash("sha1").update(root).digest("hex").slice(0, 8)}`);

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "next-floor", private: true, type: "module" }),
  "next.config.mjs": "export default { poweredByHeader: false };\n",
  "app/layout.js": "export default function RootLayout({ children }) { return children; }\n",
  "app/api/ok/route.js":
    'export const dynamic = "force-dynamic";\nexport function GET() { return Response.json({ ok: true }); }\n',
  // As scripts/web-server.mjs and web-worker.mjs serve the app: the primary forks WEB_CONCURRENCY
  // workers (default one less than the CPU count), each Next's handler behind node:http.
  "server.mjs": `import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
const n = Math.max(1, Number(process.env.WEB_CONCURRENCY || os.availableParallelism() - 1));
const port = Number(process.env.PORT);
if (cluster.isPrimary && n > 1) {
  for (let i = 0; i < n; i++) cluster.fork();
  for (const s of ["SIGTERM", "SIGINT"]) process.on(s, () => { for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM"); process.exit(0); });
} else {
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: import.meta.dirname, hostname: "127.0.0.1", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 65_000;
  server.listen(port, "127.0.0.1");
  process.on("SIGTERM", () => process.exit(0));
}
`,
};

/** Writes and builds the bare app (again only when its files or Next's version changed). */
export function buildNextFloor(log: (s: string) => void): string {
  const nextVersion = JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8"))
    .version as string;
  const stamp = JSON.stringify({ nextVersion, FILES });
  const stampFile = path.join(dir, ".stamp");
  if (
    existsSync(path.join(dir, ".next/BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp
  )
    return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  log(`  building the bare Next.js ${nextVersion} app (the framework's floor)…`);
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), ...NEXT_BUILD_ARGS], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build of the bare app failed");
  writeFileSync(stampFile, stamp);
  return dir;
}

/** Starts the bare app on `port`, with the app server's Node flags; resolves once it answers. */
export async function startNextFloor(port: number, log: (s: string) => void): Promise<ChildProcess> {
  const cwd = buildNextFloor(log);
  const child = spawn(process.execPath, [...webNodeFlags(), path.join(cwd, "server.mjs")], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  let err = "";
  child.stderr?.on("data", (d) => (err += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bare Next.js app exited (${child.exitCode}): ${err}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${NEXT_FLOOR_PATH}`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stopServer(child);
  throw new Error(`the bare Next.js app did not answer within 60 s: ${err}`);
}

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds (user + system) used so far by every live process of a process group (Linux /proc). */
export function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // Fields after the command name (which may hold spaces, in parentheses): state is field 3.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(f[2]) !== pgid) continue; // field 5: process group
    ticks += Number(f[11]) + Number(f[12]); // fields 14, 15: utime, stime
  }
  return ticks / TICKS_PER_SECOND;
}

/** Runs `work` and returns its result with the server's CPU milliseconds per request answered. */
export async function withCpuPerRequest<T extends { requests: number }>(
  server: ChildProcess,
  work: () => Promise<T>,
): Promise<T & { cpuMsPerRequest: number | null }> {
  const pgid = server.pid;
  if (!pgid || process.platform !== "linux") return { ...(await work()), cpuMsPerRequest: null };
  const before = groupCpuSeconds(pgid);
  const result = await work();
  const used = groupCpuSeconds(pgid) - before;
  return { ...result, cpuMsPerRequest: result.requests ? Math.round((used / result.requests) * 1e6) / 1e3 : null };
}
