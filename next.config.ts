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
  // The build also makes .next/standalone: the server and only the node_modules files it needs,
  // completed by scripts/standalone.mjs (browser assets, public, our web server) so that it runs with
  // only Node (the Dockerfile's runtime stage; `node .next/standalone/scripts/web-server.mjs`).
  output: "standalone",
  // Files read at run time by path, which the build's tracing cannot see: the PDFs' fonts
  // (lib/server/pdf.ts, from node_modules by name) and the migrations the readiness check compares
  // with the database (lib/system/health.ts).
  outputFileTracingIncludes: {
    "/*": [
      "./node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
      "./node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
      "./node_modules/@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
      "./node_modules/@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf",
      "./node_modules/@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf",
      "./prisma/migrations/**/*",
    ],
  },
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
