// The production web server: WEB_CONCURRENCY processes serving requests under node:cluster, sharing
// the port, so that every core serves requests (one `next start` process saturates one core). Each
// runs scripts/web-worker.mjs (Next's request handler behind node:http). This primary only forks
// them, restarts one that dies and stops them all on SIGTERM/SIGINT. Only web workers are forked:
// the job worker (scripts/worker.ts, pg-boss and its schedules) stays a single process that
// scripts/start.ts runs beside this one.
//
//   node --import tsx scripts/web-server.ts [-p PORT] [-H HOST]
//   WEB_CONCURRENCY  processes serving requests; default the number of CPUs (at least 1); 1 = one
//                    process, no cluster
//
// Node flags given to the primary (e.g. --cpu-prof --cpu-prof-dir=DIR) are passed on to every
// worker, so each one writes its own profile; the TypeScript loader is not (workers are plain JS).
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";

const worker = path.join(import.meta.dirname, "web-worker.mjs");
const args = process.argv.slice(2);

/** WEB_CONCURRENCY as a whole number of processes, at least 1; the CPU count when unset. */
function concurrency(value: string | undefined, cpus: number): number {
  if (value === undefined || value.trim() === "") return Math.max(1, cpus);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number ≥ 1 (got "${value}")`);
  return n;
}

/** The primary's Node flags without the TypeScript loader (tsx's --import/--require and their values). */
function workerExecArgv(execArgv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if (["--import", "--require", "-r", "--loader", "--experimental-loader"].includes(a) && /tsx/.test(execArgv[i + 1] ?? "")) {
      i++;
      continue;
    }
    if (/^--(import|require|loader|experimental-loader)=.*tsx/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/** Forks `n` workers, restarts one that exits unasked, stops them all on a signal. */
function primary(n: number): void {
  cluster.setupPrimary({ exec: worker, args, execArgv: workerExecArgv(process.execArgv) });
  let stopping = false;
  const started = new Map<number, number>();
  let ready = 0;
  const fork = () => {
    const w = cluster.fork();
    started.set(w.id, Date.now());
    w.once("listening", (address) => {
      if (++ready === n) console.log(`Ready on port ${address.port} (${n} processes)`);
    });
  };
  cluster.on("exit", (w: Worker, code, signal) => {
    const ranFor = Date.now() - (started.get(w.id) ?? 0);
    started.delete(w.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that dies at once (bad build, port taken) would otherwise be forked in a tight loop.
    const delay = ranFor < 5000 ? 5000 : 0;
    console.error(`Web worker ${w.process.pid} exited (${signal ?? code}); starting another${delay ? " in 5 s" : ""}.`);
    setTimeout(fork, delay).unref();
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      if (workers.length === 0) process.exit(0);
      for (const w of workers) w.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 15_000).unref();
    });
  }
  for (let i = 0; i < n; i++) fork();
}

const n = concurrency(process.env.WEB_CONCURRENCY, os.availableParallelism());
if (n === 1) await import(worker);
else primary(n);
