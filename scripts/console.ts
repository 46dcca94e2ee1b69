// `npm run console -- <command>`: the operators' console. Every command goes through the same
// services and permission checks as the web app and the API, acting as a named admin (--as <email>,
// else the first active admin), so everything it does is audited with that person.
import { Command, CommanderError, Option } from "commander";
import { z } from "zod";
import { issueLink, LINK_PATH, setPasswordWithToken } from "../lib/accounts/password-tokens";
import { linkToken } from "../lib/notifications/links";
import { appUrl, env } from "../lib/server/env";
import { realPatientCount, removeDemo } from "../lib/demo/service";
import { databaseUnavailable } from "../lib/server/errors-map";
import { forgetSecretFingerprint } from "../lib/server/secret-fingerprint";
import { deactivateUser } from "../lib/accounts/service";
import { listDepartments, type DepartmentSort } from "../lib/departments/queries";
import { ZDepartmentCreate } from "../lib/departments/schemas";
import { createDepartment } from "../lib/departments/service";
import { verifyBackupFile, restoreBackup, restoreTargetUrl } from "../lib/backups/restore";
import { runBackup } from "../lib/backups/run";
import { runScheduledNow } from "../lib/jobs/admin";
import type { ScheduledJob } from "../lib/jobs/definitions";
import { sweepOutbox } from "../lib/jobs/email";
import { startQueue } from "../lib/jobs/queue";
import { sendDueReminders } from "../lib/jobs/reminders";
import { sendMonthlyReports } from "../lib/jobs/reports";
import { listPatients, readPatient, type PatientSort } from "../lib/patients/queries";
import { ZDeactivatePatient, ZRegisterPatient, ZUpdatePatient } from "../lib/patients/schemas";
import { deactivatePatient, registerPatient, updatePatient } from "../lib/patients/service";
import type { ListQuery } from "../lib/server/api";
import { audit, verifyAuditChain } from "../lib/server/audit";
import { db } from "../lib/server/db";
import { AppError, forbidden } from "../lib/server/errors";
import { can, type Permission } from "../lib/server/permissions";
import type { Ctx } from "../lib/server/session";
import { parseInput } from "../lib/server/validation";
import { getStaff, listStaff, type StaffSort } from "../lib/staff/queries";
import { ZDeactivate, ZStaffCreate } from "../lib/staff/schemas";
import { createStaff } from "../lib/staff/service";
import { embeddedDatabaseName, loadDotEnv, persistentSecret, runningEmbeddedUrl } from "./db/embedded";
import { E } from "../lib/i18n/error-keys";

type Globals = { as?: string; json?: boolean };
type Row = Record<string, unknown>;

const JOBS: Record<string, ScheduledJob> = {
  reminders: "reminders.send",
  "monthly-report": "reports.monthly",
  "email-sweep": "email.sweep",
};

let globals: Globals = {};

/** The acting admin: --as <email> (an active ADMIN), else the first active admin by creation. */
async function actingCtx(permission: Permission): Promise<Ctx> {
  const email = globals.as?.trim().toLowerCase();
  const user = await db().user.findFirst({
    where: email ? { email } : { role: "ADMIN", active: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, name: true, email: true, active: true },
  });
  if (!user) throw new AppError("NOT_FOUND", email ? E.errors.cli.noAccount(email) : E.errors.cli.noActiveAdmin);
  if (!user.active) throw new AppError("FORBIDDEN", E.errors.cli.accountDeactivated(user.email));
  if (!can(user.role, permission)) throw forbidden();
  return { actor: { id: user.id, role: user.role, name: user.name, email: user.email }, ip: null };
}

/** Output: JSON with --json, else one line per row with aligned columns. */
function print(data: unknown, columns?: string[]): void {
  if (globals.json) return void console.log(JSON.stringify(data, null, 2));
  const rows = (Array.isArray(data) ? data : [data]) as Row[];
  if (!columns) {
    for (const row of rows)
      for (const [k, v] of Object.entries(row))
        console.log(`${k.padEnd(18)} ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v ?? "")}`);
    return;
  }
  const cell = (r: Row, c: string) => {
    const v = c.split(".").reduce<unknown>((o, k) => (o as Row | null)?.[k], r);
    return v instanceof Date ? v.toISOString() : String(v ?? "");
  };
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  console.log(columns.map((c, i) => c.padEnd(widths[i])).join("  "));
  for (const r of rows) console.log(columns.map((c, i) => cell(r, c).padEnd(widths[i])).join("  "));
  if (!rows.length) console.log("(none)");
}

