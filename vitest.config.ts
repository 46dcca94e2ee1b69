import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: fast unit tests, and integration tests against a real PostgreSQL database that
// tests/global-db.ts creates fresh for the run and drops at the end.
//
// Files run in parallel, three at a time by default (TEST_WORKERS to change it): vitest's default on a
// 2-core machine is one, which leaves a core idle while a file waits on the database. Integration
// files stay apart all the same: each worker has its own copy of the database (tests/setup-integration.ts).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    maxWorkers: Number(process.env.TEST_WORKERS ?? 3),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "proxy.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          env: {
            DATABASE_URL: "postgresql://unit-tests-use-no-database",
            NEXTAUTH_SECRET: "unit-test-secret-0123456789abcdef",
          },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["tests/global-db.ts"],
          setupFiles: ["tests/setup-integration.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
