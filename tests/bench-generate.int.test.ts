import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateHospital, type GenerateReport } from "../scripts/bench/generate";
import { copyDatabase, createTestDatabase, dropDatabase } from "./test-db";

// The synthetic hospital of the benchmark (scripts/bench/generate.ts) at 2,000 patients: loaded into
// the run's database and, with the same seed, into a second fresh one.

const PATIENTS = 2000;
const SEED = 7;
const NOW = new Date("2026-11-22T00:00:00Z");

let other: { url: string; drop: () => Promise<void> };
let report: GenerateReport;
let c: pg.Client;
// The number sequences as they were: later files in this run's database start from them again.
const SEQUENCES = ["patient_mrn_seq", "invoice_number_seq", "receipt_number_seq", "prescription_number_seq"];
const sequences: { name: string; last_value: string; is_called: boolean }[] = [];

const one = async <T = Record<string, unknown>>(client: pg.Client, sql: string) =>
  (await client.query(sql)).rows[0] as T;
const count = async (table: string) => Number((await one<{ n: string }>(c, `SELECT count(*) n FROM "${table}"`)).n);

// Checksums of a few tables: every row's content, in id order.
const CHECKSUMS = ["Patient", "Appointment", "Consultation", "Prescription", "InvoiceLine", "Payment", "Admission"]
  .map((t) => `(SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM "${t}" x) AS "${t}"`)
  .join(", ");

beforeAll(async () => {
  const s = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await s.connect();
  for (const name of SEQUENCES)
    sequences.push({
      name,
      ...(await one<{ last_value: string; is_called: boolean }>(s, `SELECT last_value, is_called FROM ${name}`)),
    });
  await s.end();
  report = await generateHospital(process.env.DATABASE_URL!, { patients: PATIENTS, seed: SEED, now: NOW });
  other = await createTestDatabase("hospital_gen_test");
  await generateHospital(other.url, { patients: PATIENTS, seed: SEED, now: NOW });
  c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
}, 240_000);

afterAll(async () => {
  for (const q of sequences) await c?.query(`SELECT setval($1, $2, $3)`, [q.name, q.last_value, q.is_called]);
  await c?.end();
  await other?.drop();
});