/** Only the options the operator gave, under the schema's field names. */
function given(opts: Record<string, unknown>, fields: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([opt]) => opts[opt] !== undefined)
      .map(([opt, field]) => [field, opts[opt]]),
  );
}

const parse = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> => parseInput(schema, input);

/** Reads are audited too: which command the operator ran, as whom. */
const auditRead = (ctx: Ctx, entity: string, details: Record<string, string | number | boolean>) =>
  audit(db(), ctx, { action: "VIEW", entity, details: { via: "console", ...details } });

const listOpts = (cmd: Command) =>
  cmd
    .option("-q, --query <text>", "search text")
    .option("--page <n>", "page number", "1")
    .option("--page-size <n>", "rows per page (at most 100)", "20");

const ZListOpts = z.object({
  q: z.string().trim().max(200, "Search text is too long").default(""),
  page: z.coerce.number().int("Use a whole number").min(1, "Pages start at 1"),
  pageSize: z.coerce.number().int("Use a whole number").min(1, "At least 1").max(100, "At most 100"),
});

/** The API's list paging (lib/server/api.ts parseListQuery) without loading the web request layer. */
function listQuery<S extends string>(
  o: { query?: string; page: string; pageSize: string },
  field: S,
  dir: "asc" | "desc",
): ListQuery<S> {
  const { q, page, pageSize } = parse(ZListOpts, { q: o.query, page: o.page, pageSize: o.pageSize });
  return { q, page, pageSize, skip: (page - 1) * pageSize, take: pageSize, sort: { field, dir } };
}

const patientFields = (cmd: Command) =>
  cmd
    .option("--first-name <name>")
    .option("--last-name <name>")
    .option("--dob <YYYY-MM-DD>", "date of birth")
    .addOption(new Option("--sex <sex>").choices(["female", "male", "other", "unknown"]))
    .option("--phone <phone>")
    .option("--email <email>")
    .option("--address <address>");
const PATIENT_OPTS = {
  firstName: "firstName",
  lastName: "lastName",
  dob: "dateOfBirth",
  sex: "sex",
  phone: "phone",
  email: "email",
  address: "address",
};

