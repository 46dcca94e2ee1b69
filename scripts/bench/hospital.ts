// The parts of `npm run bench` that need a whole hospital (a database made by generate.ts):
//
// - bedboard: GET /api/v1/beds (the first page of 20 beds with their state, and the occupancy of
//   every bed counted in SQL) under load, against its floor in the same run.
// - mixed: 50 concurrent clients, each request drawn from a weighted mix resembling a hospital day
//   (search 25 %, chart history 15 %, day list 15 %, slots 15 %, bed board 10 %, patient read 10 %,
//   booking 5 % on fresh slots after every appointment in the database, PDF 5 %), as different users' bearer tokens, against the app and
//   against the floor with the same mix (booking: floor-server.ts /book, on other fresh slots);
//   latencies per kind of request too. Before it, the lightest route (GET /api/v1/status, one
//   SELECT 1) under the same 50 connections: what the server answers at the least work per request.
//   Then the patient list (GET /api/v1/patients, first page, no search) under the same connections,
//   with the server's CPU per request (its process tree's CPU time ÷ requests); and, after the app,
//   the framework's floor (next-floor.ts: a bare Next.js route handler answering {"ok":true}, built in
//   this run) under the same connections, with its CPU per request: the mixed targets are shares of it.
import autocannon from "autocannon";
import { DateTime } from "luxon";
import pg from "pg";
import { timeline } from "../../lib/clinical/queries";
import { openChart } from "../../lib/patients/chart";
import { listPatients, readPatient } from "../../lib/patients/queries";
import { renderPrescriptionPdf } from "../../lib/prescriptions/pdf";
import { listAppointments, localRange, slotsForDays } from "../../lib/scheduling/queries";
import type { Role } from "../../lib/generated/prisma/client";
import type { Ctx } from "../../lib/server/session";
import { issueApiToken } from "../../lib/server/tokens";
import { listBeds } from "../../lib/wards/queries";
import { capturingDb, sessionRead, withFloor, type FloorScript } from "./capture";
import { percentiles, round, startServer, stopServer, type Percentiles } from "./common";
import { searchMix } from "./data";
import { NEXT_FLOOR_PATH, startNextFloor, withCpuPerRequest } from "./next-floor";
import { mulberry32 } from "./generate";

export type HospitalOptions = {
  port: number;
  duration: number;
  warmup: number;
  connections: number;
  mixedConnections: number;
  log: (s: string) => void;
};
export type LoadFigures = Percentiles & {
  requests: number;
  reqPerSec: number;
  errors: number;
  non2xx: number;
  conflicts: number;
  durationS: number;
  connections: number;
  /** Latencies per kind of request of the mix (search, history…). */
  byKind: Record<string, Percentiles & { requests: number }>;
};
export type HospitalResult = {
  patients: number;
  beds: number;
  bedboard: { app: LoadFigures; floor: LoadFigures } | null;
  mixed: { app: LoadFigures; floor: LoadFigures; weights: Record<string, number> } | null;
  /** With mixed: the lightest route, GET /api/v1/status (one SELECT 1), under the same 50 connections. */
  lightest: { app: LoadFigures; floor: LoadFigures } | null;
  /** With mixed: GET /api/v1/patients (first page) under the same connections, with the server's CPU per request. */
  patientList: CpuLoadFigures | null;
  /** With mixed: a bare Next.js route handler ({"ok":true}, next-floor.ts) under the same connections: the mixed targets' reference. */
  nextFloor: CpuLoadFigures | null;
};

export type CpuLoadFigures = LoadFigures & { cpuMsPerRequest: number | null };

