import { z } from "zod";
import { defineOperation } from "@/lib/server/contract";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getOpenapiJsonResponse = z.object({
  openapi: z.literal("3.1.0"),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .describe("Free-form OpenAPI 3.1 path items (by path, then by method)."),
  components: z.object({}),
});

const getHealthLiveResponse = z.object({
  status: z.string(),
  version: z.string(),
  uptimeSeconds: z.number().int(),
});

const getHealthReadyResponse = z.object({
  status: z.string(),
  version: z.string(),
  checks: z.object({
    database: z.string(),
    migrations: z.string(),
    worker: z.string(),
  }),
  reasons: z.array(z.string()),
});

// The system operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getOpenapiJson: defineOperation({
    response: getOpenapiJsonResponse,
    method: "GET",
    path: "/openapi.json",
    tag: "meta",
    summary: "This document: OpenAPI 3.1 of the whole API, built from the schemas the routes validate with.",
    permission: null,
  }),
  getStatus: defineOperation({
    response: z.object({
      status: z.enum(["ok", "degraded"]),
      database: z.enum(["ok", "unreachable"]),
      version: z.string(),
    }),
    examples: { response: { status: "ok", database: "ok", version: "0.1.0" } },
    errors: [503],
    method: "GET",
    path: "/status",
    tag: "meta",
    summary: "`{ status, database, version }`; 503 when the database is down.",
    permission: null,
  }),
  getHealthLive: defineOperation({
    response: getHealthLiveResponse,
    method: "GET",
    path: "/health/live",
    tag: "meta",
    summary:
      'Liveness: `{ status: "live", version, uptimeSeconds }` while the process answers; asks nothing of the database.',
    permission: null,
  }),
  getHealthReady: defineOperation({
    response: getHealthReadyResponse,
    errors: [503],
    method: "GET",
    path: "/health/ready",
    tag: "meta",
    summary:
      "Readiness: `{ status, version, checks: { database, migrations, worker }, reasons }`; 200 when the database answers, every migration of this build is applied and a job worker was seen in the last minute, else 503 with the reasons.",
    permission: null,
  }),
  getMetrics: defineOperation({
    produces: ["text/plain"],
    method: "GET",
    path: "/metrics",
    tag: "meta",
    summary:
      'Prometheus metrics (text format): requests by route and status with latency histograms, database pool, job queues, email backlog, sign-in failures, workers seen, migrations pending. An admin, or an integration token with the "metrics" scope.',
    permission: "metrics.read",
    scopes: ["metrics"],
  }),
};
