import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("hospital_it");
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
