// One process serving web requests: Next's request handler (the production build in .next) behind
// node:http. scripts/web-server.mjs runs it, in WEB_CONCURRENCY processes under node:cluster. Plain
// JavaScript so that the serving processes load no TypeScript loader (less memory, no source-map
// hooks on every module Next loads).
//   node scripts/web-worker.mjs -p PORT [-H HOST] [--dev]
// --dev (npm run dev): Next's development server behind the same node:http front, so that what the
// front does before Next (the client's address: scripts/client-address.mjs) holds in development too.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { clientAddressRewriter } from "./client-address.mjs";
import { bodyLimitBytes, bodyLimitFor, documentMaxBytes, guardRequest } from "./request-guard.mjs";
import { answerClusterMetrics } from "./cluster-metrics.mjs";

// The app's directory: the repository (npm start), or .next/standalone once scripts/standalone.mjs
// has copied this file there. Files the app reads by path (fonts, migrations, .data) are found from it.
const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const argv = process.argv.slice(2);
const arg = (short, long) => {
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? argv[i + 1] : undefined;
};
const port = Number(arg("-p", "--port") ?? process.env.PORT ?? 3000);
// Unset: every interface, as `next start` does.
const hostname = arg("-H", "--hostname");
// Who the client is, before Next sees a request: X-Forwarded-For only from TRUSTED_PROXIES (a
// malformed setting stops the server here).
const setClientAddress = clientAddressRewriter();
// The request-body limit and the path check (scripts/request-guard.mjs), before Next reads anything;
// the document upload route has its own, larger limit (DOCUMENT_MAX_BYTES and the form around it).
const bodyLimit = bodyLimitBytes();
const documentLimit = documentMaxBytes();

// Under node:cluster, this process hands its metrics to the primary when asked (scripts/cluster-metrics.mjs).
if (cluster.isWorker) await answerClusterMetrics();
const dev = argv.includes("--dev");
process.env.NODE_ENV = dev ? "development" : "production";
if (!dev) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(builtConfig(bodyLimit));
const { default: next } = await import("next");
const app = next({ dev, dir: root, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
/**
 * The configuration the build was made with (.next/required-server-files.json), as Next's own
 * standalone server.js passes it: a production server loads no next.config.ts (there is none in
 * .next/standalone, and loading it would need its TypeScript and build-time imports). The request-body
 * limit is read when the server starts, as before: REQUEST_BODY_LIMIT_BYTES overrides the one built in.
 */
function builtConfig(limit) {
  const file = path.join(root, ".next/required-server-files.json");
  let config;
  try {
    config = JSON.parse(readFileSync(file, "utf8")).config;
  } catch (err) {
    console.error(`No production build in ${path.dirname(file)} (${err.code ?? err.message}): run npm run build.`);
    process.exit(1);
  }
  config.experimental = {
    ...config.experimental,
    serverActions: { ...config.experimental?.serverActions, bodySizeLimit: limit },
    proxyClientMaxBodySize: limit,
  };
  return config;
}

/** The front (client address, body limit, path check), then Next; `expectsContinue`: invite the body only once it is allowed. */
function serve(req, res, expectsContinue = false) {
  setClientAddress(req);
  guardRequest(req, res, bodyLimitFor(req.method, req.url, bodyLimit, documentLimit), { expectsContinue }).then(
    (request) => {
      if (request) void handle(request, res);
    },
    () => req.destroy(),
  );
}
const server = http.createServer((req, res) => serve(req, res));
// "Expect: 100-continue" (curl sends it for bodies over 1 MB): a body over the limit is refused before
// the client is told to send it.
server.on("checkContinue", (req, res) => serve(req, res, true));
// Longer than the clients' and proxies' keep-alive, as `next start` does.
server.keepAliveTimeout = 65_000;

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finishes the requests under way; any still running after 10 s are cut.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
// A port that cannot be had (taken, not allowed) ends the process with a failure at once; Next's own
// uncaught-exception handler would otherwise log it and exit as if all went well.
await new Promise((resolve) => {
  server.once("error", (err) => {
    console.error(`Cannot listen on ${hostname ?? "*"}:${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => resolve(undefined));
});
if (!cluster.isWorker) console.log(`Ready on http://${hostname ?? "localhost"}:${port}`);
