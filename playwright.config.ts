import { defineConfig, devices } from "@playwright/test";
import { webNodeFlags } from "./scripts/web-node-flags.mjs";

// Driven by scripts/test.ts, which prepares a fresh seeded database and a production build, then
// passes E2E_PORT and the server's environment. Chromium comes from Debian, never from a download.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: ".test-artifacts/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-artifacts/playwright.json" }]],
  use: {
    baseURL,
    // No trace by default: recording one (DOM snapshots and screencast frames of every step) made each
    // test about 30 % slower, and the run's failures are reported by name and first error line at the
    // end of `npm test`. To look into a failure: E2E_TRACE=retain-on-failure npm test -- e2e e2e/x.spec.ts
    trace: (process.env.E2E_TRACE ?? "off") as "off" | "on" | "retain-on-failure" | "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  // Two app servers on one database: the booking race is proven across instances too
  // (e2e/scheduling-api.spec.ts sends to both). Each is the production server `npm start` runs
  // (scripts/web-server.mjs with the same heap limit), so the journeys run on what ships. The first
  // trusts no proxy (clients reach it directly); the second trusts 127.0.0.1 as its reverse proxy, so
  // a spec's X-Forwarded-For there stands for a client elsewhere (e2e/sessions.spec.ts).
  // The first runs from the standalone output as the Docker image does (.next/standalone, completed by
  // scripts/standalone.mjs: only Node, the traced node_modules and the bundled commands; `npm start`
  // there = scripts/bundle/start.mjs: migrations, secret check, then scripts/web-server.mjs; the run's
  // job workers are started by scripts/test.ts), the second from the repository (the web server
  // `npm start` runs there), so that every e2e run proves both.
  webServer: [port, port + 1].map((p) => ({
    command:
      p === port
        ? "node .next/standalone/scripts/bundle/start.mjs"
        : ["node", ...webNodeFlags(), "scripts/web-server.mjs", "-p", String(p), "-H", "127.0.0.1"].join(" "),
    env: (p === port
      ? { TRUSTED_PROXIES: "", PORT: String(p), START_WORKER: "0" }
      : { TRUSTED_PROXIES: "127.0.0.1" }) as Record<string, string>,
    url: `http://127.0.0.1:${p}/api/v1/status`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
