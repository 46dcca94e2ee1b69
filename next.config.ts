import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { env } from "./lib/server/env";
import { staticHeaderRules } from "./lib/server/headers";

// The request-body limit (REQUEST_BODY_LIMIT_BYTES, default 1 MB), read when the server starts: the web
// server's front refuses larger bodies before Next (scripts/request-guard.mjs); here it is also the
// limit of server actions (Next's own 413) and of the copy of a body Next makes for proxy.ts (10 MB
// by default), so that nothing in Next holds more than the limit of one request.
const bodyLimit = env().REQUEST_BODY_LIMIT_BYTES;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // pdfkit reads its font metrics from disk at run time. prom-client: one copy per process, the one
  // scripts/cluster-metrics.mjs answers the cluster primary from (lib/server/metrics.ts).
  serverExternalPackages: ["pdfkit", "prom-client"],
  experimental: {
    serverActions: { bodySizeLimit: bodyLimit },
    proxyClientMaxBodySize: bodyLimit,
  },
  // The headers that never change (lib/server/headers.ts): on every response, and no-store on every
  // /api and /fhir one. Those that depend on the request or the configuration (each page's CSP with
  // its nonce, HSTS) are set in proxy.ts.
  async headers() {
    return staticHeaderRules();
  },
};

/**
 * next-intl's plugin points the build (and `next dev`) at lib/server/intl-request.ts, where each request's
 * language and time zone are read. The production server needs none of it, and loading the plugin
 * there would load its build tools too (@swc/core, @parcel/watcher: a serving process started at
 * 181 MB resident with them, 157 MB without), so it is applied in every phase but that one.
 */
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/server/intl-request.ts")(nextConfig);
}
