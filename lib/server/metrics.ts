import { randomUUID } from "node:crypto";
import client from "prom-client";
import type { Pool } from "pg";

// The process's Prometheus metrics (prom-client's global registry, so that under node:cluster the web
// server's primary can gather every web process's: scripts/web-server.mjs). Counted where things
// happen: requests in the API route helpers (lib/server/api.ts), sign-in failures in
// lib/server/throttle.ts, the database pool when scraped. What the database knows (queues, email
// backlog, migration level) is read at scrape time by lib/system/metrics.ts, once per scrape, not per process.

type Metrics = {
  requests: client.Counter<"method" | "route" | "status">;
  duration: client.Histogram<"method" | "route" | "status">;
  signInFailures: client.Counter;
};

const g = globalThis as unknown as { hospitalMetrics?: Metrics; hospitalPools?: Set<Pool> };

/** The pools whose counters are reported (the web process's client: lib/server/db.ts). */
export function trackPool(pool: Pool): void {
  (g.hospitalPools ??= new Set()).add(pool);
}

function sumPools(read: (p: Pool) => number): number {
  let n = 0;
  for (const p of g.hospitalPools ?? []) n += read(p);
  return n;
}

/** Made once per process (kept across hot reloads in development: registering a name twice throws). */
export function metrics(): Metrics {
  if (g.hospitalMetrics) return g.hospitalMetrics;
  const labelNames = ["method", "route", "status"] as const;
  const made: Metrics = {
    requests: new client.Counter({
      name: "hospital_http_requests_total",
      help: "API requests answered, by method, route pattern and status",
      labelNames,
    }),
    duration: new client.Histogram({
      name: "hospital_http_request_duration_seconds",
      help: "API request duration in seconds, by method, route pattern and status",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    signInFailures: new client.Counter({
      name: "hospital_signin_failures_total",
      help: "Failed sign-in attempts (wrong email or password)",
    }),
  };
  new client.Gauge({
    name: "hospital_db_pool_connections",
    help: "Database pool connections of the web processes: total open, idle, in use",
    labelNames: ["state"],
    collect() {
      const total = sumPools((p) => p.totalCount);
      const idle = sumPools((p) => p.idleCount);
      this.set({ state: "total" }, total);
      this.set({ state: "idle" }, idle);
      this.set({ state: "in_use" }, total - idle);
    },
  });
  new client.Gauge({
    name: "hospital_db_pool_waiting",
    help: "Queries of the web processes waiting for a database connection",
    collect() {
      this.set(sumPools((p) => p.waitingCount));
    },
  });
  client.collectDefaultMetrics({ prefix: "hospital_" });
  g.hospitalMetrics = made;
  return made;
}

/**
 * The route's pattern from its path and parameters (/api/v1/patients/[id] for /api/v1/patients/c1x…),
 * so that the labels stay few: a segment equal to a parameter's value is replaced by the parameter's name.
 */
export function routePattern(pathname: string, params: Record<string, string | string[]> | null | undefined): string {
  const byValue = new Map<string, string>();
  // A route without dynamic segments gets no params object at all from Next in production.
  for (const [name, value] of Object.entries(params ?? {})) {
    for (const v of Array.isArray(value) ? value : [value])
      byValue.set(v, Array.isArray(value) ? `[...${name}]` : `[${name}]`);
  }
  const out: string[] = [];
  for (const segment of pathname.split("/")) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // left as sent
    }
    const name = byValue.get(decoded);
    if (name === undefined) out.push(segment);
    else if (out[out.length - 1] !== name) out.push(name);
  }
  return out.join("/");
}

/** Counts one answered API request and its duration. */
export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  const m = metrics();
  const labels = { method, route, status: String(status) };
  m.requests.inc(labels);
  m.duration.observe(labels, seconds);
}

/** The process's metrics in Prometheus's text format. */
export async function processMetricsText(): Promise<string> {
  metrics();
  return client.register.metrics();
}

/**
 * Every web process's metrics: under node:cluster (scripts/web-server.mjs) this process asks the
 * primary, which gathers them all (scripts/cluster-metrics.mjs); alone, or if the primary does not
 * answer within 8 s, this process's own.
 */
export async function webMetricsText(): Promise<string> {
  const send = process.send?.bind(process);
  if (!process.env.NODE_UNIQUE_ID || !send) return processMetricsText();
  metrics();
  const id = randomUUID();
  const text = await new Promise<string | null>((resolve) => {
    const done = (value: string | null) => {
      clearTimeout(timer);
      process.off("message", onMessage);
      resolve(value);
    };
    const onMessage = (m: unknown) => {
      const msg = m as { type?: string; id?: string; text?: string; error?: string };
      if (msg?.type === "hospital:metrics-res" && msg.id === id) done(typeof msg.text === "string" ? msg.text : null);
    };
    const timer = setTimeout(() => done(null), 8_000);
    process.on("message", onMessage);
    send({ type: "hospital:metrics-req", id });
  });
  return text ?? processMetricsText();
}

export const METRICS_CONTENT_TYPE = client.register.contentType;
