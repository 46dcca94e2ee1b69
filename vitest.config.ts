import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: fast unit tests, and integration tests against a real PostgreSQL database that
// tests/global-db.ts creates fresh for the run and drops at the end.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
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
          // One database for the run: files run one after another so they never see each other's rows mid-test.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
