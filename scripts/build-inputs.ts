// What a production build is made from, and its fingerprint. `npm start` records the fingerprint
// beside the build (.next/BUILD_INPUTS_HASH) and builds again whenever the source differs from what
// was built: after a `git pull`, an `npm ci`, or an edit, the app never serves an old build.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Folders whose files go into the build (tests excepted). */
export const BUILD_INPUT_DIRS = ["app", "lib", "components", "public", "messages"];
/** Single files that shape the build: configuration, the dependency tree, the schema the client is generated from. */
export const BUILD_INPUT_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "postcss.config.js",
  "tailwind.config.ts",
  "tailwind.config.js",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "prisma/schema.prisma",
  "scripts/next-build.mjs",
];
/** Where the fingerprint of the inputs of the build in .next is kept. */
export const BUILD_INPUTS_FILE = ".next/BUILD_INPUTS_HASH";

const isTest = (name: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, rel, out);
    else if (entry.isFile() && !isTest(entry.name)) out.push(rel);
  }
}

/** The files under `root` a build reads, relative and sorted. */
export async function buildInputFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const dir of BUILD_INPUT_DIRS) await walk(root, dir, files);
  for (const file of BUILD_INPUT_FILES) if (existsSync(path.join(root, file))) files.push(file);
  return files.sort();
}

/** SHA-256 over every input file's path and content: any change, addition or removal changes it. */
export async function buildInputsHash(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await buildInputFiles(root)) {
    const content = await readFile(path.join(root, file));
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest("hex");
}

/** Why the build in `root`/.next must be made again, or null when it was made from the current inputs. */
export async function staleBuildReason(root: string, current: string): Promise<string | null> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) return "No production build yet";
  const built = (await readFile(path.join(root, BUILD_INPUTS_FILE), "utf8").catch(() => "")).trim();
  if (!built) return "The production build records no source fingerprint";
  if (built !== current) return "The source changed since the last build";
  return null;
}

/** Records that the build in `root`/.next was made from inputs with fingerprint `hash`. */
export async function recordBuildInputs(root: string, hash: string): Promise<void> {
  await writeFile(path.join(root, BUILD_INPUTS_FILE), `${hash}\n`);
}
