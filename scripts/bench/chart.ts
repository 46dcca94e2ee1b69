// The chart part of `npm run bench` (issue 5): one patient with 1,000 encounters of every kind
// (consultations with diagnoses, vitals, nurse notes, lab orders with results, prescriptions with
// items, appointments) among a few thousand other patients, seeded set-based in a fresh database.
// Then the chart's reads in-process, as the page runs them (openChart, then chartClinical, the first
// timeline page, the lab catalogue), and GET /patients/{id}/visits (the chart's heaviest tab, whole
// server-rendered with its layout: banner, consultations, nurse notes, the first timeline page) and
// GET /api/v1/patients/{id}/history through `next start`. Target: page p95 < 200 ms.
import { encode } from "next-auth/jwt";
import pg from "pg";
import { LAB_CATALOGUE } from "../../lib/clinical/lab-catalogue";
import { chartClinical, labCatalogue, timeline } from "../../lib/clinical/queries";
import { openChart } from "../../lib/patients/chart";
import { createDb } from "../../lib/server/db";
import type { Ctx } from "../../lib/server/session";
import { liveSession, startSession } from "../../lib/server/session-records";
import { issueApiToken } from "../../lib/server/tokens";
import { createTestDatabase } from "../../tests/test-db";
import { capturingDb, sessionRead, statementCount, withFloor } from "./capture";
import { BENCH_SECRET, percentiles, round, startServer, stopServer, type Percentiles } from "./common";

export type ChartOptions = {
  runs: number;
  port: number;
  keep: boolean;
  encounters: number;
  others: number;
  log: (s: string) => void;
};
export type ChartResult = {
  encounters: number;
  otherPatients: number;
  rows: Record<string, number>;
  seedMs: number;
  server: Percentiles & { runs: number };
  page: Percentiles & { runs: number; bytes: number };
  history: Percentiles & { runs: number };
  target: { pageP95Ms: number; pass: boolean };
  /** The floor: the statements of the page's reads and of the history route, replayed by floor-server.ts. */
  floor: { page: Percentiles & { statements: number }; history: Percentiles & { statements: number } };
};

const PID = "chart-patient";
const DOCTOR = "chart-doctor";
const NURSE = "chart-nurse";

