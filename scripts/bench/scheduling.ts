// The scheduling parts of `npm run bench` (issue 4):
//
// - booking: POST /api/v1/appointments under load (autocannon, a distinct free slot and patient per
//   request) against its floor in the same run at the same concurrency: the same SQL (the session
//   check, the three reads, the one write statement) through `pg` behind a bare node:http server
//   (floor-server.ts), loaded by the same autocannon. For reference: the write statement alone
//   through a `pg` pool (no HTTP, no reads), the same rows as one INSERT each, and bookAppointment
//   in-process, which tells the service's cost from the HTTP stack's.
// - dayview: a doctor's day with millions of appointments in the table (seeded set-based, the
//   Appointment indexes and constraints rebuilt afterwards): listAppointments scoped to the doctor
//   for one day and slotsForDays for 1 and 7 days in-process, and GET /api/v1/appointments?doctorId=
//   &from=&to= and GET /api/v1/doctors/{id}/slots via HTTP.
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import pg from "pg";
import { renderEmail } from "../../lib/notifications/mail";
import { listAppointments, localRange, slotsForDays } from "../../lib/scheduling/queries";
import { bookAppointment, bookingWrite } from "../../lib/scheduling/service";
import { createDb } from "../../lib/server/db";
import { env } from "../../lib/server/env";
import type { Ctx } from "../../lib/server/session";
import { issueApiToken } from "../../lib/server/tokens";
import { createTestDatabase } from "../../tests/test-db";
import { capturingDb, sessionRead, withFloor, type FloorScript } from "./capture";
import { percentiles, round, startFloorServer, startServer, stopServer, type Percentiles } from "./common";
import { FIRST_NAMES, LAST_NAMES, sqlArray } from "./data";

export type SchedulingOptions = {
  connections: number;
  duration: number;
  warmup: number;
  port: number;
  runs: number;
  appointments: number;
  keep: boolean;
  log: (s: string) => void;
};

const SLOT_MINUTES = 30;
const DAY_START_MIN = 8 * 60; // 08:00–18:00 local, every day
const SLOTS_PER_DAY = 20;
const SPECIALTIES = [
  "Cardiology",
  "Dermatology",
  "General practice",
  "Neurology",
  "Paediatrics",
  "Orthopaedics",
  "Gynaecology",
  "Ophthalmology",
];
const RECORDS_ID = "bench-records";

const zone = () => env().HOSPITAL_TIMEZONE;

/** A bearer token as POST /api/v1/auth/token issues it (the server signs with the same secret). */
const token = async (userId: string, role: "DOCTOR" | "RECORDS_OFFICER") =>
  (await issueApiToken({ userId, role, sessionVersion: 0 })).token;

/**
 * Doctors `${tag}d0…` (availability 08:00–18:00 every day, 30-minute slots) and patients
 * `${tag}p0…` (70 % with an email address, a third with an account), set-based.
 */
export async function seedPeople(client: pg.Client, tag: string, doctors: number, patients: number) {
  const first = `(${sqlArray(FIRST_NAMES)})`;
  const last = `(${sqlArray(LAST_NAMES)})`;
  await client.query(`
    INSERT INTO "User" (id, email, name, role, "updatedAt")
    SELECT '${tag}d' || g, '${tag}.dr' || g || '@bench.hospital', 'Dr ' || ${first}[1 + g % ${FIRST_NAMES.length}] || ' ' || ${last}[1 + (g / 7) % ${LAST_NAMES.length}], 'DOCTOR', now()
    FROM generate_series(0, ${doctors - 1}) g`);
  await client.query(
    `INSERT INTO "StaffProfile" ("userId", specialty) SELECT '${tag}d' || g, (${sqlArray(SPECIALTIES)})[1 + g % ${SPECIALTIES.length}] FROM generate_series(0, ${doctors - 1}) g`,
  );
  await client.query(
    `INSERT INTO "DoctorAvailability" ("doctorId", "slotMinutes", "updatedAt") SELECT '${tag}d' || g, ${SLOT_MINUTES}, now() FROM generate_series(0, ${doctors - 1}) g`,
  );
  await client.query(`
    INSERT INTO "WeeklyHours" (id, "doctorId", weekday, "startMin", "endMin")
    SELECT '${tag}d' || g || '-w' || wd, '${tag}d' || g, wd, ${DAY_START_MIN}, ${DAY_START_MIN + SLOTS_PER_DAY * SLOT_MINUTES}
    FROM generate_series(0, ${doctors - 1}) g CROSS JOIN generate_series(0, 6) wd`);
  await client.query(`
    INSERT INTO "User" (id, email, name, role, "updatedAt")
    SELECT '${tag}u' || g, '${tag}.patient' || g || '@bench.hospital', 'Patient ' || g, 'PATIENT', now()
    FROM generate_series(0, ${patients - 1}) g WHERE g % 3 = 0`);
  await client.query(`
    INSERT INTO "Patient" (id, mrn, "firstName", "lastName", "dateOfBirth", sex, email, "userId", "updatedAt")
    SELECT '${tag}p' || g, '${tag.toUpperCase()}-' || g, ${first}[1 + g % ${FIRST_NAMES.length}], ${last}[1 + (g / 11) % ${LAST_NAMES.length}],
           date '1940-01-01' + (g * 37) % 25000, 'other',
           CASE WHEN g % 10 < 7 THEN '${tag}.patient' || g || '@example.org' END,
           CASE WHEN g % 3 = 0 THEN '${tag}u' || g END, now()
    FROM generate_series(0, ${patients - 1}) g`);
}