type Kind = "search" | "history" | "dayList" | "slots" | "beds" | "patient" | "booking" | "pdf";
export const MIX_WEIGHTS: Record<Kind, number> = {
  search: 25,
  history: 15,
  dayList: 15,
  slots: 15,
  beds: 10,
  patient: 10,
  booking: 5,
  pdf: 5,
};
type Get = {
  kind: Kind;
  path: string;
  user: { id: string; role: Role };
  run: (p: Parameters<typeof listBeds>[0], ctx: Ctx) => Promise<unknown>;
};
const SLOT_MIN = 30;
const STATUS = "/api/v1/status";
const DAY_START = 8 * 60;
const SLOTS_PER_DAY = 18; // 08:00–17:00, generate.ts's grid

async function people(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const users = async (role: Role, n: number) =>
      (
        await client.query<{ id: string; sv: number }>(
          `SELECT id, "sessionVersion" AS sv FROM "User" WHERE role = $1 AND active ORDER BY id LIMIT $2`,
          [role, n],
        )
      ).rows.map((r) => ({ id: r.id, role, sv: r.sv }));
    await client.query("SELECT setseed(0.42)");
    const patients = (
      await client.query<{ id: string }>(`SELECT id FROM "Patient" WHERE active ORDER BY random() LIMIT 300`)
    ).rows.map((r) => r.id);
    const rx = (
      await client.query<{ id: string; by: string; sv: number }>(
        `SELECT p.id, p."prescriberId" AS by, u."sessionVersion" AS sv FROM "Prescription" p JOIN "User" u ON u.id = p."prescriberId" ORDER BY p.id LIMIT 50`,
      )
    ).rows;
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
    return {
      doctors: await users("DOCTOR", 40),
      nurses: await users("NURSE", 20),
      records: await users("RECORDS_OFFICER", 10),
      patients,
      rx,
      totalPatients: await count(`SELECT count(*) AS n FROM "Patient"`),
      beds: await count(`SELECT count(*) AS n FROM "Bed" WHERE active`),
      /** The last appointment's start (a kept database may hold an earlier run's bookings). */
      lastAppointment: (await client.query<{ at: Date | null }>(`SELECT max("startsAt") AS at FROM "Appointment"`))
        .rows[0].at,
    };
  } finally {
    await client.end();
  }
}

/** autocannon on `port` with `connections`, each request from `next()`; latencies of all responses. */
function load(
  port: number,
  connections: number,
  seconds: number,
  next: () => { kind: string; method: "GET" | "POST"; path: string; authorization: string; body?: string },
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let non2xx = 0;
  let conflicts = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        requests: [
          {
            // The connection's context remembers the kind of the request it sends (one at a time:
            // no pipelining), so its response's latency is counted under that kind.
            setupRequest: (req, context) => {
              const r = next();
              (context as { kind?: string }).kind = r.kind;
              return {
                ...req,
                method: r.method,
                path: r.path,
                body: r.body,
                headers: {
                  ...req.headers,
                  authorization: r.authorization,
                  accept: "application/json",
                  ...(r.body ? { "content-type": "application/json" } : {}),
                },
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
              errors: result.errors + result.timeouts,
              non2xx,
              conflicts,
              durationS: round(result.duration),
              connections,
              byKind: Object.fromEntries(
                [...byKind]
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([k, v]) => [k, { requests: v.length, ...percentiles(v) }]),
              ),
            }),
    );
    instance.on("response", (client, status, _b, ms) => {
      latencies.push(ms);
      const kind =
        (client as unknown as { requestIterator?: { context?: { kind?: string } } }).requestIterator?.context?.kind ??
        "?";
      const samples = byKind.get(kind);
      if (samples) samples.push(ms);
      else byKind.set(kind, [ms]);
      if (status === 409) conflicts++;
      if (status < 200 || status >= 300) non2xx++;
    });
  });
}

