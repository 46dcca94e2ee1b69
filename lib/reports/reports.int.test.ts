import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { clock } from "@/lib/server/clock";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { aggregatesCsv, revenueCsv } from "./csv";
import { aggregates } from "./public-health";
import { appointmentsPerDay, revenuePerDay, revenueReport, topDiagnoses } from "./queries";

const PW = "pw-0123456789";
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const MARCH_PERIOD = { period: "2026-03" };
const at = (s: string) => new Date(`${s}Z`);

let adminId: string, drA: string, drB: string, p1: { id: string; mrn: string }, p2: { id: string; mrn: string };

type Line = { kind: "CONSULTATION" | "LAB_TEST" | "DRUG"; amount: number; doctorId?: string };
async function invoice(
  patientId: string,
  issuedAt: string,
  lines: Line[],
  payments: { amount: number; at: string }[] = [],
  status: "OPEN" | "VOID" = "OPEN",
) {
  const inv = await db().invoice.create({
    data: {
      patientId,
      currency: "USD",
      status,
      issuedAt: at(issuedAt),
      createdById: adminId,
      lines: {
        create: lines.map((l, i) => ({
          kind: l.kind,
          description: `${l.kind} ${i}`,
          quantity: 1,
          unitAmount: l.amount,
          amount: l.amount,
          doctorId: l.doctorId ?? null,
        })),
      },
    },
  });
  let last: string | null = null;
  for (const p of payments) {
    const row: { id: string } = await db().payment.create({
      data: {
        invoiceId: inv.id,
        amount: p.amount,
        method: "CASH",
        receivedById: adminId,
        receivedAt: at(p.at),
        refundOfId: p.amount < 0 ? last : null,
      },
    });
    if (p.amount > 0) last = row.id;
  }
  return inv;
}

