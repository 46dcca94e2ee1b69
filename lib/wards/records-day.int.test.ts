import { beforeEach, describe, expect, it } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { failedJobCount } from "@/lib/jobs/admin";
import { unsentEmailCount } from "@/lib/notifications/queries";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { listAdmissions } from "./queries";

// The records officer's and the admin's home pages (components/dashboard): today's admissions and
// discharges, audited one row per patient shown; failed jobs and unsent emails counted.

const PW = "pw-0123456789";
const day = { from: new Date("2026-11-10T00:00:00Z"), to: new Date("2026-11-11T00:00:00Z") };

describe("the home pages' lists", () => {
  let records: Ctx;
  beforeEach(async () => {
    await resetDatabase();
    const r = await seedUser(db(), { email: "r@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW });
    records = { actor: { id: r.id, role: "RECORDS_OFFICER", name: "Records", email: r.email }, ip: null };
  });

  it("lists the stays admitted or discharged in a day, and audits each patient shown", async () => {
    const doctor = await seedUser(db(), {
      email: "d@h.org",
      name: "Dr D",
      role: "DOCTOR",
      password: PW,
      specialty: "Medicine",
    });
    const stay = async (name: string, admittedAt: string, dischargedAt: string | null) => {
      const p = await seedPatient(db(), { firstName: name, lastName: "Day", dateOfBirth: "1980-01-01", sex: "other" });
      await db().admission.create({
        data: {
          patientId: p.id,
          attendingDoctorId: doctor.id,
          reason: "x",
          admittedById: records.actor.id,
          admittedAt: new Date(admittedAt),
          dischargedAt: dischargedAt ? new Date(dischargedAt) : null,
        },
      });
      return p.id;
    };
    const inToday = await stay("In", "2026-11-10T09:00:00Z", null);
    const outToday = await stay("Out", "2026-11-08T09:00:00Z", "2026-11-10T15:00:00Z");
    await stay("Yesterday", "2026-11-09T09:00:00Z", null);
    await stay("Tomorrow", "2026-11-11T00:00:00Z", null);
    const { items, total } = await listAdmissions(db(), records, { movedBetween: day }, { skip: 0, take: 10 });
    expect(total).toBe(2);
    expect(items.map((a) => a.patient.id).sort()).toEqual([inToday, outToday].sort());
    expect(
      (await db().auditEvent.findMany({ where: { action: "VIEW", entity: "Admission" }, select: { patientId: true } }))
        .map((e) => e.patientId)
        .sort(),
    ).toEqual([inToday, outToday].sort());
  });

  it("counts unsent emails (waiting or failed, not sent) and failed jobs (0 before the queue exists)", async () => {
    const mail = (status: "SENT" | "OUTBOX" | "FAILED") =>
      db().outboxEmail.create({ data: { to: "x@h.org", subject: "s", html: "<p>b</p>", text: "b", status } });
    await Promise.all([mail("SENT"), mail("OUTBOX"), mail("FAILED")]);
    expect(await unsentEmailCount(db())).toBe(2);
    const [{ exists }] = await db().$queryRaw<
      { exists: boolean }[]
    >`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`;
    const expected = exists
      ? (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'failed'`)[0].n
      : 0;
    expect(await failedJobCount(db())).toBe(expected);
  });
});
