// Database commands (Prisma's `migrate deploy` / `migrate dev --create-only`, without its native engine):
//   npm run db:migrate                  create the database if needed and apply pending migrations
//   npm run db:migration -- <name>      write a migration for the changes in prisma/schema.prisma
//   npm run db:seed                     the demo hospital (prisma/seed.ts), after migrating
// They use DATABASE_URL (from the environment or .env), else the embedded database of a running
// `npm start` / `npm run dev`.
import { loadDotEnv, runningEmbeddedUrl } from "./embedded";
import { createDb } from "../../lib/server/db";
import { DEMO_PASSWORD, seedDemo } from "../../prisma/seed";
import { applyMigrations, createMigration, ensureDatabase } from "./migrations";

async function databaseUrl(): Promise<string> {
  loadDotEnv();
  const url = process.env.DATABASE_URL ?? (await runningEmbeddedUrl("hospital"));
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set and the embedded database is not running.\n" +
        "Set DATABASE_URL (in the environment or .env), or start the app with `npm run dev` and run this again.",
    );
  }
  return url;
}

async function main(command: string | undefined, name: string | undefined): Promise<void> {
  if (command === "migrate") {
    const url = await databaseUrl();
    await ensureDatabase(url);
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  } else if (command === "migration" && name) {
    const url = await databaseUrl();
    // The engine connects to this database and creates its temporary shadow database beside it.
    await ensureDatabase(url);
    await createMigration(url, name);
  } else if (command === "seed") {
    const url = await databaseUrl();
    await ensureDatabase(url);
    await applyMigrations(url);
    const prisma = createDb(url);
    try {
      await seedDemo(prisma);
    } finally {
      await prisma.$disconnect();
    }
    console.log(`Demo hospital seeded. Every demo account uses the password ${DEMO_PASSWORD}.`);
  } else {
    console.error("Usage: npm run db:migrate | npm run db:migration -- <name> | npm run db:seed");
    process.exitCode = 2;
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
