import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScript, stopScript, watchOutput } from "./child-process";
import { createTestDatabase } from "./test-db";

// `npm run dev` (scripts/start.ts --dev) as a process: the web server it runs is killed, twice; the
// launcher (which owns the embedded database when there is one) must stay up and start it again,
// after 1 s then 2 s (scripts/restart-policy.mjs), and stop only on SIGTERM.

const children = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe("the launcher", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let launcher: ChildProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase("hospital_launcher");
  }, 60_000);
  afterAll(async () => {
    if (launcher) await stopScript(launcher, "SIGKILL");
    await database.drop();
  }, 60_000);

  it("starts the web server again whenever it dies, and stops only on SIGTERM", async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: database.url,
      START_WORKER: "0",
      PORT: String(port),
      ADMIN_PASSWORD: "Launcher-test-2026!",
      NEXTAUTH_SECRET: "launcher-test-secret-0123456789",
    };
    launcher = await startScript("scripts/start.ts", env, "Ready on", 240_000, ["--dev"]);
    const out = watchOutput(launcher);
    for (const pause of ["1 s", "2 s"]) {
      const [web] = children(launcher.pid!);
      expect(web).toBeGreaterThan(0);
      process.kill(web, "SIGKILL");
      const after = await out.until(`Web server exited (137); starting it again in ${pause}.`, 30_000);
      await out.until("Ready on", 240_000, after);
      expect(launcher.exitCode).toBeNull();
      expect(children(launcher.pid!)).not.toContain(web);
    }
    const exited = new Promise<number | null>((resolve) => launcher!.once("exit", (code) => resolve(code)));
    launcher.kill("SIGTERM");
    expect(await exited).toBe(0);
    launcher = undefined;
  }, 600_000);

  it("refuses to start with another NEXTAUTH_SECRET than the one the database was first started with", async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      START_WORKER: "0",
      PORT: String(port),
      ADMIN_PASSWORD: "Launcher-test-2026!",
      NEXTAUTH_SECRET: "another-machine-secret-0123456789",
    };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--dev"], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(output).toContain("NEXTAUTH_SECRET differs from the one this database was first started with");
    expect(output).not.toContain("Ready");
  }, 120_000);

  it("shows a generated first-admin password again after Ready, and keeps it in a 0600 file meanwhile", async () => {
    const fresh = await createTestDatabase("hospital_launcher_admin");
    const dir = mkdtempSync(path.join(tmpdir(), "first-admin-"));
    const file = path.join(dir, "first-admin-password");
    try {
      const port = await freePort();
      const { ADMIN_PASSWORD: _p, ADMIN_EMAIL: _e, ...base } = process.env;
      const env = {
        ...base,
        DATABASE_URL: fresh.url,
        START_WORKER: "0",
        PORT: String(port),
        NEXTAUTH_SECRET: "launcher-test-secret-0123456789",
        FIRST_ADMIN_PASSWORD_FILE: file,
      };
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--dev"], {
        cwd: path.resolve(import.meta.dirname, ".."),
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      launcher = child;
      const out = watchOutput(child);
      const ready = await out.until("Ready", 240_000);
      const password = /First admin: email admin@hospital\.local {2}password (\S+)/.exec(out.output)![1];
      // The banner once before the build/server output, and again after Ready.
      await out.until(`password ${password}`, 30_000, ready);
      expect(readFileSync(file, "utf8")).toBe(`email admin@hospital.local\npassword ${password}\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      await stopScript(child, "SIGTERM");
      launcher = undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await fresh.drop();
    }
  }, 600_000);
});