export async function benchHospital(
  url: string,
  parts: { bedboard: boolean; mixed: boolean },
  opts: HospitalOptions,
): Promise<HospitalResult> {
  const { log } = opts;
  const who = await people(url);
  log(
    `  hospital: ${who.totalPatients.toLocaleString("en")} patients, ${who.beds} beds; users for the mix: ${who.doctors.length} doctors, ${who.nurses.length} nurses, ${who.records.length} records officers`,
  );
  const tokens = new Map<string, string>();
  const bearer = async (u: { id: string; role: Role; sv: number }) => {
    if (!tokens.has(u.id))
      tokens.set(u.id, `Bearer ${(await issueApiToken({ userId: u.id, role: u.role, sessionVersion: u.sv })).token}`);
    return tokens.get(u.id)!;
  };
  for (const u of [...who.doctors, ...who.nurses, ...who.records]) await bearer(u);
  for (const r of who.rx) await bearer({ id: r.by, role: "DOCTOR", sv: r.sv });

  // The GET requests of the mix, drawn once (deterministic), cycled through by every connection.
  const r = mulberry32(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const today = DateTime.utc().startOf("day");
  const search = searchMix(who.totalPatients);
  const gets = (kind: Kind): Get => {
    const doctor = pick(who.doctors);
    const patient = pick(who.patients);
    const date = today.plus({ days: Math.floor(r() * 61) - 30 }).toISODate()!;
    switch (kind) {
      case "search": {
        const c = pick(search);
        const q = new URLSearchParams({ q: c.q, ...(c.condition ? { condition: c.condition } : {}) });
        return {
          kind,
          path: `/api/v1/patients?${q}`,
          user: pick(who.records),
          run: (p) =>
            listPatients(p, {
              q: c.q.trim(),
              page: 1,
              pageSize: 20,
              skip: 0,
              take: 20,
              sort: { field: "lastName", dir: "asc" },
              condition: c.condition,
            }),
        };
      }
      case "history":
        return {
          kind,
          path: `/api/v1/patients/${patient}/history`,
          user: doctor,
          run: async (p, ctx) =>
            timeline(p, await openChart(p, ctx, patient), { page: 1, pageSize: 20, oldestFirst: false }),
        };
      case "dayList":
        return {
          kind,
          path: `/api/v1/appointments?doctorId=${doctor.id}&from=${date}&to=${date}`,
          user: doctor,
          run: (p, ctx) =>
            listAppointments(
              p,
              ctx,
              { doctorId: doctor.id, ...localRange({ from: date, to: date }) },
              { skip: 0, take: 20, desc: false },
            ),
        };
      case "slots":
        return {
          kind,
          path: `/api/v1/doctors/${doctor.id}/slots?date=${date}`,
          user: doctor,
          run: (p) => slotsForDays(p, doctor.id, date, 1),
        };
      case "beds":
        return {
          kind,
          path: `/api/v1/beds`,
          user: pick(who.nurses),
          run: (p) => listBeds(p, {}, { skip: 0, take: 20 }),
        };
      case "patient":
        return {
          kind,
          path: `/api/v1/patients/${patient}`,
          user: doctor,
          run: (p, ctx) => readPatient(p, ctx, patient),
        };
      case "pdf": {
        const rx = pick(who.rx);
        return {
          kind,
          path: `/api/v1/prescriptions/${rx.id}/pdf?paper=A4`,
          user: { id: rx.by, role: "DOCTOR" },
          run: (p, ctx) => renderPrescriptionPdf(p, ctx, rx.id, "A4", "en"),
        };
      }
      default:
        throw new Error(kind);
    }
  };
  const total = Object.values(MIX_WEIGHTS).reduce((a, b) => a + b, 0);
  const draw = (): Kind => {
    let x = r() * total;
    for (const [k, w] of Object.entries(MIX_WEIGHTS) as [Kind, number][]) if ((x -= w) < 0) return k;
    return "search";
  };
  const plan: (Get | "booking")[] = Array.from({ length: 2000 }, () => {
    const k = draw();
    return k === "booking" ? "booking" : gets(k);
  });
  const boardGets = [gets("beds")];

  // Captured statements for every GET of the plan (and the board), for the floor.
  log(`  capturing the statements of ${plan.filter((p) => p !== "booking").length} requests for the floor…`);
  const cap = capturingDb(url);
  const script: FloorScript = {};
  try {
    for (const g of [...boardGets, ...plan]) {
      if (g === "booking") continue;
      const key = `${g.user.id} ${g.path}`;
      const ctx: Ctx = {
        actor: { id: g.user.id, role: g.user.role, name: "Bench", email: "bench@bench.hospital" },
        ip: "127.0.0.1",
      };
      script[key] ??= await cap.capture(async (p) => {
        await sessionRead(p, g.user.id);
        await g.run(p, ctx);
      });
    }
    // The status route's one statement (lib/stats/status.ts checkDatabase), for an anonymous caller.
    script[` ${STATUS}`] = await cap.capture((p) => p.$queryRaw`SELECT 1`);
  } finally {
    await cap.disconnect();
  }

  // Bookings on fresh weekday slots after every appointment in the database: the k-th goes to
  // doctor k mod D at its next free slot; app and floor use different years so neither meets the other.
  const after = DateTime.max(
    today,
    who.lastAppointment ? DateTime.fromJSDate(who.lastAppointment, { zone: "utc" }).startOf("day") : today,
  );
  const booker = (yearsAhead: number) => {
    const first = after.plus({ years: yearsAhead, weeks: 1 }).startOf("week"); // a Monday
    let k = 0;
    return (floor: boolean) => {
      const n = k++;
      const doctor = who.doctors[n % who.doctors.length];
      const slot = Math.floor(n / who.doctors.length);
      const d = Math.floor(slot / SLOTS_PER_DAY); // the d-th weekday from `first`
      const day = first.plus({ days: Math.floor(d / 5) * 7 + (d % 5) });
      const minute = DAY_START + (slot % SLOTS_PER_DAY) * SLOT_MIN;
      const startsAt = day
        .set({ hour: Math.floor(minute / 60), minute: minute % 60 })
        .toJSDate()
        .toISOString();
      const patientId = who.patients[n % who.patients.length];
      const records = who.records[n % who.records.length];
      return {
        kind: "booking",
        method: "POST" as const,
        path: floor ? "/book" : "/api/v1/appointments",
        authorization: floor ? `Bearer ${records.id}` : tokens.get(records.id)!,
        body: JSON.stringify({ doctorId: doctor.id, patientId, startsAt }),
      };
    };
  };
  const next = (
    floor: boolean,
    list: (Get | "booking")[],
    book: (floor: boolean) => ReturnType<ReturnType<typeof booker>>,
  ) => {
    let i = 0;
    return () => {
      const g = list[i++ % list.length];
      if (g === "booking") return book(floor);
      return {
        kind: g.kind,
        method: "GET" as const,
        path: g.path,
        authorization: floor ? `Bearer ${g.user.id}` : tokens.get(g.user.id)!,
        body: undefined,
      };
    };
  };

  const result: HospitalResult = {
    patients: who.totalPatients,
    beds: who.beds,
    bedboard: null,
    mixed: null,
    lightest: null,
    patientList: null,
    nextFloor: null,
  };
  const measure = async (port: number, floor: boolean) => {
    const out: Partial<Record<"bedboard" | "mixed" | "lightest", LoadFigures>> = {};
    if (parts.bedboard) {
      const n = next(floor, boardGets, booker(floor ? 3 : 2));
      await load(port, opts.connections, opts.warmup, n);
      out.bedboard = await load(port, opts.connections, opts.duration, n);
      log(
        `  ${floor ? "floor" : "app"} bed board: p50 ${out.bedboard.p50} ms, p95 ${out.bedboard.p95} ms, ${out.bedboard.reqPerSec} req/s, non-2xx ${out.bedboard.non2xx}`,
      );
    }
    if (parts.mixed) {
      // What the server does per request at the least: the lightest route under the same load.
      const status = () => ({ kind: "status", method: "GET" as const, path: STATUS, authorization: "" });
      await load(port, opts.mixedConnections, opts.warmup, status);
      out.lightest = await load(port, opts.mixedConnections, opts.duration, status);
      log(
        `  ${floor ? "floor" : "app"} lightest route (GET ${STATUS}, ${opts.mixedConnections} connections): ${out.lightest.reqPerSec} req/s, p50 ${out.lightest.p50} ms, p95 ${out.lightest.p95} ms, non-2xx ${out.lightest.non2xx}`,
      );
      const book = booker(floor ? 1 : 0);
      await load(port, opts.mixedConnections, opts.warmup, next(floor, plan, book));
      out.mixed = await load(port, opts.mixedConnections, opts.duration, next(floor, plan, book));
      log(
        `  ${floor ? "floor" : "app"} mixed (${opts.mixedConnections} connections): ${out.mixed.reqPerSec} req/s, p50 ${out.mixed.p50} ms, p95 ${out.mixed.p95} ms, p99 ${out.mixed.p99} ms, errors ${out.mixed.errors}, non-2xx ${out.mixed.non2xx} (409: ${out.mixed.conflicts})`,
      );
      log(
        `    per kind (p50 / p95 ms): ${Object.entries(out.mixed.byKind)
          .map(([k, v]) => `${k} ${v.p50} / ${v.p95}`)
          .join(", ")}`,
      );
    }
    return out;
  };
  const server = await startServer(url, opts.port);
  let app;
  try {
    app = await measure(opts.port, false);
    if (parts.mixed) {
      // The patient list, first page without a search, as a records officer: CPU per request.
      const records = who.records[0];
      const list = () => ({
        kind: "list",
        method: "GET" as const,
        path: "/api/v1/patients?page=1&pageSize=20",
        authorization: tokens.get(records.id)!,
      });
      await load(opts.port, opts.mixedConnections, opts.warmup, list);
      result.patientList = await withCpuPerRequest(server, () =>
        load(opts.port, opts.mixedConnections, opts.duration, list),
      );
      log(
        `  app patient list (GET /api/v1/patients, ${opts.mixedConnections} connections): ${result.patientList.reqPerSec} req/s, p95 ${result.patientList.p95} ms, ${result.patientList.cpuMsPerRequest} ms CPU per request`,
      );
    }
  } finally {
    await stopServer(server);
  }
  if (parts.mixed) {
    // The framework's floor, under the same connections as the mix.
    const bare = await startNextFloor(opts.port + 2, log);
    try {
      const ok = () => ({ kind: "ok", method: "GET" as const, path: NEXT_FLOOR_PATH, authorization: "" });
      await load(opts.port + 2, opts.mixedConnections, opts.warmup, ok);
      result.nextFloor = await withCpuPerRequest(bare, () =>
        load(opts.port + 2, opts.mixedConnections, opts.duration, ok),
      );
      log(
        `  bare Next.js route (GET ${NEXT_FLOOR_PATH}, ${opts.mixedConnections} connections): ${result.nextFloor.reqPerSec} req/s, p50 ${result.nextFloor.p50} ms, p95 ${result.nextFloor.p95} ms, ${result.nextFloor.cpuMsPerRequest} ms CPU per request`,
      );
    } finally {
      await stopServer(bare);
    }
  }
  const floor = await withFloor(url, opts.port + 1, "hospital", script, () => measure(opts.port + 1, true));
  if (app.bedboard && floor.bedboard) result.bedboard = { app: app.bedboard, floor: floor.bedboard };
  if (app.mixed && floor.mixed) result.mixed = { app: app.mixed, floor: floor.mixed, weights: MIX_WEIGHTS };
  if (app.lightest && floor.lightest) result.lightest = { app: app.lightest, floor: floor.lightest };
  return result;
}
