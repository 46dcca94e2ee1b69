// The floor of an HTTP figure (issue 4, issue 9): a bare node:http server on loopback that answers
// the same request with the same SQL through `pg` (same pool size as the app, same round trips in
// the same order), and nothing else — no framework, no ORM, no validation library, no session
// library. What the app adds on top of this is its overhead.
//
//   tsx scripts/bench/floor-server.ts   (env: DATABASE_URL, PORT, WEB_CONCURRENCY, FLOOR_SCRIPT, DATABASE_POOL_SIZE)
//
// WEB_CONCURRENCY (default one less than the CPU count, at least 1, as scripts/web-server.mjs): that many worker processes (node:cluster) share the port, as the
// app's server runs as many; each has its own pool of DATABASE_POOL_SIZE (default 10), as the app's (lib/server/db.ts).
//
// GET <path>, `authorization: Bearer <userId>` — with FLOOR_SCRIPT (a JSON file written by the bench,
// capture.ts), the statements the app sent for that user and path, captured in-process: each group
// of statements that were in flight together is sent side by side, the groups one after another;
// 200 with the rows of every statement as JSON (the app's response shaping is its own work). 404
// for a request that was not captured.
//
// POST /book {doctorId, patientId, startsAt}, `authorization: Bearer <userId>` — what
// POST /api/v1/appointments sends to PostgreSQL for a staff booking: the caller's user row (the
// session check), then the patient, the doctor and the doctor's grid for that date side by side,
// then the booking's one write statement (bookingWrite); 201 with the appointment as JSON.
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { DateTime } from "luxon";
import pg from "pg";
import { renderEmail } from "../../lib/notifications/mail";
import { bookingWrite } from "../../lib/scheduling/service";
import { DEFAULT_PREPARED_STATEMENTS, statementNames } from "../../lib/server/prepared";
import { weekdayOf } from "../../lib/scheduling/time";
import type { FloorScript } from "./capture";

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 3300);
const zone = process.env.HOSPITAL_TIMEZONE ?? "UTC";
if (!url) throw new Error("DATABASE_URL is not set");
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY || os.availableParallelism() - 1));
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
const script: FloorScript = process.env.FLOOR_SCRIPT
  ? (JSON.parse(readFileSync(process.env.FLOOR_SCRIPT, "utf8")) as FloorScript)
  : {};

// Instants as the Prisma adapter sends them: UTC wall clock.
const param = (v: unknown) => (v instanceof Date ? v.toISOString().replace("T", " ").replace("Z", "") : v);
// Statements prepared once per connection and reused, named as the app names them (lib/server/prepared.ts,
// DATABASE_PREPARED_STATEMENTS; 0 = unnamed).
const name = statementNames(Number(process.env.DATABASE_PREPARED_STATEMENTS || DEFAULT_PREPARED_STATEMENTS));
const query = <T extends pg.QueryResultRow>(text: string, values: unknown[]) =>
  pool.query<T>({ name: name({ sql: text }), text, values });
const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[]) =>
  (await query<T>(text, values)).rows[0];

// The booking email, rendered once (the app renders one per booking: app work, not SQL).
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
  { hospitalName: "Bench Hospital" },
);

