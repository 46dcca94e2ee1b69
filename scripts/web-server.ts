// The production web server: Next's request handler (programmatic API, the production build in
// .next) behind node:http, run as WEB_CONCURRENCY processes under node:cluster so that every core
// serves requests (one `next start` process saturates one core). The workers share the listening
// port; the primary only forks them, restarts one that dies and stops them all on SIGTERM/SIGINT.
// Only web workers are forked: the job worker (scripts/worker.ts, pg-boss and its schedules) stays a
// single process that scripts/start.ts runs beside this one.
//
//   node --import tsx scripts/web-server.ts [-p PORT] [-H HOST]
//   WEB_CONCURRENCY  processes serving requests; default the number of CPUs (at least 1); 1 = no cluster
//
// Node flags given to the primary (e.g. --cpu-prof --cpu-prof-dir=DIR) are passed on to every
// worker, so each one writes its own profile.
import cluster, { type Worker } from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

function arg(short: string, long: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? argv[i + 1] : undefined;
}

const port = Number(arg("-p", "--port") ?? process.env.PORT ?? 3000);
// Unset: every interface, as `next start` does.
const hostname = arg("-H", "--hostname");

/** WEB_CONCURRENCY as a whole number of processes, at least 1; the CPU count when unset. */
function concurrency(value: string | undefined, cpus: number): number {
  if (value === undefined || value.trim() === "") return Math.max(1, cpus);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number ≥ 1 (got "${value}")`);
  return n;
}

/** One process serving requests: Next's handler on node:http; closes cleanly on SIGTERM/SIGINT. */
async function serve(): Promise<void> {
  Object.assign(process.env, { NODE_ENV: "production" });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => void handle(req, res));
  // Clients (and load balancers) that keep connections open: longer than theirs, as `next start` does.
  server.keepAliveTimeout = 65_000;
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      // Requests still running after 10 s are cut.
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  if (!cluster.isWorker) console.log(`Ready on http://${hostname ?? "localhost"}:${port}`);
}

/** The primary: forks `n` workers, restarts one that exits unasked, stops them all on a signal. */
function primary(n: number): void {
  let stopping = false;
  const started = new Map<number, number>();
  let ready = 0;
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.once("listening", () => {
      if (++ready === n) console.log(`Ready on http://${hostname ?? "localhost"}:${port} (${n} processes)`);
    });
  };
  cluster.on("exit", (worker: Worker, code, signal) => {
    const ranFor = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that dies at once (bad build, port taken) would otherwise be forked in a tight loop.
    const delay = ranFor < 5000 ? 5000 : 0;
    console.error(`Web worker ${worker.process.pid} exited (${signal ?? code}); starting another${delay ? " in 5 s" : ""}.`);
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

function main(): void {
  if (cluster.isWorker) {
    serve().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
    return;
  }
  const n = concurrency(process.env.WEB_CONCURRENCY, os.availableParallelism());
  if (n === 1) {
    serve().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
    return;
  }
  primary(n);
}

main();
