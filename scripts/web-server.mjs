// The production web server: WEB_CONCURRENCY processes serving requests under node:cluster, sharing
// the port (one Next process saturates one core). Each runs scripts/web-worker.mjs (Next's request
// handler behind node:http). This primary only forks them, restarts one that dies and stops them
// all on SIGTERM/SIGINT. Only web workers are forked: the job worker (scripts/worker.ts, pg-boss and
// its schedules) stays a single process that scripts/start.ts runs beside this one. Plain JavaScript,
// run by plain `node`: no TypeScript loader in a serving process (its module hooks and source maps
// cost memory and time on every module Next loads).
//
//   node scripts/web-server.mjs [-p PORT] [-H HOST]
//   WEB_CONCURRENCY  processes serving requests; default one less than the CPU count (at least 1):
//                    PostgreSQL, the job worker and the load balancer share the machine in the
//                    single-box deployment `npm start` makes. 1 = one process, no cluster.
//
// Node flags given to the primary (e.g. --cpu-prof --cpu-prof-dir=DIR) are passed on to every worker,
// so each one writes its own profile.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { trustedProxies } from "./client-address.mjs";
import { bodyLimitBytes, documentMaxBytes } from "./request-guard.mjs";
import { restartPolicy } from "./restart-policy.mjs";
import { serveClusterMetrics } from "./cluster-metrics.mjs";

const worker = path.join(import.meta.dirname, "web-worker.mjs");
const args = process.argv.slice(2);

/** WEB_CONCURRENCY as a whole number of processes, at least 1; one less than the CPU count when unset. */
function concurrency(value, cpus) {
  if (value === undefined || value.trim() === "") return Math.max(1, cpus - 1);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number ≥ 1 (got "${value}")`);
  return n;
}

/** The primary's Node flags without a TypeScript loader (tsx's --import/--require and their values). */
function workerExecArgv(execArgv) {
  const out = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if (
      ["--import", "--require", "-r", "--loader", "--experimental-loader"].includes(a) &&
      /tsx/.test(execArgv[i + 1] ?? "")
    ) {
      i++;
      continue;
    }
    if (/^--(import|require|loader|experimental-loader)=.*tsx/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/** Forks `n` workers, restarts one that exits unasked (always), stops them all on a signal. */
function primary(n) {
  cluster.setupPrimary({ exec: worker, args, execArgv: workerExecArgv(process.execArgv) });
  let stopping = false;
  const restarts = restartPolicy();
  const started = new Map();
  let ready = 0;
  const fork = () => {
    const w = cluster.fork();
    started.set(w.id, Date.now());
    w.once("listening", (address) => {
      if (++ready === n) console.log(`Ready on port ${address.port} (${n} processes)`);
    });
  };
  cluster.on("exit", (w, code, signal) => {
    const ranFor = Date.now() - (started.get(w.id) ?? 0);
    started.delete(w.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // Always replaced, after a pause (scripts/restart-policy.mjs: 1 s doubling to 30 s while workers
    // keep dying quickly, back to 1 s after a stable minute), so that a worker that dies at once (bad
    // build, port taken) is not forked in a tight loop. Not unref'd: the primary waits for it even
    // when no worker is left.
    const delay = restarts.next(ranFor);
    console.error(`Web worker ${w.process.pid} exited (${signal ?? code}); starting another in ${delay / 1000} s.`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter(Boolean);
      if (workers.length === 0) process.exit(0);
      for (const w of workers) w.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 15_000).unref();
    });
  }
  // /api/v1/metrics answered by any worker shows every worker's counters (scripts/cluster-metrics.mjs).
  serveClusterMetrics();
  for (let i = 0; i < n; i++) fork();
}

const n = concurrency(process.env.WEB_CONCURRENCY, os.availableParallelism());
if (n === 1) await import(worker);
else {
  // A malformed TRUSTED_PROXIES, REQUEST_BODY_LIMIT_BYTES or DOCUMENT_MAX_BYTES stops the server once, here, rather than
  // in every worker forked again and again.
  trustedProxies(process.env.TRUSTED_PROXIES);
  bodyLimitBytes();
  documentMaxBytes();
  primary(n);
}
