// The request-body part of `npm run bench` (issue 15): the server's memory while 8 clients at once
// send it 50 MB bodies, with Content-Length and chunked, to the API (POST /api/v1/auth/token,
// anonymous) and to a page (POST /login, where server actions are read). The web server's front
// (scripts/request-guard.mjs) answers 413 from the declared length, or once a chunked body passes
// the limit (REQUEST_BODY_LIMIT_BYTES, 1 MB), so the bodies never reach the app's memory. Measured:
// the resident memory of the server's process tree (cluster primary and workers) sampled every
// 50 ms, against what it was just before; the target is that the peak stays ≤ 400 MB.
import http from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { createTestDatabase } from "../../tests/test-db";
import { round, startServer, stopServer } from "./common";

export type BodiesOptions = {
  port: number;
  keep: boolean;
  log: (s: string) => void;
  clients?: number;
  megabytes?: number;
};
export type BodiesResult = {
  clients: number;
  megabytes: number;
  /** Server tree RSS just before, and its peak during each round. */
  baselineMB: number;
  peakMB: number;
  deltaMB: number;
  rounds: { name: string; peakMB: number; deltaMB: number; seconds: number; statuses: Record<string, number> }[];
};

/** The resident memory of a process and all its descendants, in bytes. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(readFileSync(`/proc/${name}/statm`, "utf8").split(" ")[1]) * 4096);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const walk = (pid: number) => {
    total += rss.get(pid) ?? 0;
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return total;
}

/** Sends one body of `bytes` (declared or chunked) from a reused 64 KB buffer; resolves with the status, or the error's code. */
function send(port: number, path: string, bytes: number, chunked: boolean): Promise<string> {
  const chunk = Buffer.alloc(64 * 1024, 0x5b); // "["
  return new Promise((resolve) => {
    let settled = false;
    const done = (s: string) => {
      if (!settled) {
        settled = true;
        resolve(s);
      }
    };
    const req = http.request({
      host: "127.0.0.1",
      port,
      path,
      method: "POST",
      headers: { "content-type": "application/json", ...(chunked ? {} : { "content-length": String(bytes) }) },
    });
    req.on("response", (res) => {
      res.resume();
      done(String(res.statusCode));
      req.destroy();
    });
    req.on("error", (e: NodeJS.ErrnoException) => done(e.code ?? "error"));
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !settled) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once("drain", pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}

export async function benchBodies(opts: BodiesOptions): Promise<BodiesResult> {
  const clients = opts.clients ?? 8;
  const megabytes = opts.megabytes ?? 50;
  opts.log(`\n== memory under ${clients} concurrent ${megabytes} MB bodies ==`);
  const database = await createTestDatabase("hospital_bench_bodies");
  const server = await startServer(database.url, opts.port);
  try {
    const base = `http://127.0.0.1:${opts.port}`;
    // Warm: the routes' modules loaded, as on a server that has been serving.
    for (let i = 0; i < 5; i++) {
      await fetch(`${base}/api/v1/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "nobody@bench.hospital", password: "x" }),
      }).then((r) => r.text());
      await fetch(`${base}/login`).then((r) => r.text());
    }
    await new Promise((r) => setTimeout(r, 1000));
    const baseline = treeRss(server.pid!);
    opts.log(`  server RSS before: ${round(baseline / 2 ** 20)} MB`);
    const rounds: BodiesResult["rounds"] = [];
    for (const chunked of [false, true]) {
      const name = chunked ? "chunked (no Content-Length)" : "with Content-Length";
      let peak = baseline;
      const timer = setInterval(() => (peak = Math.max(peak, treeRss(server.pid!))), 50);
      const started = performance.now();
      const statuses = await Promise.all(
        Array.from({ length: clients }, (_, i) =>
          send(opts.port, i % 2 ? "/login" : "/api/v1/auth/token", megabytes * 2 ** 20, chunked),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 500));
      peak = Math.max(peak, treeRss(server.pid!));
      clearInterval(timer);
      const counts: Record<string, number> = {};
      for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
      rounds.push({
        name,
        peakMB: round(peak / 2 ** 20),
        deltaMB: round((peak - baseline) / 2 ** 20),
        seconds: round(seconds),
        statuses: counts,
      });
      opts.log(
        `  ${name}: peak ${round(peak / 2 ** 20)} MB (+${round((peak - baseline) / 2 ** 20)} MB) in ${round(seconds)} s; answers ${JSON.stringify(counts)}`,
      );
    }
    // Still serving.
    const status = await fetch(`${base}/api/v1/status`);
    if (!status.ok) throw new Error(`the server no longer answers after the bodies: ${status.status}`);
    const peakMB = Math.max(...rounds.map((r) => r.peakMB));
    return {
      clients,
      megabytes,
      baselineMB: round(baseline / 2 ** 20),
      peakMB,
      deltaMB: round(peakMB - baseline / 2 ** 20),
      rounds,
    };
  } finally {
    await stopServer(server);
    if (opts.keep) opts.log(`  kept: ${database.url}`);
    else await database.drop();
  }
}
