// Database commands (Prisma's `migrate deploy` / `migrate dev --create-only`, without its native engine):
//   npm run db:migrate                  create the database if needed and apply pending migrations
//   npm run db:migration -- <name>      write a migration for the changes in prisma/schema.prisma
//   npm run db:seed [-- --force]        the demo hospital (prisma/seed.ts), after migrating; refused
//                                       where real (not demo) patients exist, unless --force
// They use DATABASE_URL (from the environment or .env), else the embedded database of a running
// `npm start` / `npm run dev`.
import { embeddedDatabaseName, loadDotEnv, runningEmbeddedUrl } from "./embedded";
import { existingIds, markDemo, realPatientCount } from "../../lib/demo/service";
import { createDb } from "../../lib/server/db";
import { DEMO_PASSWORD, seedDemo } from "../../prisma/seed";
import { dropNewerQueueSchema } from "../../lib/jobs/queue-schema";
import { applyMigrations, createMigration, ensureDatabase, withMigrationLock } from "./migrations";

async function databaseUrl(): Promise<string> {
  loadDotEnv();
  const url = process.env.DATABASE_URL ?? (await runningEmbeddedUrl(embeddedDatabaseName()));
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set and the embedded database is not running.\n" +
        "Set DATABASE_URL (in the environment or .env), or start the app with `npm run dev` and run this again.",
    );
  }
  return url;
}

async function main(command: string | undefined, name: string | undefined, flags: string[]): Promise<void> {
  if (command === "migrate") {
    const url = await databaseUrl();
    await ensureDatabase(url);
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
    const droppedJobs = await withMigrationLock(url, () => dropNewerQueueSchema(url));
    if (droppedJobs !== null)
      console.log(
        `The job queue's tables were made by a newer pg-boss: dropped (${droppedJobs} jobs); the worker makes them again.`,
      );
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
      const real = await realPatientCount(prisma);
      if (real > 0 && !flags.includes("--force")) {
        console.error(
          `This database holds ${real} real (not demo) patient record${real === 1 ? "" : "s"}: the demo hospital is not mixed in with them.\n` +
            "To seed anyway (demo accounts with a published password, fictitious patients beside real ones), run: npm run db:seed -- --force",
        );
        process.exitCode = 1;
        return;
      }
      const before = await existingIds(prisma);
      await seedDemo(prisma);
      await markDemo(prisma, before);
    } finally {
      await prisma.$disconnect();
    }
    console.log(`Demo hospital seeded. Every demo account uses the password ${DEMO_PASSWORD}.`);
    console.log("Take it out again with: npm run console -- demo remove");
  } else {
    console.error("Usage: npm run db:migrate | npm run db:migration -- <name> | npm run db:seed");
    process.exitCode = 2;
  }
}

const [command, ...rest] = process.argv.slice(2);
main(
  command,
  rest.find((a) => !a.startsWith("--")),
  rest.filter((a) => a.startsWith("--")),
).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