// ---------------------------------------------------------------------------------------------
// Booking throughput

type Booking = { doctor: number; patient: number; startsAt: Date };

/**
 * The k-th booking of a set of doctors and patients: doctors take turns, each filling its slots
 * from tomorrow on; at any one time the patients booked are all distinct, so every booking is free.
 */
export function bookingPlan(doctors: number, patients: number) {
  const firstDay = DateTime.now().setZone(zone()).startOf("day").plus({ days: 1 });
  const stride = Math.floor(patients / doctors);
  return (k: number): Booking => {
    const doctor = k % doctors;
    const slot = Math.floor(k / doctors);
    const day = firstDay.plus({ days: Math.floor(slot / SLOTS_PER_DAY) });
    const minute = DAY_START_MIN + (slot % SLOTS_PER_DAY) * SLOT_MINUTES;
    return {
      doctor,
      patient: (doctor * stride + slot) % patients,
      startsAt: day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toJSDate(),
    };
  };
}

type Throughput = Percentiles & {
  bookings: number;
  perSecond: number;
  failures: number;
  durationS: number;
  connections: number;
};

export type BookingResult = {
  doctors: number;
  patients: number;
  /** The floor: the same SQL through pg behind bare node:http. */
  floor: Throughput;
  /** The write statement alone through a pg pool; the same rows as one INSERT each. */
  write: Throughput;
  statements: Throughput;
  http: Throughput;
  inProcess: Throughput;
  ratio: number;
  inProcessRatio: number;
};

/** Runs `worker` on `connections` loops for `seconds`; latencies of the successes, count of failures. */
async function loops(connections: number, seconds: number, once: () => Promise<void>): Promise<Throughput> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: unknown;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await once();
          latencies.push(performance.now() - t);
        } catch (err) {
          failures++;
          firstError ??= err;
        }
      }
    }),
  );
  const durationS = (performance.now() - start) / 1000;
  if (firstError) console.error("  first failure:", firstError);
  return {
    ...percentiles(latencies),
    bookings: latencies.length,
    perSecond: round(latencies.length / durationS),
    failures,
    durationS: round(durationS),
    connections,
  };
}

type PatientRow = { id: string; firstName: string; lastName: string; email: string | null; userId: string | null };

/**
 * References below the floor: the booking's write alone through `pg` directly, one transaction per
 * booking on a pool of `connections` clients, with the same tables, triggers (the audit chain) and
 * constraints, no HTTP and no reads. "statement": bookingWrite's statement, the one bookAppointment
 * sends; "statements": the same rows as one INSERT each between BEGIN and COMMIT.
 */
