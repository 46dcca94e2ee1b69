import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { METRICS_CONTENT_TYPE } from "@/lib/server/metrics";
import { metricsText } from "@/lib/system/metrics";
import { ops } from "@/lib/system/contract";

export const dynamic = "force-dynamic";

/**
 * Prometheus metrics (text format): requests by route and status with latency histograms, database
 * pool, job queues, email backlog, sign-in failures, workers seen, migrations pending. An admin
 * (metrics.read), or an integration token with the "metrics" scope (what a Prometheus server is given).
 */
export const GET = apiRoute(
  ops.getMetrics,
  async () => new Response(await metricsText(db()), { headers: { "Content-Type": METRICS_CONTENT_TYPE } }),
);