function buildProgram(): Command {
  const program = new Command("console")
    .description(
      "Operators' console of the hospital system: the same services and permission checks as the app, audited as the acting admin.",
    )
    .option("--as <email>", "act as this admin (default: the first active admin)")
    .option("--json", "print JSON instead of text")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .hook("preAction", (cmd) => {
      globals = cmd.optsWithGlobals<Globals>();
    });

  const patients = program.command("patients").description("list, show, create, update and deactivate patient records");
  listOpts(patients.command("list").description("active patients, newest first; search over name, MRN and phone"))
    .option("--condition <text>", "only patients with this condition")
    .action(async (o) => {
      const ctx = await actingCtx("patient.list");
      const { items, total } = await listPatients(db(), {
        ...listQuery<PatientSort>(o, "createdAt", "desc"),
        condition: o.condition,
      });
      await auditRead(ctx, "Patient", { command: "patients list", total });
      print(globals.json ? { items, total } : items, ["id", "mrn", "firstName", "lastName", "dateOfBirth", "sex"]);
    });
  patients
    .command("show <id>")
    .description("one patient's record (audited as a read of the record)")
    .action(async (id: string) => {
      const ctx = await actingCtx("patient.read");
      print(await readPatient(db(), ctx, id));
    });
  patientFields(
    patients
      .command("create")
      .description("registers a patient; a likely duplicate stops it unless --confirm-duplicate"),
  )
    .option("--confirm-duplicate", "register even if a similar patient exists")
    .action(async (o) => {
      const ctx = await actingCtx("patient.register");
      const input = parse(ZRegisterPatient, {
        ...given(o, PATIENT_OPTS),
        confirmDuplicate: o.confirmDuplicate ?? false,
      });
      print(await registerPatient(db(), ctx, input), ["id", "mrn"]);
    });
  patientFields(patients.command("update <id>").description("changes the given fields only")).action(
    async (id: string, o) => {
      const ctx = await actingCtx("patient.register");
      print(await updatePatient(db(), ctx, id, parse(ZUpdatePatient, given(o, PATIENT_OPTS))), ["id", "mrn"]);
    },
  );
  patients
    .command("deactivate <id>")
    .description("soft delete: the record leaves lists, its history stays")
    .requiredOption("--reason <text>", "why")
    .action(async (id: string, o) => {
      const ctx = await actingCtx("patient.deactivate");
      await deactivatePatient(db(), ctx, id, parse(ZDeactivatePatient, { reason: o.reason }).reason);
      print({ id, active: false });
    });

  const staff = program.command("staff").description("list, show, create and deactivate staff accounts");
  listOpts(staff.command("list").description("staff accounts, active or not"))
    .option("--role <role>", "only this role")
    .action(async (o) => {
      const ctx = await actingCtx("staff.manage");
      const { items, total } = await listStaff(
        db(),
        listQuery<StaffSort>(o, "name", "asc"),
        o.role ? { role: o.role } : {},
      );
      await auditRead(ctx, "User", { command: "staff list", total });
      print(globals.json ? { items, total } : items, ["id", "name", "email", "role", "active", "department.name"]);
    });
  staff
    .command("show <id>")
    .description("one staff account")
    .action(async (id: string) => {
      const ctx = await actingCtx("staff.manage");
      const found = await getStaff(db(), id);
      if (!found) throw new AppError("NOT_FOUND", E.errors.cli.noStaff);
      await auditRead(ctx, "User", { command: "staff show", id });
      print(found);
    });
  staff
    .command("create")
    .description("creates a staff account; without --password an invitation email is sent")
    .requiredOption("--name <name>")
    .requiredOption("--email <email>")
    .requiredOption("--role <role>", "ADMIN, DOCTOR, NURSE, PHARMACIST or RECORDS_OFFICER")
    .option("--password <password>")
    .option("--department <id>", "department id")
    .option("--specialty <text>")
    .action(async (o) => {
      const ctx = await actingCtx("staff.manage");
      const input = parse(
        ZStaffCreate,
        given(o, {
          name: "name",
          email: "email",
          role: "role",
          password: "password",
          department: "departmentId",
          specialty: "specialty",
        }),
      );
      print(await createStaff(db(), ctx, input), ["id", "name", "email", "role"]);
    });
  staff
    .command("deactivate <id>")
    .description("sign-in refused, every session and token dead at once")
    .requiredOption("--reason <text>", "why")
    .action(async (id: string, o) => {
      const ctx = await actingCtx("staff.manage");
      await deactivateUser(db(), ctx, id, parse(ZDeactivate, { reason: o.reason }).reason);
      print({ id, active: false });
    });

  program
    .command("admin")
    .description("administrator accounts")
    .command("create <email>")
    .description("creates an admin account; without --password an invitation email is sent")
    .option("--name <name>", "display name (default: the part of the email before @)")
    .option("--password <password>")
    .action(async (email: string, o) => {
      const ctx = await actingCtx("staff.manage");
      const input = parse(ZStaffCreate, {
        email,
        name: o.name ?? email.split("@")[0],
        role: "ADMIN",
        ...(o.password ? { password: o.password } : {}),
      });
      print(await createStaff(db(), ctx, input), ["id", "name", "email", "role"]);
    });

  program
    .command("password")
    .description("passwords")
    .command("reset <email>")
    .description("prints a one-time set-password link, or sets --password directly (to be changed at the next sign-in)")
    .option("--password <password>", "the new password (else a link is printed)")
    .action(async (email: string, o) => {
      const ctx = await actingCtx("staff.manage");
      const user = await db().user.findUnique({
        where: { email: email.trim().toLowerCase() },
        select: { id: true, email: true, active: true },
      });
      if (!user?.active) throw new AppError("NOT_FOUND", E.errors.cli.noActiveAccount(email));
      const token = await db().$transaction(async (tx) => {
        const link = await issueLink(tx, user.id, "RESET");
        await audit(tx, ctx, {
          action: "UPDATE",
          entity: "User",
          entityId: user.id,
          details: { passwordLink: "RESET", via: "console", direct: !!o.password },
        });
        // The operator's shell is trusted with the secret already: the working link is shown here, never stored.
        return linkToken(link.tokenId);
      });
      if (o.password) {
        await setPasswordWithToken(db(), { token, password: o.password }, null);
        // The operator knows this password: the person replaces it at their next sign-in.
        await db().user.update({ where: { id: user.id }, data: { requiredAction: "UPDATE_PASSWORD" } });
        print({ email: user.email, passwordSet: true });
      } else print({ email: user.email, url: `${appUrl()}${LINK_PATH.RESET}/${token}` });
    });

  program
    .command("audit")
    .description("the audit trail")
    .command("verify")
    .description("checks the hash chain of the audit trail; exit code 1 when it is broken")
    .action(async () => {
      const ctx = await actingCtx("audit.read");
      const report = await verifyAuditChain(db());
      await audit(db(), ctx, {
        action: "VERIFY",
        entity: "AuditChain",
        details: { via: "console", ok: report.ok, checked: report.checked },
      });
      print(report);
      if (!report.ok) process.exitCode = 1;
    });

  program
    .command("jobs")
    .description("background jobs")
    .command("run <job>")
    .description(
      `runs a scheduled job now in this process, or --enqueue it for the worker; job: ${Object.keys(JOBS).join(", ")}`,
    )
    .option("--enqueue", "hand it to the worker queue instead of running it here")
    .action(async (job: string, o) => {
      const name = JOBS[job];
      if (!name)
        throw new AppError("VALIDATION_FAILED", E.errors.cli.unknownJob(job), {
          fields: { job: E.errors.cli.oneOf(Object.keys(JOBS).join(", ")) },
        });
      const ctx = await actingCtx("jobs.read");
      let result: unknown;
      if (o.enqueue) {
        const boss = await startQueue(process.env.DATABASE_URL!, { work: false });
        try {
          result = { enqueued: await runScheduledNow(boss, name) };
        } finally {
          await boss.stop({ graceful: false });
        }
      } else if (name === "reminders.send") result = { reminded: (await sendDueReminders(db())).reminded.length };
      else if (name === "reports.monthly") result = await sendMonthlyReports(db());
      else result = await sweepOutbox(db());
      await audit(db(), ctx, {
        action: "UPDATE",
        entity: "Job",
        details: { via: "console", job: name, enqueued: !!o.enqueue },
      });
      print({ job: name, ...(result as Row) });
    });

  program
    .command("backup")
    .description(
      "writes a backup of the whole database (one consistent snapshot, compressed; encrypted when BACKUP_ENCRYPTION_KEY is set) into --out, else BACKUP_DIR",
    )
    .option("--out <dir>", "directory to write the backup file into (default: BACKUP_DIR)")
    .action(async (o) => {
      const dir = o.out ?? env().BACKUP_DIR;
      if (!dir) throw new AppError("VALIDATION_FAILED", E.errors.cli.backupWhere);
      const ctx = await actingCtx("backup.run");
      const result = await runBackup(db(), ctx, { trigger: "console", dir, key: env().BACKUP_ENCRYPTION_KEY });
      const m = result.manifest;
      print({
        file: result.file,
        bytes: result.bytes,
        encrypted: result.encrypted,
        tables: m.tables.length,
        rows: result.rows,
        migration: m.migrations.at(-1),
        auditHead: m.auditHead.seq,
        appVersion: m.appVersion,
      });
    });

  program
    .command("restore <file>")
    .description(
      "restores a backup into an EMPTY database (migrations to the backup's level, rows, sequences), then verifies the audit chain and every table against the manifest; --verify-only checks the file alone",
    )
    .option(
      "--database <url|name>",
      "the empty database to restore into: a URL (postgresql://…), or a name (hospital_restored) for that database on the app's own server (the embedded one with npm start); created when missing",
    )
    .option("--verify-only", "only check the file (decryption, checksums, row counts); needs no database")
    .action(async (file: string, o) => {
      const key = env().BACKUP_ENCRYPTION_KEY;
      if (o.verifyOnly) {
        const m = await verifyBackupFile(file, key);
        return print({
          file,
          ok: true,
          createdAt: m.createdAt,
          appVersion: m.appVersion,
          migration: m.migrations.at(-1),
          tables: m.tables.length,
          rows: m.tables.reduce((n, t) => n + t.rows, 0),
          auditHead: m.auditHead.seq,
        });
      }
      if (!o.database) throw new AppError("VALIDATION_FAILED", E.errors.cli.restoreDatabase);
      const databaseUrl = restoreTargetUrl(o.database, process.env.DATABASE_URL);
      const started = Date.now();
      const report = await restoreBackup({ file, databaseUrl, key, progress: (line) => console.error(line) });
      print({ restored: file, ...report, seconds: Math.round((Date.now() - started) / 100) / 10 });
    });

  const departments = program.command("departments").description("list and create departments");
  listOpts(departments.command("list").description("departments, active and deactivated")).action(async (o) => {
    const ctx = await actingCtx("department.manage");
    const { items, total } = await listDepartments(db(), listQuery<DepartmentSort>(o, "name", "asc"), {
      includeInactive: true,
    });
    await auditRead(ctx, "Department", { command: "departments list", total });
    print(globals.json ? { items, total } : items, ["id", "name", "active", "description"]);
  });
  departments
    .command("create <name>")
    .description("creates a department")
    .option("--description <text>")
    .action(async (name: string, o) => {
      const ctx = await actingCtx("department.manage");
      print(await createDepartment(db(), ctx, parse(ZDepartmentCreate, { name, description: o.description })), [
        "id",
        "name",
      ]);
    });

  program
    .command("demo")
    .description("the demo hospital of `npm run db:seed`")
    .command("remove")
    .description(
      "deletes the demo patients with their records and the demo accounts (audit events stay: they are append-only)",
    )
    .option("--yes", "do it (without it, only says what would go)")
    .action(async (o) => {
      const ctx = await actingCtx("staff.manage");
      const [patients, users, real] = await Promise.all([
        db().patient.count({ where: { demo: true } }),
        db().user.count({ where: { demo: true } }),
        realPatientCount(db()),
      ]);
      if (!o.yes) {
        print({
          demoPatients: patients,
          demoAccounts: users,
          realPatientsKept: real,
          next: "run again with --yes to remove them",
        });
        return;
      }
      const result = await removeDemo(db());
      await audit(db(), ctx, {
        action: "DELETE",
        entity: "DemoData",
        details: { via: "console", patients, accounts: users, deactivated: result.deactivatedUsers.length },
      });
      print(
        globals.json
          ? result
          : { ...result.deleted, deactivatedAccounts: result.deactivatedUsers.join(", ") || "none" },
      );
    });

  program
    .command("secret")
    .description("the NEXTAUTH_SECRET shared by every machine on this database")
    .command("forget")
    .description(
      "forgets the recorded fingerprint of the secret, after changing it on purpose on every machine; the next start records the new one",
    )
    .action(async () => {
      const ctx = await actingCtx("staff.manage");
      const forgotten = await forgetSecretFingerprint(db());
      await audit(db(), ctx, { action: "DELETE", entity: "SecretFingerprint", details: { via: "console", forgotten } });
      print({ forgotten });
    });

  return program;
}