async function floorBookings(
  url: string,
  tag: string,
  doctors: number,
  patients: PatientRow[],
  opts: SchedulingOptions,
  mode: "statement" | "statements",
): Promise<Throughput> {
  const pool = new pg.Pool({ connectionString: url, max: opts.connections });
  const plan = bookingPlan(doctors, patients.length);
  let next = 0;
  // A rendered booking email, the size of the ones the service writes.
  const email = renderEmail(
    {
      to: "x@example.org",
      locale: "en",
      template: "appointment",
      data: {
        kind: "booked",
        patientName: "Amina Diallo",
        doctorName: "Dr Kofi Mensah",
        startsAt: new Date("2031-03-03T09:30:00Z"),
        url: "http://127.0.0.1/appointments/x",
      },
    },
    { hospitalName: env().HOSPITAL_NAME },
  );
  const once = async () => {
    const b = plan(next++);
    const p = patients[b.patient];
    const doctorId = `${tag}d${b.doctor}`;
    const endsAt = new Date(b.startsAt.getTime() + SLOT_MINUTES * 60_000);
    const id = randomUUID();
    if (mode === "statement") {
      const patientEmail = p.email
        ? [
            {
              id: randomUUID(),
              to: p.email,
              subject: email.subject,
              html: email.html,
              text: email.text,
              status: "OUTBOX" as const,
              linkTokenId: null,
              messageId: `<${randomUUID()}@bench.local>`,
            },
          ]
        : [];
      const notifications = [
        {
          id: randomUUID(),
          userId: doctorId,
          title: "New appointment",
          body: `${p.firstName} ${p.lastName}, Mon, 3 Mar 2031, 09:30`,
          link: `/appointments/${id}`,
        },
        ...(p.userId
          ? [
              {
                id: randomUUID(),
                userId: p.userId,
                title: "Appointment booked",
                body: "Dr Kofi Mensah, Mon, 3 Mar 2031, 09:30",
                link: `/appointments/${id}`,
              },
            ]
          : []),
      ];
      const sql = bookingWrite({
        id,
        patientId: p.id,
        doctorId,
        startsAt: b.startsAt,
        endsAt,
        reason: null,
        actor: { id: RECORDS_ID, role: "RECORDS_OFFICER" },
        ip: "127.0.0.1",
        notifications,
        emails: patientEmail,
      });
      // Instants as the Prisma adapter sends them: UTC wall clock.
      await pool.query(
        sql.text,
        sql.values.map((v) => (v instanceof Date ? v.toISOString().replace("T", " ").replace("Z", "") : v)),
      );
      return;
    }
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      await c.query(
        `INSERT INTO "Appointment" (id, "patientId", "doctorId", "startsAt", "endsAt", "createdById", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id`,
        [id, p.id, doctorId, b.startsAt, endsAt, RECORDS_ID],
      );
      await c.query(
        `INSERT INTO "AppointmentEvent" (id, "appointmentId", "actorId", "toStatus", "toStartsAt") VALUES ($1, $2, $3, 'BOOKED', $4)`,
        [randomUUID(), id, RECORDS_ID, b.startsAt],
      );
      await c.query(
        `INSERT INTO "Notification" (id, "userId", title, body, link) VALUES ($1, $2, 'New appointment', $3, $4)`,
        [randomUUID(), doctorId, `${p.firstName} ${p.lastName}, Mon, 3 Mar 2031, 09:30`, `/appointments/${id}`],
      );
      if (p.userId)
        await c.query(
          `INSERT INTO "Notification" (id, "userId", title, body, link) VALUES ($1, $2, 'Appointment booked', $3, $4)`,
          [randomUUID(), p.userId, "Dr Kofi Mensah, Mon, 3 Mar 2031, 09:30", `/appointments/${id}`],
        );
      if (p.email)
        await c.query(
          `INSERT INTO "OutboxEmail" (id, "to", subject, html, text, status) VALUES ($1, $2, $3, $4, $5, 'OUTBOX') RETURNING id`,
          [randomUUID(), p.email, email.subject, email.html, email.text],
        );
      await c.query(
        `INSERT INTO "AuditEvent" ("actorId", "actorRole", ip, action, entity, "entityId", "patientId", details) VALUES ($1, 'RECORDS_OFFICER', '127.0.0.1', 'CREATE', 'Appointment', $2, $3, $4)`,
        [RECORDS_ID, id, p.id, JSON.stringify({ doctorId, startsAt: b.startsAt.toISOString() })],
      );
      await c.query("COMMIT");
    } catch (err) {
      await c.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      c.release();
    }
  };
  try {
    await loops(opts.connections, opts.warmup, once);
    return await loops(opts.connections, opts.duration, once);
  } finally {
    await pool.end();
  }
}

