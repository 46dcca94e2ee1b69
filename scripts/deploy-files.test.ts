import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BUNDLE_DIR, BUNDLES, SERVER_ENTRIES, serverFiles, STANDALONE_DIR } from "./standalone.mjs";

// The deployment files (Dockerfile, compose.yaml, deploy/systemd/*.service, deploy/Caddyfile) cannot
// be run on the test machine (no base images), so what they name is checked against the repository:
// every file and directory they copy or mention exists, every npm script they run is in package.json,
// every API path they probe is a route, and every variable they set is one .env.example documents.
// The image runs the standalone output (scripts/standalone.mjs), whose package.json has only the
// scripts BUNDLES makes: the npm scripts the Dockerfile and compose.yaml run must be among those, and
// each bundle's source must exist.

const root = path.resolve(import.meta.dirname, "..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
const envExample = new Set([...read(".env.example").matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
/** Variables that are not the app's: Node's and Next's own, the PostgreSQL image's, compose's image names. */
const NOT_APP_VARIABLES = new Set([
  "NODE_ENV",
  "NEXT_TELEMETRY_DISABLED",
  "POSTGRES_USER",
  "POSTGRES_DB",
  "POSTGRES_PASSWORD",
  "POSTGRES_IMAGE",
  "HOSPITAL_IMAGE",
]);
/** .env.example variables compose.yaml does not pass, each for a reason given there. */
const NOT_FOR_CONTAINERS = new Set([
  "EMBEDDED_PG_PORT",
  "EMBEDDED_PG_DATABASE",
  "TEST_DATABASE_URL",
  "E2E_PORT",
  "CHROMIUM_PATH",
]);
const UNITS = readdirSync(path.join(root, "deploy/systemd"))
  .filter((f) => f.endsWith(".service"))
  .map((f) => `deploy/systemd/${f}`);
const FILES = ["Dockerfile", "compose.yaml", "deploy/Caddyfile", ...UNITS];

/** `npm start`, `npm run worker`, ["npm", "run", "worker"]: the package.json scripts a command runs. */
function npmScripts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bnpm(?:"\s*,\s*"|\s+)(start|test|run(?:"\s*,\s*"|\s+)([\w:-]+))/g))
    out.push(m[2] ?? m[1]);
  return out;
}

/** /api/v1/… paths a file probes, as route files under app/. */
function apiPaths(text: string): string[] {
  return [...text.matchAll(/\/api\/v1\/[\w/-]+/g)].map((m) => m[0].replace(/\/$/, ""));
}

