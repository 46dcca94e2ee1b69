import { beforeEach, describe, expect, it } from "vitest";
import { chartClinical, listVitals, timeline } from "@/lib/clinical/queries";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { openChart, type ChartAccess } from "./chart";
import { patientRecord } from "./queries";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string; name: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: u.name, email: u.email },
  ip: null,
});
const views = () => db().auditEvent.count({ where: { action: "VIEW" } });

describe("openChart: access to one patient's clinical data by construction", () => {
  let doctor: Ctx, records: Ctx, patient: Ctx, other: Ctx;
  let patientId: string, otherId: string;

  beforeEach(async () => {
    await resetDatabase();
    doctor = ctxOf(await seedUser(db(), { email: "d@h.org", name: "Dr Who", role: "DOCTOR", password: PW }), "DOCTOR");
    records = ctxOf(
      await seedUser(db(), { email: "r@h.org", name: "Rec", role: "RECORDS_OFFICER", password: PW }),
      "RECORDS_OFFICER",
    );
    const pu = await seedUser(db(), { email: "p@h.org", name: "Pat", role: "PATIENT", password: PW });
    const ou = await seedUser(db(), { email: "o@h.org", name: "Oth", role: "PATIENT", password: PW });
    patient = ctxOf(pu, "PATIENT");
    other = ctxOf(ou, "PATIENT");
    patientId = (
      await seedPatient(db(), {
        firstName: "Jane",
        lastName: "Doe",
        dateOfBirth: "1980-01-01",
        sex: "female",
        userId: pu.id,
      })
    ).id;
    otherId = (
      await seedPatient(db(), {
        firstName: "Oth",
        lastName: "Er",
        dateOfBirth: "1981-01-01",
        sex: "male",
        userId: ou.id,
      })
    ).id;
  });

  it("writes exactly one audit VIEW row per opening, whatever is then read of the chart", async () => {
    const chart = await openChart(db(), doctor, patientId, { need: "patient.chart.read" });
    expect(
      await db().auditEvent.findMany({
        select: { action: true, entity: true, entityId: true, patientId: true, actorId: true },
      }),
    ).toEqual([{ action: "VIEW", entity: "Patient", entityId: patientId, patientId, actorId: doctor.actor.id }]);
    // The page's reads of the opened chart write nothing more.
    await Promise.all([
      chartClinical(db(), chart),
      timeline(db(), chart, { page: 1, pageSize: 25 }),
      listVitals(db(), chart, { skip: 0, take: 20 }),
    ]);
    expect(patientRecord(chart)).toMatchObject({ id: patientId, clinical: { conditions: [] } });
    expect(await views()).toBe(1);
    await openChart(db(), patient, patientId);
    expect(await views()).toBe(2);
  });

  it("refuses out of scope and without the permission as not found, and writes nothing", async () => {
    // A patient opens only their own record.
    await expect(openChart(db(), other, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A records officer may read the record but not the clinical chart.
    await expect(openChart(db(), records, patientId, { need: "patient.chart.read" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(openChart(db(), doctor, "no-such-patient")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await views()).toBe(0);
    // Opened for demographics, a records officer's chart still refuses the clinical reads.
    const demographics = await openChart(db(), records, patientId);
    await expect(chartClinical(db(), demographics)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listVitals(db(), demographics, { skip: 0, take: 20 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(patientRecord(demographics).clinical).toBeNull();
    expect((await openChart(db(), other, otherId)).patientId).toBe(otherId);
  });

  it("cannot be read with a bare patient id or a forged access", async () => {
    const read = async () => {
      // @ts-expect-error a clinical read takes an opened chart, not a patient id
      await chartClinical(db(), doctor, patientId);
    };
    await expect(read()).rejects.toMatchObject({ code: "NOT_FOUND" });
    const timelineOfId = async () => {
      // @ts-expect-error the timeline too
      await timeline(db(), patientId, { page: 1, pageSize: 10 });
    };
    await expect(timelineOfId()).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The type can be forced with a cast, but the value was not issued by openChart: refused at run time.
    const forged = { patientId, ctx: doctor, patient: {}, clinical: true } as unknown as ChartAccess;
    await expect(chartClinical(db(), forged)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(timeline(db(), forged, { page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An issued access cannot be retargeted at another patient.
    const chart = await openChart(db(), patient, patientId);
    expect(() => Object.assign(chart, { patientId: otherId })).toThrow();
    expect(await views()).toBe(1);
  });
});
