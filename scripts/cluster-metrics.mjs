// Prometheus metrics across the web processes of scripts/web-server.mjs. Each process counts its own
// requests (prom-client's global registry, lib/server/metrics.ts) and a scrape reaches only one of
// them, so the process answering /api/v1/metrics asks the primary, which gathers every worker's
// registry with prom-client's AggregatorRegistry (counters and histograms summed) and sends the text back.
//   worker → primary   { type: "hospital:metrics-req", id }
//   primary → worker   { type: "hospital:metrics-res", id, text } or { …, error }
// prom-client is loaded from node_modules by the worker and by the app's route alike (it is a server
// external package in next.config.ts), so both see the same registry.
import cluster from "node:cluster";

export const METRICS_REQUEST = "hospital:metrics-req";
export const METRICS_RESPONSE = "hospital:metrics-res";

/** In the primary: answers the workers' requests for the whole cluster's metrics. */
export function serveClusterMetrics() {
  let aggregator;
  cluster.on("message", (worker, message) => {
    if (message?.type !== METRICS_REQUEST) return;
    const reply = (body) => {
      if (worker.isConnected()) worker.send({ type: METRICS_RESPONSE, id: message.id, ...body });
    };
    import("prom-client")
      .then(({ default: client }) => {
        aggregator ??= new client.AggregatorRegistry();
        return aggregator.clusterMetrics();
      })
      .then(
        (text) => reply({ text }),
        (err) => reply({ error: err instanceof Error ? err.message : String(err) }),
      );
  });
}

/** In a worker: makes prom-client answer the primary's requests for this process's registry. */
export async function answerClusterMetrics() {
  const { default: client } = await import("prom-client");
  // Constructing one adds prom-client's worker-side listener (it answers with the global registry).
  new client.AggregatorRegistry();
}
