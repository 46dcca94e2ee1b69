import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { resetDatabase } from "./reset";

// The operators' console end to end: `tsx scripts/console.ts …` against this run's database.

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(extraEnv: Record<string, string>, ...args: string[]) {
  const res = spawnSync(tsx, ["scripts/console.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NODE_OPTIONS: "", ...extraEnv },
    timeout: 60_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

// Each test starts the console several times (a tsx process each, seconds apiece on a busy machine):
// the time allowed is per process started, not the integration suite's 30 s.
describe("operators' console", { timeout: 180_000 }, () => {
  let adminId: string;

  beforeAll(async () => {
    await resetDatabase();
    adminId = (
      await seedUser(db(), { email: "ops@h.org", name: "Ops Admin", role: "ADMIN", password: "pw-0123456789" })
    ).id;
    await seedUser(db(), { email: "nurse@h.org", name: "Nina Nurse", role: "NURSE", password: "pw-0123456789" });
  }, 60_000);

  it("prints help, and per-command help", () => {
    const help = run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("patients");
    expect(help.out).toContain("--as <email>");
    const sub = run("patients", "create", "--help");
    expect(sub.code).toBe(0);
    expect(sub.out).toContain("--first-name");
  });

  it("creates a patient, lists and shows it, as the first admin, audited with that actor", async () => {
    const made = run(
      "--json",
      "patients",
      "create",
      "--first-name",
      "Ada",
      "--last-name",
      "Lovelace",
      "--dob",
      "1990-12-10",
      "--sex",
      "female",
      "--phone",
      "+44 20 7946 0000",
    );
    expect(made.err).toBe("");
    expect(made.code).toBe(0);
    const { id, mrn } = JSON.parse(made.out) as { id: string; mrn: string };
    expect(mrn).toBeTruthy();
    expect(
      await db().auditEvent.count({ where: { action: "CREATE", entity: "Patient", entityId: id, actorId: adminId } }),
    ).toBe(1);

    const list = run("patients", "list", "-q", "Lovelace");
    expect(list.code).toBe(0);
    expect(list.out).toContain(mrn);
    expect(list.out).toContain("Ada");

    const shown = run("--json", "patients", "show", id);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out).lastName).toBe("Lovelace");
    expect(await db().auditEvent.count({ where: { action: "VIEW", patientId: id, actorId: adminId } })).toBeGreaterThan(
      0,
    );

    const updated = run("patients", "update", id, "--phone", "+44 20 7946 0001");
    expect(updated.code).toBe(0);
    expect((await db().patient.findUniqueOrThrow({ where: { id } })).phone).toBe("+442079460001");
  });

  it("refuses bad input field by field with exit code 1, writing nothing", async () => {
    const before = await db().patient.count();
    const bad = run(
      "patients",
      "create",
      "--first-name",
      "",
      "--last-name",
      "X",
      "--dob",
      "31-12-1990",
      "--sex",
      "female",
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/firstName: /);
    expect(bad.err).toMatch(/dateOfBirth: /);
    expect(await db().patient.count()).toBe(before);

    expect(run("patients", "create", "--sex", "robot").code).toBe(1);
    expect(run("no-such-command").code).toBe(1);
  });

  it("refuses a non-admin actor, and verifies the audit chain", async () => {
    const denied = run("--as", "nurse@h.org", "departments", "create", "Cardiology");
    expect(denied.code).toBe(1);
    expect(denied.err).toContain("permission");
    expect(await db().department.count({ where: { name: "Cardiology" } })).toBe(0);

    const dept = run("--as", "ops@h.org", "departments", "create", "Cardiology", "--description", "Heart");
    expect(dept.code).toBe(0);
    expect(run("departments", "list").out).toContain("Cardiology");

    const verified = run("--json", "audit", "verify");
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true });
    expect(await db().auditEvent.count({ where: { action: "VERIFY", entity: "AuditChain", actorId: adminId } })).toBe(
      1,
    );
  });

  it("is not bound by the web requests' statement timeout (an operator's verify may rightly run long)", () => {
    // 1 ms: every statement of a web request would be cancelled; the console's are not.
    const verified = runWith({ STATEMENT_TIMEOUT_MS: "1" }, "--json", "audit", "verify");
    expect(verified.err).toBe("");
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true });
  });

  it("creates a staff member and an admin, resets a password, and runs a job now", async () => {
    const staff = run(
      "--json",
      "staff",
      "create",
      "--name",
      "Dr Who",
      "--email",
      "who@h.org",
      "--role",
      "DOCTOR",
      "--specialty",
      "Cardiology",
      "--password",
      "who-staple-orbit-9",
    );
    expect(staff.err).toBe("");
    expect(staff.code).toBe(0);
    const admin = run("admin", "create", "second@h.org", "--password", "second-staple-orbit-9");
    expect(admin.err).toBe("");
    expect(admin.code).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { email: "second@h.org" } })).role).toBe("ADMIN");

    const reset = run("--json", "password", "reset", "who@h.org");
    expect(reset.err).toBe("");
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.out).url).toMatch(/\/set-password\/[\w-]{43}$/);
    // The printed link is the working one (the console derives it with the app's secret).
    const { describePasswordToken } = await import("@/lib/accounts/password-tokens");
    expect(await describePasswordToken(db(), JSON.parse(reset.out).url.split("/").at(-1))).toMatchObject({
      purpose: "RESET",
    });

    const job = run("--json", "jobs", "run", "reminders");
    expect(job.err).toBe("");
    expect(job.code).toBe(0);
    expect(JSON.parse(job.out)).toMatchObject({ job: "reminders.send", reminded: 0 });
    expect(run("jobs", "run", "nope").err).toContain("job: Use one of");
  });

  it("prints links on PORT's localhost address, or APP_URL's when it is set", () => {
    const { APP_URL: _a, NEXTAUTH_URL: _n, PORT: _p, ...base } = process.env;
    const reset = (env: Record<string, string>) => {
      const res = spawnSync(tsx, ["scripts/console.ts", "--json", "password", "reset", "who@h.org"], {
        cwd: root,
        encoding: "utf8",
        env: { ...base, NODE_OPTIONS: "", ...env },
        timeout: 60_000,
      });
      expect(res.stderr).toBe("");
      return JSON.parse(res.stdout).url as string;
    };
    expect(reset({ PORT: "4123" })).toMatch(/^http:\/\/localhost:4123\/set-password\//);
    expect(reset({ PORT: "4123", APP_URL: "https://hospital.example.org" })).toMatch(
      /^https:\/\/hospital\.example\.org\/set-password\//,
    );
  });

  it("says plainly when it cannot reach the database", () => {
    const res = runWith({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" }, "patients", "list");
    expect(res.code).toBe(1);
    expect(res.err).toContain(
      "Error: cannot reach the database at 127.0.0.1:1/nowhere. Is PostgreSQL running and DATABASE_URL right?",
    );
    expect(res.err).not.toMatch(/prisma|DriverAdapterError|at .*\.ts:\d+/i);
  });

  it("removes the demo hospital's patients and accounts, keeps real records and the audit trail", async () => {
    const { seedPatient } = await import("@/prisma/builders");
    const { existingIds, markDemo } = await import("@/lib/demo/service");
    const real = await seedPatient(db(), {
      firstName: "Real",
      lastName: "Person",
      dateOfBirth: "1970-01-01",
      sex: "female",
    });
    const before = await existingIds(db());
    const demoDoctor = await seedUser(db(), {
      email: "doc@demo.hospital",
      name: "Demo Doc",
      role: "DOCTOR",
      password: "pw-0123456789",
    });
    const demoPatient = await seedPatient(db(), {
      firstName: "Demo",
      lastName: "Patient",
      dateOfBirth: "1980-01-01",
      sex: "male",
    });
    const slot = new Date(Date.now() + 7 * 24 * 3600_000);
    // Referred to by RESTRICT foreign keys: removed with the patient, before the doctor.
    await db().appointment.create({
      data: {
        patientId: demoPatient.id,
        doctorId: demoDoctor.id,
        startsAt: slot,
        endsAt: new Date(slot.getTime() + 1800_000),
        reason: "demo",
      },
    });
    expect(await markDemo(db(), before)).toEqual({ patients: 1, users: 1 });
    const auditsBefore = await db().auditEvent.count();

    const dry = run("--json", "demo", "remove");
    expect(dry.err).toBe("");
    expect(JSON.parse(dry.out)).toMatchObject({
      demoPatients: 1,
      demoAccounts: 1,
      realPatientsKept: await db().patient.count({ where: { demo: false } }),
    });
    expect(await db().patient.count({ where: { demo: true } })).toBe(1);

    const done = run("--json", "demo", "remove", "--yes");
    expect(done.err).toBe("");
    expect(done.code).toBe(0);
    expect(await db().patient.findUnique({ where: { id: demoPatient.id } })).toBeNull();
    expect(await db().user.findUnique({ where: { id: demoDoctor.id } })).toBeNull();
    expect(await db().patient.findUnique({ where: { id: real.id } })).not.toBeNull();
    expect(await db().user.count({ where: { email: "ops@h.org" } })).toBe(1);
    expect(await db().auditEvent.count()).toBeGreaterThan(auditsBefore);
  });
});