describe("reports", () => {
  beforeEach(async () => {
    await resetDatabase();
    const cardio = await seedDepartment(db(), "Cardiology");
    adminId = (await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW })).id;
    drA = (
      await seedUser(db(), {
        email: "da@h.org",
        name: "Dr Alpha",
        role: "DOCTOR",
        password: PW,
        departmentId: cardio.id,
      })
    ).id;
    drB = (await seedUser(db(), { email: "db@h.org", name: "Dr Beta", role: "DOCTOR", password: PW })).id;
    p1 = await seedPatient(db(), { firstName: "Ann", lastName: "One", dateOfBirth: "1990-05-01", sex: "female" });
    p2 = await seedPatient(db(), { firstName: "Bob", lastName: "Two", dateOfBirth: "1950-01-01", sex: "male" });
  });

  describe("revenue per doctor (hand-computed fixture)", () => {
    beforeEach(async () => {
      // I1: Dr Alpha 50.00 + lab 30.00 = 80.00; paid 80.00, refunded 20.00 → net 60.00; Alpha's share 60 × 50/80 = 37.50.
      await invoice(
        p1.id,
        "2026-03-02T10:00:00",
        [
          { kind: "CONSULTATION", amount: 5000, doctorId: drA },
          { kind: "LAB_TEST", amount: 3000 },
        ],
        [
          { amount: 8000, at: "2026-03-02T10:30:00" },
          { amount: -2000, at: "2026-03-06T09:00:00" },
        ],
      );
      // I2: Dr Alpha 40.00, paid 10.00 → 10.00.
      await invoice(
        p2.id,
        "2026-03-05T11:00:00",
        [{ kind: "CONSULTATION", amount: 4000, doctorId: drA }],
        [{ amount: 1000, at: "2026-03-05T11:10:00" }],
      );
      // I3: Dr Beta 60.00 + drug 15.00, paid in full → Beta's share 60.00.
      await invoice(
        p2.id,
        "2026-03-03T12:00:00",
        [
          { kind: "CONSULTATION", amount: 6000, doctorId: drB },
          { kind: "DRUG", amount: 1500 },
        ],
        [{ amount: 7500, at: "2026-03-03T12:05:00" }],
      );
      // Left out: a void invoice, and one issued in April.
      await invoice(p1.id, "2026-03-04T09:00:00", [{ kind: "CONSULTATION", amount: 9999, doctorId: drA }], [], "VOID");
      await invoice(
        p1.id,
        "2026-04-10T09:00:00",
        [{ kind: "CONSULTATION", amount: 7000, doctorId: drA }],
        [{ amount: 7000, at: "2026-04-10T09:00:00" }],
      );
    });

    it("sums billed and collected per doctor with the visits behind them", async () => {
      const r = await revenueReport(db(), MARCH);
      expect(r.items).toEqual([
        {
          doctorId: drA,
          doctor: "Dr Alpha",
          billed: 9000,
          collected: 4750,
          visits: [
            { invoice: expect.any(String), date: "2026-03-02", mrn: p1.mrn, amount: 5000, collected: 3750 },
            { invoice: expect.any(String), date: "2026-03-05", mrn: p2.mrn, amount: 4000, collected: 1000 },
          ],
        },
        {
          doctorId: drB,
          doctor: "Dr Beta",
          billed: 6000,
          collected: 6000,
          visits: [{ invoice: expect.any(String), date: "2026-03-03", mrn: p2.mrn, amount: 6000, collected: 6000 }],
        },
      ]);
      expect(r.total).toEqual({ visits: 3, billed: 15000, collected: 10750 });
    });

    it("filters by doctor and exports one CSV row per visit under a header", async () => {
      const r = await revenueReport(db(), { ...MARCH, doctorId: drB });
      expect(r.items.map((d) => d.doctor)).toEqual(["Dr Beta"]);
      const lines = revenueCsv(await revenueReport(db(), MARCH), "en")
        .trim()
        .split("\n");
      expect(lines[0]).toBe("Doctor,Date,Invoice,MRN,Billed (minor units),Collected (minor units),Currency");
      expect(lines).toHaveLength(4);
      expect(lines[1]).toMatch(new RegExp(`^Dr Alpha,2026-03-02,INV-\\d+,${p1.mrn},5000,3750,USD$`));
    });

    it("gives payments, refunds and net per day, every day of the range", async () => {
      const days = await revenuePerDay(db(), { from: "2026-03-01", to: "2026-03-07" });
      expect(days).toHaveLength(7);
      expect(days.filter((d) => d.payments || d.refunds)).toEqual([
        { day: "2026-03-02", payments: 8000, refunds: 0, net: 8000 },
        { day: "2026-03-03", payments: 7500, refunds: 0, net: 7500 },
        { day: "2026-03-05", payments: 1000, refunds: 0, net: 1000 },
        { day: "2026-03-06", payments: 0, refunds: 2000, net: -2000 },
      ]);
    });
  });

  it("counts appointments per day without cancelled ones, and the top diagnosis codes", async () => {
    const appt = (startsAt: string, status: "BOOKED" | "CANCELLED" = "BOOKED") =>
      db().appointment.create({
        data: {
          patientId: p1.id,
          doctorId: drA,
          startsAt: at(startsAt),
          endsAt: new Date(at(startsAt).getTime() + 1800_000),
          status,
        },
      });
    await appt("2026-03-02T09:00:00");
    await appt("2026-03-02T10:00:00");
    await appt("2026-03-02T11:00:00", "CANCELLED");
    await appt("2026-03-03T09:00:00");
    expect(await appointmentsPerDay(db(), { from: "2026-03-01", to: "2026-03-03" })).toEqual([
      { day: "2026-03-01", count: 0 },
      { day: "2026-03-02", count: 2 },
      { day: "2026-03-03", count: 1 },
    ]);
    for (const codes of [["I10", "E11.9"], ["I10"], [null]]) {
      await db().consultation.create({
        data: {
          patientId: p1.id,
          doctorId: drA,
          createdAt: at("2026-03-10T09:00:00"),
          diagnoses: { create: codes.map((code) => ({ code, description: code ?? "free text" })) },
        },
      });
    }
    expect(await topDiagnoses(db(), MARCH)).toEqual([
      { code: "I10", description: "I10", count: 2 },
      { code: "E11.9", description: "E11.9", count: 1 },
    ]);
  });

  describe("public-health aggregates", () => {
    beforeEach(async () => {
      // 9 consultations of Ann (female, 35 on the day, Cardiology via Dr Alpha), 3 of Bob (male, 76, no department).
      const consult = (patientId: string, doctorId: string, code: string) =>
        db().consultation.create({
          data: {
            patientId,
            doctorId,
            createdAt: at("2026-03-10T09:00:00"),
            diagnoses: { create: [{ code, description: "x" }] },
          },
        });
      for (let i = 0; i < 9; i++) await consult(p1.id, drA, i < 6 ? "J06.9" : "I10");
      for (let i = 0; i < 3; i++) await consult(p2.id, drB, "E11.9");
    });

    it("shows a cell of 3 as <5 and withholds a second cell so the total cannot give it back", async () => {
      const a = await aggregates(db(), { ...MARCH_PERIOD, groupBy: "sex" });
      expect(a).toEqual({
        period: "2026-03",
        from: MARCH.from,
        to: MARCH.to,
        groupBy: "sex",
        unit: "consultations",
        items: [
          { group: "female", count: "withheld" },
          { group: "male", count: "<5" },
        ],
        total: 12,
      });
      const d = await aggregates(db(), { ...MARCH_PERIOD, groupBy: "diagnosis" });
      // J06 6 is published; E11 3 is suppressed; I10 3 too, so nothing is recomputable from the total.
      expect(d.items).toEqual([
        { group: "J06", count: 6 },
        { group: "E11", count: "<5" },
        { group: "I10", count: "<5" },
      ]);
      expect(d.total).toBe(12);
    });

    it("groups by age band and department, in band order", async () => {
      expect((await aggregates(db(), { ...MARCH_PERIOD, groupBy: "ageBand" })).items).toEqual([
        { group: "25-44", count: "withheld" },
        { group: "65+", count: "<5" },
      ]);
      expect((await aggregates(db(), { ...MARCH_PERIOD, groupBy: "department" })).items).toEqual([
        { group: "Cardiology", count: "withheld" },
        { group: "No department", count: "<5" },
      ]);
      await db().consultation.create({
        data: { patientId: p2.id, doctorId: drB, createdAt: at("2026-03-11T09:00:00") },
      });
      await db().consultation.create({
        data: { patientId: p2.id, doctorId: drB, createdAt: at("2026-03-11T09:00:00") },
      });
      expect((await aggregates(db(), { ...MARCH_PERIOD, groupBy: "ageBand" })).items).toEqual([
        { group: "25-44", count: 9 },
        { group: "65+", count: 5 },
      ]);
    });

    it("covers fixed, completed periods only: a month, a quarter or a year, never one still running", async () => {
      onTestFinished(() => {
        vi.restoreAllMocks();
      });
      vi.spyOn(clock, "now").mockReturnValue(new Date("2026-03-20T12:00:00Z"));
      for (const period of ["2026-03", "2026-Q1", "2026"]) {
        const err = await aggregates(db(), { period, groupBy: "sex" }).catch((e) => e);
        expect(err, period).toMatchObject({
          code: "VALIDATION_FAILED",
          fields: { period: "This period is not over yet: aggregates cover completed periods only" },
        });
      }
      for (const period of ["2026-3", "2026-Q5", "26", "2026-03-01", "2026-13"]) {
        expect((await aggregates(db(), { period, groupBy: "sex" }).catch((e) => e)).fields, period).toEqual({
          period: "Use a month (2026-11), a quarter (2026-Q3) or a year (2026)",
        });
      }
      expect((await aggregates(db(), { period: "2026-02", groupBy: "sex" })).total).toBe(0);
      vi.spyOn(clock, "now").mockReturnValue(new Date("2027-01-01T00:00:00Z"));
      expect(await aggregates(db(), { period: "2026-Q1", groupBy: "sex" })).toMatchObject({
        period: "2026-Q1",
        from: "2026-01-01",
        to: "2026-03-31",
      });
      expect(await aggregates(db(), { period: "2026", groupBy: "sex" })).toMatchObject({
        period: "2026",
        from: "2026-01-01",
        to: "2026-12-31",
      });
    });

    it("a quarter or a year cannot give back a month's small cell by subtraction (Q1 − Jan − Feb = Mar)", async () => {
      onTestFinished(() => {
        vi.restoreAllMocks();
      });
      vi.spyOn(clock, "now").mockReturnValue(new Date("2027-01-01T00:00:00Z"));
      // Bob (male) had 3 consultations in March (suppressed there); add 6 in January and 6 in February, each published.
      for (const day of ["2026-01-12", "2026-02-12"]) {
        for (let i = 0; i < 6; i++)
          await db().consultation.create({
            data: { patientId: p2.id, doctorId: drB, createdAt: at(`${day}T09:00:00`) },
          });
      }
      const month = async (period: string) =>
        Object.fromEntries((await aggregates(db(), { period, groupBy: "sex" })).items.map((i) => [i.group, i.count]));
      expect(await month("2026-01")).toEqual({ male: 6 });
      expect(await month("2026-02")).toEqual({ male: 6 });
      expect(await month("2026-03")).toEqual({ female: "withheld", male: "<5" });
      for (const period of ["2026-Q1", "2026"]) {
        const a = await aggregates(db(), { period, groupBy: "sex" });
        // Without the months' rule, male would read 15: 15 − 6 − 6 = 3, the hidden March count.
        expect(a.items, period).toEqual([
          { group: "female", count: "withheld" },
          { group: "male", count: "withheld" },
        ]);
        expect(a.total).toBe(24);
      }
      // Where every month publishes a group, the quarter publishes its sum.
      for (let i = 0; i < 6; i++)
        await db().consultation.create({
          data: { patientId: p2.id, doctorId: drB, createdAt: at("2026-03-20T09:00:00") },
        });
      expect(await month("2026-Q1")).toEqual({ male: 21, female: 9 });
    });

    it("never carries an identifier, in JSON or CSV", async () => {
      for (const groupBy of ["diagnosis", "department", "ageBand", "sex"] as const) {
        const a = await aggregates(db(), { ...MARCH_PERIOD, groupBy });
        const text = JSON.stringify(a) + aggregatesCsv(a, "en");
        for (const secret of [p1.id, p1.mrn, p2.mrn, "Ann", "Bob", "1990-05-01", drA, "Dr Alpha"])
          expect(text).not.toContain(secret);
        for (const item of a.items) expect(Object.keys(item)).toEqual(["group", "count"]);
        for (const item of a.items) expect(typeof item.count === "number" ? item.count >= 5 : true).toBe(true);
      }
    });
  });
});