/** Repository paths a file mentions (scripts/…, deploy/…, docs/…, lib/…, prisma/…). */
function repoPaths(text: string): string[] {
  return [...text.matchAll(/(?<![\w/.])((?:scripts|deploy|docs|lib|prisma|app)\/[\w./*-]*[\w*])/g)].map((m) => m[1]);
}

describe("deployment files", () => {
  it("exist: Dockerfile, compose.yaml, .dockerignore, systemd units, the Caddyfile", () => {
    for (const f of [...FILES, ".dockerignore"]) expect(existsSync(path.join(root, f)), f).toBe(true);
    expect(UNITS.length).toBeGreaterThanOrEqual(2);
  });

  it.each(FILES)("%s: every npm script it runs is in package.json", (file) => {
    for (const s of npmScripts(read(file))) expect(Object.keys(pkg.scripts), `${file}: npm ${s}`).toContain(s);
  });

  it.each(["Dockerfile", "compose.yaml"])(
    "%s: every npm script it runs is one the standalone output's package.json has (a bundle of an existing command)",
    (file) => {
      // The Dockerfile's last stage (the image); its build stage runs the repository's `npm run build`.
      const scripts = npmScripts(
        file === "Dockerfile"
          ? read(file)
              .split(/^FROM /m)
              .at(-1)!
          : read(file),
      );
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(Object.keys(BUNDLES), `${file}: npm ${s}`).toContain(s);
      for (const src of Object.values(BUNDLES)) expect(existsSync(path.join(root, src)), src).toBe(true);
      // The repository's package.json has the same scripts, so the commands read alike in both places.
      for (const name of Object.keys(BUNDLES)) expect(Object.keys(pkg.scripts)).toContain(name);
    },
  );

  it("the standalone web server: its entries and every module they import exist; the build makes the standalone output and completes it", async () => {
    const { files, packages } = await serverFiles(root);
    expect(files).toEqual(
      expect.arrayContaining([
        ...SERVER_ENTRIES,
        "scripts/request-guard.mjs",
        "scripts/client-address.mjs",
        "lib/i18n/accept-language.mjs",
      ]),
    );
    for (const f of files) expect(existsSync(path.join(root, f)), f).toBe(true);
    expect(packages).toContain("next");
    expect(read("next.config.ts")).toMatch(/output:\s*"standalone"/);
    expect(pkg.scripts.build).toMatch(/next build.*&& node scripts\/standalone\.mjs$/);
    expect(STANDALONE_DIR).toBe(".next/standalone");
    expect(BUNDLE_DIR.split("/")).toHaveLength(2);
  });

  it.each(FILES)("%s: every API path it names is a route, every repository path it names exists", (file) => {
    const text = read(file);
    for (const p of apiPaths(text))
      expect(existsSync(path.join(root, "app", p, "route.ts")), `${file}: ${p}`).toBe(true);
    for (const p of repoPaths(text)) {
      // A bundle the build makes in the standalone output (scripts/standalone.mjs): its command's source.
      if (p.startsWith(`${BUNDLE_DIR}/`)) {
        expect(Object.keys(BUNDLES), `${file}: ${p}`).toContain(path.basename(p, ".mjs"));
        continue;
      }
      const dir = p.includes("*") ? path.dirname(p) : p;
      expect(existsSync(path.join(root, dir)), `${file}: ${p}`).toBe(true);
    }
  });

  it("the Dockerfile copies only what exists, runs as a non-root user, checks readiness, has no build tools in its last stage and copies only the standalone output into it", () => {
    const text = read("Dockerfile");
    for (const m of text.matchAll(/^COPY\s+(?!--from)(.+)$/gm)) {
      const parts = m[1]
        .trim()
        .split(/\s+/)
        .filter((p) => !p.startsWith("--"));
      for (const src of parts.slice(0, -1))
        if (src !== ".") expect(existsSync(path.join(root, src)), `COPY ${src}`).toBe(true);
    }
    for (const m of text.matchAll(/^ENV\s+((?:.|\\\n)+?)(?<!\\)$/gm)) {
      for (const v of m[1].matchAll(/([A-Z][A-Z0-9_]+)=/g))
        expect(envExample.has(v[1]) || NOT_APP_VARIABLES.has(v[1]), `ENV ${v[1]}`).toBe(true);
    }
    const stages = text.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const last = stages.at(-1)!;
    expect(last).toMatch(/^USER (?!root)\w+/m);
    expect(last).toMatch(/HEALTHCHECK[^]*\/api\/v1\/health\/ready/);
    expect(last).not.toMatch(/apt-get install|build-essential|python3|\bg\+\+|\bmake\b/);
    expect(text).toMatch(/^RUN npm run build$/m);
    const copies = [...last.matchAll(/^COPY\s+(.+)$/gm)].map((m) => m[1].trim());
    expect(copies).toEqual([`--from=build --chown=hospital:hospital /app/${STANDALONE_DIR} /app`]);
    expect(last).not.toMatch(/node_modules/);
  });

  it("compose.yaml: app, worker and PostgreSQL with volumes; every app variable of .env.example is passed, and nothing else", () => {
    const compose = parse(read("compose.yaml"), { merge: true }) as {
      services: Record<
        string,
        {
          environment?: Record<string, unknown>;
          volumes?: string[];
          command?: string[];
          image?: string;
          build?: string;
          healthcheck?: unknown;
        }
      >;
      volumes: Record<string, unknown>;
    };
    expect(Object.keys(compose.services).sort()).toEqual(["app", "db", "worker"]);
    expect(compose.services.db.volumes?.some((v) => v.startsWith("pgdata:"))).toBe(true);
    expect(compose.services.app.volumes?.some((v) => v.startsWith("backups:"))).toBe(true);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(["pgdata", "backups", "app-data"]));
    expect(compose.services.app.build).toBe(".");
    for (const name of ["app", "worker"]) {
      const env = Object.keys(compose.services[name].environment ?? {});
      for (const v of envExample)
        if (!NOT_FOR_CONTAINERS.has(v) && v !== "START_WORKER") expect(env, `${name} lacks ${v}`).toContain(v);
      for (const v of env)
        expect(envExample.has(v) || NOT_APP_VARIABLES.has(v), `${name}: ${v} is not in .env.example`).toBe(true);
    }
    expect(compose.services.app.environment?.START_WORKER).toBe("0");
    expect(compose.services.worker.command).toEqual(["npm", "run", "worker"]);
    // Interpolated variables too (${VAR:-default}, ${VAR:?message}).
    for (const m of read("compose.yaml").matchAll(/\$\{([A-Z][A-Z0-9_]*)/g))
      expect(envExample.has(m[1]) || NOT_APP_VARIABLES.has(m[1]), m[1]).toBe(true);
  });

  it.each(UNITS)(
    "%s: runs an npm script from its working directory with the app's .env; its variables are documented",
    (unit) => {
      const text = read(unit);
      expect(text).toMatch(/^ExecStart=\/usr\/bin\/npm (start|run [\w:-]+)$/m);
      expect(text).toMatch(/^EnvironmentFile=\/opt\/hospital\/\.env$/m);
      expect(text).toMatch(/^User=(?!root)\w+/m);
      for (const line of text.matchAll(/^Environment=(.+)$/gm)) {
        for (const v of line[1].matchAll(/([A-Z][A-Z0-9_]+)=/g))
          expect(envExample.has(v[1]) || NOT_APP_VARIABLES.has(v[1]), `${unit}: ${v[1]}`).toBe(true);
      }
    },
  );

  it("the Caddyfile terminates HTTPS for a public name, proxies to the app's port and names the app variables it relies on", () => {
    const text = read("deploy/Caddyfile");
    expect(text).toMatch(/^[a-z0-9.-]+\.[a-z]+ \{/m);
    expect(text).toMatch(/reverse_proxy 127\.0\.0\.1:3000/);
    for (const v of ["APP_URL", "NEXTAUTH_URL", "TRUSTED_PROXIES"]) {
      expect(text).toContain(`${v}=`);
      expect(envExample.has(v)).toBe(true);
    }
    for (const m of text.matchAll(/\b([A-Z][A-Z0-9_]{3,})=/g)) expect(envExample.has(m[1]), m[1]).toBe(true);
  });
});