describe("generateHospital", () => {
  it("reports a timing line per table that matches the rows loaded", async () => {
    for (const t of report.tables) expect(t.rows, t.table).toBe(await count(t.table));
    expect(report.totalRows).toBe(report.tables.reduce((s, t) => s + t.rows, 0));
  });

  it("loads a hospital at the stated ratios", async () => {
    const n = (t: string) => count(t);
    expect(await n("Patient")).toBe(PATIENTS);
    const roles = Object.fromEntries(
      (await c.query(`SELECT role, count(*)::int n FROM "User" GROUP BY role`)).rows.map((r) => [r.role, r.n]),
    );
    expect(roles.DOCTOR).toBe(20);
    expect(roles.NURSE).toBe(30);
    expect(roles.ADMIN).toBe(1);
    expect(roles.PATIENT / PATIENTS).toBeGreaterThan(0.27);
    expect(roles.PATIENT / PATIENTS).toBeLessThan(0.33);
    const patientsWith = async (t: string) =>
      Number((await one<{ n: string }>(c, `SELECT count(DISTINCT "patientId") n FROM "${t}"`)).n) / PATIENTS;
    expect(await patientsWith("Allergy")).toBeGreaterThan(0.12);
    expect(await patientsWith("Allergy")).toBeLessThan(0.18);
    expect(await patientsWith("Condition")).toBeGreaterThan(0.31);
    expect(await patientsWith("Condition")).toBeLessThan(0.39);
    expect(await patientsWith("Admission")).toBeGreaterThan(0.04);
    expect(await patientsWith("Admission")).toBeLessThan(0.08);
    const perPatient = (await n("Appointment")) / PATIENTS;
    expect(perPatient).toBeGreaterThan(5.5);
    expect(perPatient).toBeLessThan(6.5);

    const past = await one<{ completed: number; cancelled: number; noshow: number; live: number }>(
      c,
      `
      SELECT avg((status = 'COMPLETED')::int)::float completed, avg((status = 'CANCELLED')::int)::float cancelled,
             avg((status = 'NO_SHOW')::int)::float noshow, count(*) FILTER (WHERE status IN ('BOOKED', 'CHECKED_IN'))::int live
      FROM "Appointment" WHERE "startsAt" < '${NOW.toISOString()}'`,
    );
    expect(past.completed).toBeGreaterThan(0.77);
    expect(past.completed).toBeLessThan(0.83);
    expect(past.cancelled).toBeGreaterThan(0.1);
    expect(past.noshow).toBeGreaterThan(0.06);
    expect(past.live).toBe(0);
    const future = await one<{ n: number; booked: number; last: Date }>(
      c,
      `
      SELECT count(*)::int n, count(*) FILTER (WHERE status = 'BOOKED')::int booked, max("startsAt") last FROM "Appointment" WHERE "startsAt" >= '${NOW.toISOString()}'`,
    );
    expect(future.n).toBeGreaterThan(0);
    expect(future.booked / future.n).toBeGreaterThan(0.95);
    expect(new Date(future.last).getTime()).toBeLessThan(NOW.getTime() + 62 * 86_400_000);
    // The grid: weekdays, 08:00–16:30 starts, 30 minutes.
    const grid = await one<{ bad: number }>(
      c,
      `
      SELECT count(*)::int bad FROM "Appointment" WHERE extract(isodow FROM "startsAt") > 5 OR "startsAt"::time < '08:00' OR "startsAt"::time > '16:30'
         OR extract(minute FROM "startsAt") NOT IN (0, 30) OR "endsAt" - "startsAt" <> interval '30 minutes'`,
    );
    expect(grid.bad).toBe(0);

    const completed = Number(
      (await one<{ n: string }>(c, `SELECT count(*) n FROM "Appointment" WHERE status = 'COMPLETED'`)).n,
    );
    const consultations = await n("Consultation");
    expect(consultations / completed).toBeGreaterThan(0.87);
    expect(consultations / completed).toBeLessThan(0.93);
    expect(
      Number((await one<{ n: string }>(c, `SELECT count(*) n FROM "Consultation" WHERE "signedAt" IS NULL`)).n),
    ).toBe(0);
    const dx = (await n("Diagnosis")) / consultations;
    expect(dx).toBeGreaterThanOrEqual(1);
    expect(dx).toBeLessThanOrEqual(2);
    expect((await n("VitalSign")) / consultations).toBeGreaterThan(0.66);
    expect((await n("VitalSign")) / consultations).toBeLessThan(0.74);
    expect((await n("Prescription")) / consultations).toBeGreaterThan(0.41);
    expect((await n("Prescription")) / consultations).toBeLessThan(0.49);
    expect((await n("Dispense")) / (await n("Prescription"))).toBeGreaterThan(0.75);
    const consultInvoices = Number(
      (await one<{ n: string }>(c, `SELECT count(*) n FROM "Invoice" WHERE "appointmentId" IS NOT NULL`)).n,
    );
    expect(consultInvoices / consultations).toBeGreaterThan(0.82);
    expect(consultInvoices / consultations).toBeLessThan(0.88);
    // Every discharged stay is billed; a stay still in has a live bed and its bed is occupied.
    const stays = await one<{ unbilled: number; live: number; occupied: number }>(
      c,
      `
      SELECT (SELECT count(*)::int FROM "Admission" a WHERE a."dischargedAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."admissionId" = a.id)) unbilled,
             (SELECT count(*)::int FROM "Admission" WHERE "dischargedAt" IS NULL) live,
             (SELECT count(*)::int FROM "Bed" WHERE state = 'OCCUPIED') occupied`,
    );
    expect(stays.unbilled).toBe(0);
    expect(stays.occupied).toBe(stays.live);
    expect(stays.live).toBeGreaterThan(0);
    expect(Number((await one<{ n: string }>(c, `SELECT count(*) n FROM "Bed"`)).n)).toBeGreaterThanOrEqual(40);
  });

  it("is deterministic: the same seed gives the same rows in another database", async () => {
    const o = new pg.Client({ connectionString: other.url });
    await o.connect();
    try {
      const a = await one(c, `SELECT ${CHECKSUMS}`);
      const b = await one(o, `SELECT ${CHECKSUMS}`);
      expect(b).toEqual(a);
      for (const v of Object.values(a)) expect(v).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await o.end();
    }
  });

  it("leaves the derived search tables exactly as the triggers make them", async () => {
    const names = await one<{ diff: number; n: number }>(
      c,
      `
      WITH expected AS (
        SELECT part, key, count(*)::int patients FROM (
          SELECT 'last' part, lower("lastName") key FROM "Patient" WHERE active
          UNION ALL SELECT 'first', lower("firstName") FROM "Patient" WHERE active) s GROUP BY part, key)
      SELECT (SELECT count(*)::int FROM ((SELECT * FROM expected EXCEPT SELECT part, key, patients FROM "PatientName")
                                       UNION ALL (SELECT part, key, patients FROM "PatientName" EXCEPT SELECT * FROM expected)) d) diff,
             (SELECT count(*)::int FROM "PatientName") n`,
    );
    expect(names.n).toBeGreaterThan(100);
    expect(names.diff).toBe(0);
    const keys = await one<{ diff: number; n: number }>(
      c,
      `
      WITH expected AS (
        SELECT c.id, c."patientId", c.text, lower(p."lastName") COLLATE "C" "lastKey", lower(p."firstName") COLLATE "C" "firstKey"
        FROM "Condition" c JOIN "Patient" p ON p.id = c."patientId" WHERE p.active)
      SELECT (SELECT count(*)::int FROM ((SELECT * FROM expected EXCEPT SELECT "conditionId", "patientId", text, "lastKey", "firstKey" FROM "PatientConditionKey")
                                       UNION ALL (SELECT "conditionId", "patientId", text, "lastKey", "firstKey" FROM "PatientConditionKey" EXCEPT SELECT * FROM expected)) d) diff,
             (SELECT count(*)::int FROM "PatientConditionKey") n`,
    );
    expect(keys.n).toBeGreaterThan(500);
    expect(keys.diff).toBe(0);
  });

  it("lets listPatients find a generated patient by name", async () => {
    const { listPatients } = await import("@/lib/patients/queries");
    const { db } = await import("@/lib/server/db");
    const p = await one<{ id: string; firstName: string; lastName: string }>(
      c,
      `SELECT id, "firstName", "lastName" FROM "Patient" WHERE active ORDER BY id DESC LIMIT 1`,
    );
    const found = await listPatients(db(), {
      q: `${p.firstName} ${p.lastName}`,
      page: 1,
      pageSize: 100,
      skip: 0,
      take: 100,
      sort: { field: "lastName", dir: "asc" },
    });
    expect(found.items.map((x) => x.id)).toContain(p.id);
  });

  it("recreates every index and constraint, the exclusion constraints included", async () => {
    const exclusions = (
      await c.query(`SELECT conname FROM pg_constraint WHERE contype = 'x' ORDER BY conname`)
    ).rows.map((r) => r.conname);
    expect(exclusions.length).toBeGreaterThanOrEqual(5);
    {
      // The same indexes and constraints, word for word, as a migrated database that was never loaded.
      const catalogue = `SELECT (SELECT string_agg(indexdef, ';' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public') i,
                                (SELECT string_agg(conname || pg_get_constraintdef(oid), ';' ORDER BY conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace) c`;
      // A copy of the run's migrated template (migrating a database anew took over 30 s on a busy machine).
      const template = inject("templateDatabase");
      const pristine = { name: `${template}_pristine_${process.env.VITEST_POOL_ID ?? "1"}` };
      const p = new pg.Client({ connectionString: await copyDatabase(template, pristine.name) });
      await p.connect();
      try {
        expect(await one(c, catalogue)).toEqual(await one(p, catalogue));
      } finally {
        await p.end();
        await dropDatabase(pristine.name);
      }
    }
    // No doctor or patient has two live appointments at one time (the constraints hold; checked directly too).
    const overlaps = await one<{ n: number }>(
      c,
      `
      SELECT count(*)::int n FROM "Appointment" a JOIN "Appointment" b ON a.id < b.id AND (a."doctorId" = b."doctorId" OR a."patientId" = b."patientId")
        AND a.status IN ('BOOKED', 'CHECKED_IN') AND b.status IN ('BOOKED', 'CHECKED_IN') AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"`,
    );
    expect(overlaps.n).toBe(0);
  });

  it("keeps invoices consistent: line amounts, payments within totals, numbers unique and sequences past them", async () => {
    const bills = await one<{
      bad_lines: number;
      overpaid: number;
      empty: number;
      paid: number;
      partial: number;
      unpaid: number;
      invoices: number;
    }>(
      c,
      `
      WITH t AS (SELECT i.id, (SELECT sum(amount) FROM "InvoiceLine" l WHERE l."invoiceId" = i.id) total,
                         coalesce((SELECT sum(amount) FROM "Payment" p WHERE p."invoiceId" = i.id), 0) paid FROM "Invoice" i)
      SELECT (SELECT count(*)::int FROM "InvoiceLine" WHERE amount <> quantity * "unitAmount") bad_lines,
             count(*) FILTER (WHERE paid > total)::int overpaid, count(*) FILTER (WHERE total IS NULL OR total <= 0)::int empty,
             count(*) FILTER (WHERE paid = total)::int paid, count(*) FILTER (WHERE paid > 0 AND paid < total)::int partial,
             count(*) FILTER (WHERE paid = 0)::int unpaid, count(*)::int invoices FROM t`,
    );
    expect(bills.bad_lines).toBe(0);
    expect(bills.overpaid).toBe(0);
    expect(bills.empty).toBe(0);
    expect(bills.paid / bills.invoices).toBeGreaterThan(0.75);
    expect(bills.partial).toBeGreaterThan(0);
    expect(bills.unpaid).toBeGreaterThan(0);
    const next = await one<{ inv: string; rcpt: string; mrn: string; maxinv: string; maxrcpt: string }>(
      c,
      `
      SELECT next_invoice_number() inv, next_receipt_number() rcpt, next_mrn() mrn,
             (SELECT max(number) FROM "Invoice") maxinv, (SELECT max("receiptNumber") FROM "Payment") maxrcpt`,
    );
    expect(next.inv > next.maxinv).toBe(true);
    expect(next.rcpt > next.maxrcpt).toBe(true);
    expect(next.mrn).toBe("H-002001");
  });
});