/** Set-based: every kind of row for the one patient (n each) and a background of other patients. */
async function seed(client: pg.Client, n: number, others: number): Promise<Record<string, number>> {
  const q = (sql: string) => client.query(sql);
  await q(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES
    ('${DOCTOR}', 'chart.doctor@bench.hospital', 'Dr Chart Bench', 'DOCTOR', now()),
    ('${NURSE}', 'chart.nurse@bench.hospital', 'Nurse Chart Bench', 'NURSE', now())`);
  await q(`INSERT INTO "Patient" (id, "firstName", "lastName", "dateOfBirth", sex, "createdAt", "updatedAt")
    SELECT CASE WHEN g = 0 THEN '${PID}' ELSE 'chart-bg' || g END, 'Bench', 'Patient' || g, date '1960-01-01' + g % 20000, 'female', now() - interval '6 years', now()
    FROM generate_series(0, ${others}) g`);
  await q(
    `INSERT INTO "Allergy" (id, "patientId", substance, "createdAt") VALUES ('chart-allergy', '${PID}', 'Penicillin', now() - interval '5 years')`,
  );
  await q(`INSERT INTO "LabTest" (id, code, loinc, name, specimen, unit, "refLow", "refHigh")
    SELECT 'lt-' || (t->>'code'), t->>'code', t->>'loinc', t->>'name', t->>'specimen', t->>'unit', (t->>'refLow')::float, (t->>'refHigh')::float
    FROM jsonb_array_elements($$${JSON.stringify(LAB_CATALOGUE)}$$::jsonb) AS e(t)`);
  await q(`INSERT INTO "Drug" (id, "genericName", form, strength, "drugClass", "updatedAt")
    SELECT 'drug' || g, 'Drug ' || g, 'tablet', (g * 5) || ' mg', 'class' || (g % 5), now() FROM generate_series(1, 20) g`);
  // Each encounter i of the patient: a time a few hours apart over the last ~4 years; others: 4 each.
  const series = `SELECT g, CASE WHEN g <= ${n} THEN '${PID}' ELSE 'chart-bg' || (g % ${others} + 1) END AS pid,
      now() - (g * interval '137 minutes') - interval '1 day' AS at FROM generate_series(1, ${n + others * 4}) g`;
  await q(`INSERT INTO "Consultation" (id, "patientId", "doctorId", hpi, exam, assessment, plan, version, "updatedById", "signedAt", "signedById", "lockedAt", "createdAt", "updatedAt")
    SELECT 'c' || g, pid, '${DOCTOR}', 'History ' || g, 'Exam ' || g, 'Assessment ' || g, 'Plan ' || g, 1, '${DOCTOR}', at, '${DOCTOR}', at + interval '24 hours', at, at FROM (${series}) s`);
  await q(`INSERT INTO "Diagnosis" (id, "consultationId", code, description, position)
    SELECT 'dx' || g || '-' || k, 'c' || g, (ARRAY['I10','E11.9','J45.909','B54','N39.0'])[1 + (g + k) % 5], (ARRAY['Essential (primary) hypertension','Type 2 diabetes mellitus without complications','Unspecified asthma, uncomplicated','Unspecified malaria','Urinary tract infection, site not specified'])[1 + (g + k) % 5], k
    FROM generate_series(1, ${n + others * 4}) g CROSS JOIN generate_series(0, 1) k`);
  await q(`INSERT INTO "VitalSign" (id, "patientId", "recordedById", "takenAt", "temperatureC", pulse, "respiratoryRate", systolic, diastolic, spo2, "weightKg", "heightCm", "lockedAt", "createdAt", "updatedAt")
    SELECT 'v' || g, pid, '${NURSE}', at + interval '10 minutes', 36.5 + (g % 10) / 10.0, 60 + g % 40, 12 + g % 8, 110 + g % 50, 70 + g % 25, 92 + g % 8, 70 + g % 15, 170, at + interval '24 hours', at, at FROM (${series}) s`);
  await q(`INSERT INTO "NurseNote" (id, "patientId", "authorId", shift, category, text, "lockedAt", "createdAt", "updatedAt")
    SELECT 'n' || g, pid, '${NURSE}', (ARRAY['DAY','EVENING','NIGHT'])[1 + g % 3]::"Shift", 'OBSERVATION', 'Observation note ' || g, at + interval '24 hours', at + interval '20 minutes', at FROM (${series}) s`);
  await q(`INSERT INTO "LabOrder" (id, "patientId", "orderedById", "testId", status, "orderedAt")
    SELECT 'lo' || g, pid, '${DOCTOR}', 'lt-' || (ARRAY['K','HGB','GLU-F','CREA','CRP'])[1 + g % 5], 'RESULTED', at + interval '30 minutes' FROM (${series}) s`);
  await q(`INSERT INTO "LabResult" (id, "orderId", value, unit, "refLow", "refHigh", flag, "enteredById", "resultedAt")
    SELECT 'lr' || g, 'lo' || g, 4 + g % 3, 'mmol/L', 3.5, 5.1, CASE WHEN 4 + g % 3 > 5.1 THEN 'HIGH' ELSE 'NORMAL' END::"AbnormalFlag", '${NURSE}', at + interval '3 hours' FROM (${series}) s`);
  await q(`INSERT INTO "Prescription" (id, "patientId", "prescriberId", "consultationId", token, "issuedAt", "expiresAt", "createdAt", "updatedAt")
    SELECT 'rx' || g, pid, '${DOCTOR}', 'c' || g, 'tok' || g, at + interval '40 minutes', at + interval '30 days', at, at FROM (${series}) s`);
  await q(`INSERT INTO "PrescriptionItem" (id, "prescriptionId", "drugId", dose, route, frequency, "durationDays", quantity, position)
    SELECT 'rxi' || g || '-' || k, 'rx' || g, 'drug' || (1 + (g + k) % 20), '1 tablet', 'oral', 'twice daily', 7, 14, k
    FROM generate_series(1, ${n + others * 4}) g CROSS JOIN generate_series(0, 1) k`);
  await q(`INSERT INTO "Appointment" (id, "patientId", "doctorId", "startsAt", "endsAt", status, "updatedAt")
    SELECT 'ap' || g, pid, '${DOCTOR}', date_trunc('hour', at) - interval '30 minutes', date_trunc('hour', at), 'COMPLETED', at FROM (${series}) s WHERE g <= ${n}`);
  await q("ANALYZE");
  const counts = await q(`SELECT (SELECT count(*) FROM "Consultation" WHERE "patientId" = '${PID}') AS consultations,
      (SELECT count(*) FROM "VitalSign" WHERE "patientId" = '${PID}') AS vitals, (SELECT count(*) FROM "NurseNote" WHERE "patientId" = '${PID}') AS notes,
      (SELECT count(*) FROM "LabOrder" WHERE "patientId" = '${PID}') AS "labOrders", (SELECT count(*) FROM "Prescription" WHERE "patientId" = '${PID}') AS prescriptions,
      (SELECT count(*) FROM "Appointment" WHERE "patientId" = '${PID}') AS appointments, (SELECT count(*) FROM "Consultation") AS "allConsultations"`);
  return Object.fromEntries(Object.entries(counts.rows[0]).map(([k, v]) => [k, Number(v)]));
}

async function timeIt(runs: number, warm: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const PAGE_PATH = `/patients/${PID}/visits`;
const HISTORY_PATH = `/api/v1/patients/${PID}/history?page=3&pageSize=50`;

/**
 * The chart's floor: the page's statements (the session cookie's check, then openChart with its audit row,
 * chartClinical, the first timeline page and the lab catalogue side by side, as the page runs them)
 * and the history route's (session check, openChart, timeline page 3 of 50), captured in-process
 * and replayed through pg behind bare node:http, timed as the app was (sequential requests).
 */
async function chartFloor(url: string, opts: ChartOptions, ctx: Ctx, sessionId: string): Promise<ChartResult["floor"]> {
  const cap = capturingDb(url);
  let script;
  try {
    script = {
      [`${DOCTOR} ${PAGE_PATH}`]: await cap.capture(async (p) => {
        await liveSession(p, { sessionId, userId: DOCTOR, sessionVersion: 0 }, { touch: true });
        const chart = await openChart(p, ctx, PID, { need: "patient.chart.read" });
        await Promise.all([chartClinical(p, chart), timeline(p, chart, { page: 1, pageSize: 25 }), labCatalogue(p)]);
      }),
      [`${DOCTOR} ${HISTORY_PATH}`]: await cap.capture(async (p) => {
        await sessionRead(p, DOCTOR);
        await timeline(p, await openChart(p, ctx, PID), { page: 3, pageSize: 50 });
      }),
    };
  } finally {
    await cap.disconnect();
  }
  const port = opts.port + 1;
  return withFloor(url, port, "chart", script, async () => {
    const get = (p: string) => async () => {
      const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { authorization: `Bearer ${DOCTOR}` } });
      await res.text();
      if (res.status !== 200) throw new Error(`floor GET ${p}: ${res.status}`);
    };
    return {
      page: {
        ...percentiles(await timeIt(opts.runs, 10, get(PAGE_PATH))),
        statements: statementCount(script[`${DOCTOR} ${PAGE_PATH}`]),
      },
      history: {
        ...percentiles(await timeIt(opts.runs, 10, get(HISTORY_PATH))),
        statements: statementCount(script[`${DOCTOR} ${HISTORY_PATH}`]),
      },
    };
  });
}

export async function benchChart(opts: ChartOptions): Promise<ChartResult> {
  const { log } = opts;
  log(`\n== chart: one patient with ${opts.encounters} encounters of each kind, ${opts.others} other patients ==`);
  const database = await createTestDatabase("hospital_bench_chart");
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const t0 = performance.now();
    const rows = await seed(client, opts.encounters, opts.others).finally(() => client.end());
    const seedMs = performance.now() - t0;
    log(`  seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(rows)}`);

    const prisma = createDb(database.url);
    // The page is read with a session cookie, which names its server-side session.
    const sessionId = await startSession(prisma, { userId: DOCTOR, ip: null });
    const ctx: Ctx = {
      actor: { id: DOCTOR, role: "DOCTOR", name: "Dr Chart Bench", email: "chart.doctor@bench.hospital" },
      ip: null,
    };
    // As the page runs them: the chart opened (scope, record, audit row), then the reads side by side.
    const serverSamples = await timeIt(opts.runs, 10, async () => {
      const chart = await openChart(prisma, ctx, PID, { need: "patient.chart.read" });
      return Promise.all([
        chartClinical(prisma, chart),
        timeline(prisma, chart, { page: 1, pageSize: 25 }),
        labCatalogue(prisma),
      ]);
    });
    await prisma.$disconnect();
    const server = { ...percentiles(serverSamples), runs: opts.runs };
    log(`  in-process chart reads: p50 ${server.p50} ms, p95 ${server.p95} ms`);

    const server2 = await startServer(database.url, opts.port);
    try {
      const base = `http://127.0.0.1:${opts.port}`;
      const session = await encode({
        token: {
          uid: DOCTOR,
          role: "DOCTOR",
          sv: 0,
          sid: sessionId,
          name: "Dr Chart Bench",
          email: "chart.doctor@bench.hospital",
          sub: DOCTOR,
        },
        secret: BENCH_SECRET,
      });
      const cookie = `next-auth.session-token=${session}`;
      let bytes = 0;
      const pageSamples = await timeIt(opts.runs, 10, async () => {
        const res = await fetch(`${base}${PAGE_PATH}`, { headers: { cookie }, redirect: "manual" });
        const body = await res.text();
        if (res.status !== 200 || !body.includes("Timeline")) throw new Error(`GET ${PAGE_PATH}: ${res.status}`);
        bytes = body.length;
      });
      const page = { ...percentiles(pageSamples), runs: opts.runs, bytes };
      log(`  GET /patients/{id} (page, ${Math.round(bytes / 1024)} kB): p50 ${page.p50} ms, p95 ${page.p95} ms`);
      const { token } = await issueApiToken({ userId: DOCTOR, role: "DOCTOR", sessionVersion: 0 });
      const historySamples = await timeIt(opts.runs, 10, async () => {
        const res = await fetch(`${base}${HISTORY_PATH}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { total?: number };
        if (res.status !== 200 || !body.total) throw new Error(`GET history: ${res.status}`);
      });
      const history = { ...percentiles(historySamples), runs: opts.runs };
      log(`  GET /api/v1/patients/{id}/history?page=3: p50 ${history.p50} ms, p95 ${history.p95} ms`);
      await stopServer(server2);
      const floor = await chartFloor(database.url, opts, ctx, sessionId);
      log(
        `  floor: page p95 ${floor.page.p95} ms (${floor.page.statements} statements), history p95 ${floor.history.p95} ms`,
      );
      return {
        encounters: opts.encounters,
        otherPatients: opts.others,
        rows,
        seedMs: round(seedMs),
        server,
        page,
        history,
        target: { pageP95Ms: 200, pass: page.p95 < 200 },
        floor,
      };
    } finally {
      await stopServer(server2);
    }
  } finally {
    if (opts.keep) log(`  kept: ${database.url}`);
    else await database.drop();
  }
}
