import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// scripts/cluster-metrics.mjs between real cluster processes: two workers each count requests in
// their own prom-client registry; one asks the primary (as lib/server/metrics.ts webMetricsText does)
// and gets both workers' counts summed.

const module = path.resolve(import.meta.dirname, "cluster-metrics.mjs");
const fixture = `
import cluster from "node:cluster";
import client from "prom-client";
import { serveClusterMetrics, answerClusterMetrics, METRICS_REQUEST, METRICS_RESPONSE } from ${JSON.stringify(module)};
if (cluster.isPrimary) {
  serveClusterMetrics();
  let ready = 0;
  const workers = [cluster.fork({ N: "2" }), cluster.fork({ N: "3" })];
  cluster.on("message", (w, m) => {
    if (m === "ready" && ++ready === 2) workers[0].send("ask");
    if (m?.done) { console.log(JSON.stringify(m.text)); for (const x of workers) x.kill(); process.exit(0); }
  });
} else {
  await answerClusterMetrics();
  const c = new client.Counter({ name: "hospital_test_requests_total", help: "test" });
  c.inc(Number(process.env.N));
  process.on("message", (m) => {
    if (m === "ask") process.send({ type: METRICS_REQUEST, id: "q1" });
    if (m?.type === METRICS_RESPONSE && m.id === "q1") process.send({ done: true, text: m.text ?? m.error });
  });
  process.send("ready");
}
`;

describe("cluster metrics", () => {
  it("a worker asking the primary gets every worker's counters summed", () => {
    // Inside the repository (git-ignored) so that prom-client resolves from its node_modules.
    const dir = path.resolve(import.meta.dirname, "../.test-artifacts");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `cluster-metrics-${process.pid}.mjs`);
    writeFileSync(file, fixture);
    const r = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 60_000 });
    rmSync(file, { force: true });
    expect(r.stderr).toBe("");
    const text = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as string;
    expect(text).toMatch(/^hospital_test_requests_total 5$/m);
  }, 60_000);
});