/** DATABASE_URL without its password, for messages. */
function safeDatabaseUrl(): string {
  try {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.password = "";
    return `${url.host}${url.pathname}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

/** An error for people: the message, then each field's problem on its own line; exit code 1. */
function report(err: unknown): void {
  if (err instanceof AppError) {
    if (globals.json) console.error(JSON.stringify(err.toBody(), null, 2));
    else {
      console.error(`Error: ${err.message}`);
      for (const [field, message] of Object.entries(err.fields ?? {})) console.error(`  ${field}: ${message}`);
    }
  } else console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}

async function main(argv: string[]): Promise<void> {
  loadDotEnv();
  process.env.DATABASE_URL ??= (await runningEmbeddedUrl(embeddedDatabaseName())) ?? undefined;
  // The app's own secret (as npm start keeps it), so that links printed here work.
  process.env.NEXTAUTH_SECRET ||= await persistentSecret("secret");
  // Links printed here point where the app answers: APP_URL, else what npm start derives (PORT).
  process.env.NEXTAUTH_URL ||= process.env.APP_URL || `http://localhost:${process.env.PORT || "3000"}`;
  // STATEMENT_TIMEOUT_MS bounds the statements of web requests (lib/server/db.ts); an operator's
  // command may rightly run longer (verifying a years-long audit chain is one statement), as may
  // the job worker's, which has none either.
  process.env.STATEMENT_TIMEOUT_MS = "0";
  const program = buildProgram();
  try {
    if (argv.length <= 2) return program.outputHelp();
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (!process.env.DATABASE_URL && /DATABASE_URL/.test(String((err as Error)?.message))) {
      console.error(
        "Error: DATABASE_URL is not set and the embedded database is not running. Set DATABASE_URL, or start the app with `npm run dev`.",
      );
      process.exitCode = 1;
      return;
    }
    if (databaseUnavailable(err) === "connection") {
      console.error(
        `Error: cannot reach the database at ${safeDatabaseUrl()}. Is PostgreSQL running and DATABASE_URL right?` +
          ((process.env.DATABASE_URL ?? "").includes("127.0.0.1:54329")
            ? " (the embedded database runs only while `npm start` or `npm run dev` does)"
            : ""),
      );
      process.exitCode = 1;
      return;
    }
    report(err);
  } finally {
    if (process.env.DATABASE_URL) await db().$disconnect();
  }
}

await main(process.argv);