async function book(userId: string, body: { doctorId: string; patientId: string; startsAt: string }) {
  const user = await one<{ id: string; role: string; active: boolean }>(
    `SELECT id, role, name, email, active, "sessionVersion" FROM "User" WHERE id = $1 LIMIT 1`,
    [userId],
  );
  if (!user?.active) return { status: 401, body: { error: { code: "UNAUTHENTICATED" } } };
  const startsAt = new Date(body.startsAt);
  const date = DateTime.fromJSDate(startsAt, { zone }).toISODate()!;
  const [patient, doctor] = await Promise.all([
    one<{ id: string; firstName: string; lastName: string; email: string | null; userId: string | null }>(
      `SELECT p.id, p.mrn, p."firstName", p."lastName", p.email, p."userId", u.language
    FROM "Patient" p LEFT JOIN "User" u ON u.id = p."userId"
    WHERE p.active  AND p.id = $1
    LIMIT 1`,
      [body.patientId],
    ),
    one<{ id: string; name: string }>(
      `SELECT u.id, u.name, s."userId" IS NOT NULL AS "hasProfile", s.specialty, d.name AS department
       FROM "User" u LEFT JOIN "StaffProfile" s ON s."userId" = u.id LEFT JOIN "Department" d ON d.id = s."departmentId"
       WHERE u.id = $1 AND u.role = 'DOCTOR' AND u.active`,
      [body.doctorId],
    ),
    one(
      `SELECT a."slotMinutes",
              coalesce((SELECT json_agg(json_build_object('startMin', e."startMin", 'endMin', e."endMin")) FROM "AvailabilityException" e
                        WHERE e."doctorId" = a."doctorId" AND e.date = $2::date), '[]') AS exceptions,
              coalesce((SELECT json_agg(json_build_object('startMin', w."startMin", 'endMin', w."endMin")) FROM "WeeklyHours" w
                        WHERE w."doctorId" = a."doctorId" AND w.weekday = $3), '[]') AS weekly
       FROM "DoctorAvailability" a WHERE a."doctorId" = $1`,
      [body.doctorId, date, weekdayOf(date, zone)],
    ),
  ]);
  if (!patient || !doctor) return { status: 404, body: { error: { code: "NOT_FOUND" } } };
  const id = randomUUID();
  const at = "Mon, 3 Mar 2031, 09:30";
  const sql = bookingWrite({
    id,
    patientId: patient.id,
    doctorId: doctor.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    reason: null,
    actor: { id: user.id, role: user.role },
    ip: "127.0.0.1",
    notifications: [
      {
        id: randomUUID(),
        userId: doctor.id,
        title: "New appointment",
        body: `${patient.firstName} ${patient.lastName}, ${at}`,
        link: `/appointments/${id}`,
      },
      ...(patient.userId
        ? [
            {
              id: randomUUID(),
              userId: patient.userId,
              title: "Appointment booked",
              body: `${doctor.name}, ${at}`,
              link: `/appointments/${id}`,
            },
          ]
        : []),
    ],
    emails: patient.email
      ? [
          {
            id: randomUUID(),
            to: patient.email,
            ...email,
            status: "OUTBOX" as const,
            linkTokenId: null,
            messageId: `<${randomUUID()}@bench.local>`,
          },
        ]
      : [],
  });
  try {
    return { status: 201, body: await one(sql.text, sql.values.map(param)) };
  } catch (err) {
    if ((err as { code?: string }).code === "23P01") return { status: 409, body: { error: { code: "SLOT_TAKEN" } } };
    throw err;
  }
}

/** The captured statements of one request, replayed group after group, each group side by side. */
async function replay(key: string) {
  const groups = script[key];
  if (!groups) return { status: 404, body: { error: { code: "NOT_CAPTURED", key } } };
  const rows: unknown[][] = [];
  const fresh: string[] = [];
  const value = (v: unknown) =>
    v !== null && typeof v === "object" && "$fresh" in v
      ? (fresh[(v as { $fresh: number }).$fresh] ??= randomUUID())
      : v;
  for (const group of groups) {
    const results = await Promise.all(group.map((s) => query(s.text, s.values.map(value))));
    for (const r of results) rows.push(r.rows);
  }
  return { status: 200, body: rows };
}

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  serve();
}

function serve() {
  http
    .createServer((req, res) => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" && req.url === "/status") return send(200, { ok: true });
      if (req.method === "GET") {
        const userId = (req.headers.authorization ?? "").replace(/^Bearer /i, "");
        replay(`${userId} ${req.url}`)
          .then((r) => send(r.status, r.body))
          .catch((err: Error) => send(500, { error: { code: "INTERNAL", message: err.message } }));
        return;
      }
      if (req.method !== "POST" || req.url !== "/book") return send(404, { error: { code: "NOT_FOUND" } });
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const userId = (req.headers.authorization ?? "").replace(/^Bearer /i, "");
        book(userId, JSON.parse(Buffer.concat(chunks).toString("utf8")))
          .then((r) => send(r.status, r.body))
          .catch((err: Error) => send(500, { error: { code: "INTERNAL", message: err.message } }));
      });
    })
    .listen(port, "127.0.0.1");
}