/** bookAppointment itself, at the same concurrency: the service without the HTTP stack. */
async function inProcessBookings(
  url: string,
  tag: string,
  doctors: number,
  patients: PatientRow[],
  opts: SchedulingOptions,
): Promise<Throughput> {
  const prisma = createDb(url);
  const ctx: Ctx = {
    actor: { id: RECORDS_ID, role: "RECORDS_OFFICER", name: "Bench Records", email: "records@bench.hospital" },
    ip: "127.0.0.1",
  };
  const plan = bookingPlan(doctors, patients.length);
  let next = 0;
  const once = async () => {
    const b = plan(next++);
    await bookAppointment(prisma, ctx, {
      doctorId: `${tag}d${b.doctor}`,
      patientId: patients[b.patient].id,
      startsAt: b.startsAt,
      reason: undefined,
    });
  };
  try {
    await loops(opts.connections, opts.warmup, once);
    return await loops(opts.connections, opts.duration, once);
  } finally {
    await prisma.$disconnect();
  }
}

/** autocannon POSTing bookings to `port` + `path`, each request the next free slot of the plan. */
function httpBookings(
  target: { port: number; path: string },
  tag: string,
  patients: PatientRow[],
  bearer: string,
  opts: SchedulingOptions,
  seconds: number,
  plan: (k: number) => Booking,
  counter: { next: number },
): Promise<Throughput> {
  const latencies: number[] = [];
  let failures = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${target.port}`,
        connections: opts.connections,
        duration: seconds,
        method: "POST",
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", accept: "application/json" },
        requests: [
          {
            method: "POST",
            path: target.path,
            setupRequest: (req) => {
              const b = plan(counter.next++);
              return {
                ...req,
                body: JSON.stringify({
                  doctorId: `${tag}d${b.doctor}`,
                  patientId: patients[b.patient].id,
                  startsAt: b.startsAt.toISOString(),
                }),
              };
            },
          },
        ],
      },
      (err, result) =>
        err
          ? reject(err)
          : resolve({
              ...percentiles(latencies),
              bookings: latencies.length,
              perSecond: round(latencies.length / result.duration),
              failures: failures + result.errors + result.timeouts,
              durationS: round(result.duration),
              connections: opts.connections,
            }),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status === 201) latencies.push(ms);
      else failures++;
    });
  });
}

export async function benchBooking(opts: SchedulingOptions): Promise<BookingResult> {
  const { log } = opts;
  const DOCTORS = 40;
  const PATIENTS = 20_000;
  log(`\n== booking: ${opts.connections} connections, ${opts.duration} s each (after ${opts.warmup} s warm-up) ==`);
  const database = await createTestDatabase("hospital_bench_booking");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('${RECORDS_ID}', 'records@bench.hospital', 'Bench Records', 'RECORDS_OFFICER', now())`,
    );
    // One set of doctors and patients per contender, so that none books another's slots.
    for (const tag of ["f", "g", "h", "s", "k"]) await seedPeople(client, tag, DOCTORS, PATIENTS);
    await client.query(`VACUUM ANALYZE`);
    const patientsOf = async (tag: string) =>
      (
        await client.query<PatientRow>(
          `SELECT id, "firstName", "lastName", email, "userId" FROM "Patient" WHERE id LIKE '${tag}p%' ORDER BY substr(id, 3)::int`,
        )
      ).rows;
    const [f, g, h, s, k] = [
      await patientsOf("f"),
      await patientsOf("g"),
      await patientsOf("h"),
      await patientsOf("s"),
      await patientsOf("k"),
    ];
    log(`  seeded 5 × ${DOCTORS} doctors and ${PATIENTS.toLocaleString("en")} patients`);

    log("  floor: the same SQL through pg behind bare node:http…");
    const floorServer = await startFloorServer(database.url, opts.port + 1);
    let floor: Throughput;
    try {
      const plan = bookingPlan(DOCTORS, PATIENTS);
      const counter = { next: 0 };
      await httpBookings({ port: opts.port + 1, path: "/book" }, "k", k, RECORDS_ID, opts, opts.warmup, plan, counter);
      floor = await httpBookings(
        { port: opts.port + 1, path: "/book" },
        "k",
        k,
        RECORDS_ID,
        opts,
        opts.duration,
        plan,
        counter,
      );
    } finally {
      await stopServer(floorServer);
    }
    log(`  floor ${floor.perSecond} bookings/s (p50 ${floor.p50} ms, p95 ${floor.p95} ms, failures ${floor.failures})`);

    log("  the write statement alone through a pg pool…");
    const write = await floorBookings(database.url, "f", DOCTORS, f, opts, "statement");
    log(
      `  write alone ${write.perSecond} bookings/s (p50 ${write.p50} ms, p95 ${write.p95} ms, failures ${write.failures})`,
    );
    log("  pg, one INSERT per row in a transaction…");
    const statements = await floorBookings(database.url, "g", DOCTORS, g, opts, "statements");
    log(
      `  pg, one INSERT per row: ${statements.perSecond} bookings/s (p50 ${statements.p50} ms, p95 ${statements.p95} ms, failures ${statements.failures})`,
    );

    log("  in-process: bookAppointment…");
    const inProcess = await inProcessBookings(database.url, "s", DOCTORS, s, opts);
    log(
      `  in-process ${inProcess.perSecond} bookings/s (p50 ${inProcess.p50} ms, p95 ${inProcess.p95} ms, failures ${inProcess.failures})`,
    );

    const server = await startServer(database.url, opts.port);
    let http: Throughput;
    try {
      const bearer = await token(RECORDS_ID, "RECORDS_OFFICER");
      const plan = bookingPlan(DOCTORS, PATIENTS);
      const counter = { next: 0 };
      const b = plan(counter.next++);
      const probe = await fetch(`http://127.0.0.1:${opts.port}/api/v1/appointments`, {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
        body: JSON.stringify({
          doctorId: `hd${b.doctor}`,
          patientId: h[b.patient].id,
          startsAt: b.startsAt.toISOString(),
        }),
      });
      if (probe.status !== 201) throw new Error(`POST /api/v1/appointments: ${probe.status} ${await probe.text()}`);
      log("  HTTP: POST /api/v1/appointments…");
      const target = { port: opts.port, path: "/api/v1/appointments" };
      await httpBookings(target, "h", h, bearer, opts, opts.warmup, plan, counter);
      http = await httpBookings(target, "h", h, bearer, opts, opts.duration, plan, counter);
      log(`  HTTP ${http.perSecond} bookings/s (p50 ${http.p50} ms, p95 ${http.p95} ms, failures ${http.failures})`);
    } finally {
      await stopServer(server);
    }
    return {
      doctors: DOCTORS,
      patients: PATIENTS,
      floor,
      write,
      statements,
      http,
      inProcess,
      ratio: round(http.perSecond / floor.perSecond),
      inProcessRatio: round(inProcess.perSecond / floor.perSecond),
    };
  } finally {
    await client.end();
    if (opts.keep) log(`  kept: ${database.url}`);
    else await database.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// Doctor day view

export type DayViewResult = {
  appointments: number;
  doctors: number;
  patients: number;
  statusMix: Record<string, number>;
  seed: { insertMs: number; indexMs: number; analyzeMs: number };
  server: Record<"list" | "slots1" | "slots7", Percentiles & { runs: number }>;
  http: Record<
    "list" | "slots1",
    Percentiles & { requests: number; reqPerSec: number; errors: number; connections: number; durationS: number }
  >;
  /** The same requests answered by the floor server replaying the routes' captured statements. */
  floor: DayViewResult["http"];
};

/**
 * `appointments` rows over `doctors` doctors: each doctor's slots one after another from 400 days
 * ago (every slot of the 08:00–18:00 grid), patients assigned so that no patient is in two places
 * at once. Past appointments are mostly completed, some cancelled or no-shows; future ones booked
 * or cancelled. Appointment's secondary indexes and constraints are dropped first and rebuilt after.
 */
async function seedAppointments(
  url: string,
  doctors: number,
  patients: number,
  appointments: number,
  log: (s: string) => void,
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '256MB'; SET synchronous_commit = off");
    await seedPeople(client, "v", doctors, patients);
    const { rows: constraints } = await client.query<{ conname: string; def: string }>(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '"Appointment"'::regclass AND contype IN ('x', 'f')`,
    );
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = 'Appointment'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const c of constraints) await client.query(`ALTER TABLE "Appointment" DROP CONSTRAINT "${c.conname}"`);
    for (const i of indexes) await client.query(`DROP INDEX "${i.indexname}"`);

    const t0 = performance.now();
    const stride = Math.floor(patients / doctors);
    const firstDay = DateTime.now().setZone(zone()).startOf("day").minus({ days: 400 });
    await client.query("SELECT setseed(0.17)");
    // g → doctor g % D, the doctor's slot g / D; the slot's time in local wall-clock terms.
    await client.query(
      `
      INSERT INTO "Appointment" (id, "patientId", "doctorId", "startsAt", "endsAt", status, reason, "cancelReason", "createdById", "createdAt", "updatedAt")
      SELECT 'va' || g, 'vp' || ((d * ${stride} + s) % ${patients}), 'vd' || d, st, st + interval '${SLOT_MINUTES} minutes',
             (CASE WHEN st < (now() AT TIME ZONE 'UTC') THEN (CASE WHEN r < 0.82 THEN 'COMPLETED' WHEN r < 0.92 THEN 'CANCELLED' WHEN r < 0.98 THEN 'NO_SHOW' ELSE 'BOOKED' END)
                   ELSE (CASE WHEN r < 0.88 THEN 'BOOKED' ELSE 'CANCELLED' END) END)::"AppointmentStatus",
             CASE WHEN r < 0.3 THEN 'Follow-up' END,
             NULL, 'bench-records', st - interval '10 days', st
      FROM (SELECT g, g % ${doctors} AS d, g / ${doctors} AS s, random() AS r,
                   ((($1::date + (g / ${doctors}) / ${SLOTS_PER_DAY}) + make_interval(mins => ${DAY_START_MIN} + ((g / ${doctors}) % ${SLOTS_PER_DAY}) * ${SLOT_MINUTES})) AT TIME ZONE $2) AT TIME ZONE 'UTC' AS st
            FROM generate_series(0, ${appointments - 1}) g) x`,
      [firstDay.toISODate(), zone()],
    );
    await client.query(`UPDATE "Appointment" SET "cancelReason" = 'Patient request' WHERE status = 'CANCELLED'`);
    const insertMs = performance.now() - t0;
    log(
      `  ${appointments.toLocaleString("en")} appointments in ${(insertMs / 1000).toFixed(1)} s; rebuilding ${indexes.length} indexes and ${constraints.length} constraints…`,
    );

    const t1 = performance.now();
    const worker = async (queue: string[]) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query("SET maintenance_work_mem = '256MB'");
        for (let q = queue.shift(); q; q = queue.shift()) await c.query(q);
      } finally {
        await c.end();
      }
    };
    // Indexes two at a time; constraints (their lock conflicts with index builds) one at a time after.
    const indexQueue = indexes.map((i) => i.indexdef);
    await Promise.all([worker(indexQueue), worker(indexQueue)]);
    await worker(constraints.map((c) => `ALTER TABLE "Appointment" ADD CONSTRAINT "${c.conname}" ${c.def}`));
    const indexMs = performance.now() - t1;
    const t2 = performance.now();
    for (const t of ["Appointment", "Patient", "User", "WeeklyHours", "DoctorAvailability", "StaffProfile"])
      await client.query(`VACUUM (ANALYZE) "${t}"`);
    const analyzeMs = performance.now() - t2;
    const { rows } = await client.query<{ status: string; n: string }>(
      `SELECT status, count(*) n FROM "Appointment" GROUP BY 1 ORDER BY 1`,
    );
    return {
      insertMs: round(insertMs),
      indexMs: round(indexMs),
      analyzeMs: round(analyzeMs),
      statusMix: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    };
  } finally {
    await client.end();
  }
}

/** The day views the bench replays: sampled doctors, today and days around it (±30). */
function dayMix(doctors: number): { doctorId: string; date: string }[] {
  const today = DateTime.now().setZone(zone()).startOf("day");
  return Array.from({ length: 200 }, (_, i) => ({
    doctorId: `vd${(i * 37) % doctors}`,
    date: today.plus({ days: i % 3 === 0 ? 0 : ((i * 13) % 61) - 30 }).toISODate()!,
  }));
}

async function timeServer(url: string, doctors: number, runs: number): Promise<DayViewResult["server"]> {
  const prisma = createDb(url);
  const mix = dayMix(doctors);
  const ctxOf = (doctorId: string): Ctx => ({
    actor: { id: doctorId, role: "DOCTOR", name: "Dr Bench", email: "dr@bench.hospital" },
    ip: null,
  });
  const kinds = {
    // What GET /api/v1/appointments?doctorId=&from=&to= runs for the doctor (first page of 20).
    list: (c: (typeof mix)[number]) =>
      listAppointments(
        prisma,
        ctxOf(c.doctorId),
        { doctorId: c.doctorId, ...localRange({ from: c.date, to: c.date }) },
        { skip: 0, take: 20 },
      ),
    slots1: (c: (typeof mix)[number]) => slotsForDays(prisma, c.doctorId, c.date, 1),
    slots7: (c: (typeof mix)[number]) => slotsForDays(prisma, c.doctorId, c.date, 7),
  };
  try {
    const out = {} as DayViewResult["server"];
    for (const [kind, call] of Object.entries(kinds) as [
      keyof typeof kinds,
      (c: (typeof mix)[number]) => Promise<unknown>,
    ][]) {
      for (const c of mix.slice(0, 30)) await call(c);
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const c = mix[(i * 7 + 3) % mix.length];
        const t = performance.now();
        await call(c);
        samples.push(performance.now() - t);
      }
      out[kind] = { runs, ...percentiles(samples) };
    }
    return out;
  } finally {
    await prisma.$disconnect();
  }
}

function httpLoad(
  opts: SchedulingOptions,
  seconds: number,
  next: () => { path: string; token: string },
  port = opts.port,
) {
  const latencies: number[] = [];
  let non2xx = 0;
  return new Promise<DayViewResult["http"]["list"]>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: opts.connections,
        duration: seconds,
        requests: [
          {
            method: "GET",
            setupRequest: (req) => {
              const r = next();
              return {
                ...req,
                path: r.path,
                headers: { ...req.headers, authorization: `Bearer ${r.token}`, accept: "application/json" },
              };
            },
          },
        ],
      },
      (err, result) =>
        err
          ? reject(err)
          : resolve({
              ...percentiles(latencies),
              requests: latencies.length,
              reqPerSec: round(latencies.length / result.duration),
              errors: non2xx + result.errors + result.timeouts,
              connections: opts.connections,
              durationS: round(result.duration),
            }),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
}

const listPath = (c: { doctorId: string; date: string }) =>
  `/api/v1/appointments?doctorId=${c.doctorId}&from=${c.date}&to=${c.date}`;
const slotsPath = (c: { doctorId: string; date: string }) => `/api/v1/doctors/${c.doctorId}/slots?date=${c.date}`;

/**
 * The day view's floor: for each doctor-day of the mix, the statements of the two routes (the
 * session check, then listAppointments for the first page of 20, or slotsForDays for the day),
 * captured in-process and replayed through pg behind bare node:http, under the same load.
 */
async function dayViewFloor(
  url: string,
  opts: SchedulingOptions,
  mix: { doctorId: string; date: string }[],
): Promise<DayViewResult["floor"]> {
  const cap = capturingDb(url);
  const script: FloorScript = {};
  try {
    for (const c of mix) {
      const ctx: Ctx = {
        actor: { id: c.doctorId, role: "DOCTOR", name: "Dr Bench", email: "dr@bench.hospital" },
        ip: null,
      };
      script[`${c.doctorId} ${listPath(c)}`] ??= await cap.capture(async (p) => {
        await sessionRead(p, c.doctorId);
        await listAppointments(
          p,
          ctx,
          { doctorId: c.doctorId, ...localRange({ from: c.date, to: c.date }) },
          { skip: 0, take: 20 },
        );
      });
      script[`${c.doctorId} ${slotsPath(c)}`] ??= await cap.capture(async (p) => {
        await sessionRead(p, c.doctorId);
        await slotsForDays(p, c.doctorId, c.date, 1);
      });
    }
  } finally {
    await cap.disconnect();
  }
  const port = opts.port + 1;
  return withFloor(url, port, "dayview", script, async () => {
    let i = 0;
    const list = () => ({ path: listPath(mix[i % mix.length]), token: mix[i++ % mix.length].doctorId });
    const slots = () => ({ path: slotsPath(mix[i % mix.length]), token: mix[i++ % mix.length].doctorId });
    await httpLoad(opts, opts.warmup, list, port);
    const floorList = await httpLoad(opts, opts.duration, list, port);
    await httpLoad(opts, opts.warmup, slots, port);
    return { list: floorList, slots1: await httpLoad(opts, opts.duration, slots, port) };
  });
}

export async function benchDayView(opts: SchedulingOptions): Promise<DayViewResult> {
  const { log } = opts;
  const doctors = Math.max(10, Math.round(opts.appointments / 10_000));
  const patients = Math.max(doctors * 10, Math.round(opts.appointments / 20));
  log(
    `\n== day view: ${opts.appointments.toLocaleString("en")} appointments, ${doctors} doctors, ${patients.toLocaleString("en")} patients ==`,
  );
  const database = await createTestDatabase("hospital_bench_dayview");
  try {
    const seeded = await seedAppointments(database.url, doctors, patients, opts.appointments, log);
    log(
      `  seeded (indexes ${(seeded.indexMs / 1000).toFixed(1)} s, analyze ${(seeded.analyzeMs / 1000).toFixed(1)} s): ${JSON.stringify(seeded.statusMix)}`,
    );
    log(`  in-process: ${opts.runs} runs each of listAppointments (one day), slotsForDays (1 day, 7 days)…`);
    const server = await timeServer(database.url, doctors, opts.runs);
    log(
      `  in-process p95: list ${server.list.p95} ms, slots 1 day ${server.slots1.p95} ms, slots 7 days ${server.slots7.p95} ms`,
    );
    const mix = dayMix(doctors);
    const tokens = new Map<string, string>();
    for (const c of mix) if (!tokens.has(c.doctorId)) tokens.set(c.doctorId, await token(c.doctorId, "DOCTOR"));
    const server2 = await startServer(database.url, opts.port);
    try {
      const probe = await fetch(
        `http://127.0.0.1:${opts.port}/api/v1/appointments?doctorId=${mix[0].doctorId}&from=${mix[0].date}&to=${mix[0].date}`,
        { headers: { authorization: `Bearer ${tokens.get(mix[0].doctorId)}` } },
      );
      if (!probe.ok) throw new Error(`GET /api/v1/appointments: ${probe.status} ${await probe.text()}`);
      const body = (await probe.json()) as { total: number };
      log(`  probe: ${body.total} appointments for ${mix[0].doctorId} on ${mix[0].date}`);
      let i = 0;
      const list = () => {
        const c = mix[i++ % mix.length];
        return {
          path: `/api/v1/appointments?doctorId=${c.doctorId}&from=${c.date}&to=${c.date}`,
          token: tokens.get(c.doctorId)!,
        };
      };
      const slots = () => {
        const c = mix[i++ % mix.length];
        return { path: `/api/v1/doctors/${c.doctorId}/slots?date=${c.date}`, token: tokens.get(c.doctorId)! };
      };
      await httpLoad(opts, opts.warmup, list);
      const httpList = await httpLoad(opts, opts.duration, list);
      log(`  HTTP day list p50 ${httpList.p50} ms, p95 ${httpList.p95} ms, ${httpList.reqPerSec} req/s`);
      await httpLoad(opts, opts.warmup, slots);
      const httpSlots = await httpLoad(opts, opts.duration, slots);
      log(`  HTTP slots p50 ${httpSlots.p50} ms, p95 ${httpSlots.p95} ms, ${httpSlots.reqPerSec} req/s`);
      await stopServer(server2);
      const floor = await dayViewFloor(database.url, opts, mix);
      log(`  floor p95: day list ${floor.list.p95} ms, slots ${floor.slots1.p95} ms`);
      return {
        appointments: opts.appointments,
        doctors,
        patients,
        statusMix: seeded.statusMix,
        seed: { insertMs: seeded.insertMs, indexMs: seeded.indexMs, analyzeMs: seeded.analyzeMs },
        server,
        http: { list: httpList, slots1: httpSlots },
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
