import type { TestProject } from "vitest/node";
import { createTestDatabase, dropDatabasesStartingWith } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's migrated database, used only as the template of each worker's own copy. */
    templateDatabase: string;
  }
}

// Integration files run in parallel, each worker on a database of its own (tests/setup-integration.ts
// copies this run's migrated template once per worker), so files never see each other's rows.
export default async function setup(project: TestProject) {
  const template = await createTestDatabase("hospital_it");
  project.provide("templateDatabase", template.name);
  return async () => {
    await dropDatabasesStartingWith(`${template.name}_w`);
    await template.drop();
  };
}
