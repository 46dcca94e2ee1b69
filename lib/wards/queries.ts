import { DateTime } from "luxon";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BedState, RoomType, WardType } from "@/lib/generated/prisma/enums";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { seesClinicalDetails } from "@/lib/patients/scope";
import type { AdmissionFilters, BoardFilters } from "./schemas";
import { escapeLike } from "@/lib/server/like";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export type Occupancy = {
  total: number;
  occupied: number;
  free: number;
  cleaning: number;
  outOfService: number;
  occupancyPct: number;
};
type BedCounts = Omit<Occupancy, "occupancyPct">;

/** Counts of beds by state, and the share of in-service beds that are occupied. */
export function occupancyFrom(c: BedCounts): Occupancy {
  const inService = c.total - c.outOfService;
  return {
    total: c.total,
    occupied: c.occupied,
    free: c.free,
    cleaning: c.cleaning,
    outOfService: c.outOfService,
    occupancyPct: inService === 0 ? 0 : Math.round((c.occupied / inService) * 1000) / 10,
  };
}

/** The same from a list of states. */
export function occupancyOf(states: BedState[]): Occupancy {
  const n = (s: BedState) => states.filter((x) => x === s).length;
  return occupancyFrom({
    total: states.length,
    occupied: n("OCCUPIED"),
    free: n("FREE"),
    cleaning: n("CLEANING"),
    outOfService: n("OUT_OF_SERVICE"),
  });
}

/** One page of a list: rows to skip and to take. */
export type Paging = { skip: number; take: number };

// The bed counts of an aggregate over `b` (a "Bed" alias; NULL rows of a LEFT JOIN count nothing).
const BED_COUNTS = Prisma.sql`count(b.id)::int AS total,
  count(b.id) FILTER (WHERE b.state = 'OCCUPIED')::int AS occupied,
  count(b.id) FILTER (WHERE b.state = 'FREE')::int AS free,
  count(b.id) FILTER (WHERE b.state = 'CLEANING')::int AS cleaning,
  count(b.id) FILTER (WHERE b.state = 'OUT_OF_SERVICE')::int AS "outOfService"`;
const counts = (r: BedCounts): Occupancy =>
  occupancyFrom({
    total: r.total,
    occupied: r.occupied,
    free: r.free,
    cleaning: r.cleaning,
    outOfService: r.outOfService,
  });

/** A case-insensitive "contains" on one of the columns; nothing without q. */
const matching = (q: string | undefined, columns: Prisma.Sql[]) =>
  q
    ? Prisma.sql`AND (${Prisma.join(
        columns.map((c) => Prisma.sql`${c} ILIKE ${`%${escapeLike(q)}%`}`),
        " OR ",
      )})`
    : Prisma.empty;

export type WardFilters = { includeInactive?: boolean; q?: string };

/** Wards (active ones unless includeInactive; `q`: name contains), by name, one page, with their department and the occupancy of their active beds in active rooms. */
export async function listWards(prisma: Db, f: WardFilters, page: Paging) {
  const where = Prisma.sql`WHERE TRUE ${f.includeInactive ? Prisma.empty : Prisma.sql`AND w.active`} ${matching(f.q, [Prisma.sql`w.name`])}`;
  type Row = BedCounts & {
    id: string;
    name: string;
    type: WardType;
    active: boolean;
    departmentId: string | null;
    departmentName: string | null;
  };
  const [rows, [{ n }]] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT w.id, w.name, w.type, w.active, d.id AS "departmentId", d.name AS "departmentName", o.*
      FROM (SELECT w.id, w.name, w.type, w.active, w."departmentId" FROM "Ward" w ${where} ORDER BY w.name, w.id LIMIT ${page.take} OFFSET ${page.skip}) w
      LEFT JOIN "Department" d ON d.id = w."departmentId"
      CROSS JOIN LATERAL (SELECT ${BED_COUNTS} FROM "Room" r JOIN "Bed" b ON b."roomId" = r.id AND b.active WHERE r."wardId" = w.id AND r.active) o
      ORDER BY w.name, w.id`,
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Ward" w ${where}`,
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      active: r.active,
      department: r.departmentId ? { id: r.departmentId, name: r.departmentName! } : null,
      occupancy: counts(r),
    })),
    total: n,
  };
}

/** Active wards for a select: id and name only, by name (every ward: a hospital has tens, not thousands). */
export async function wardOptions(prisma: Db) {
  return prisma.ward.findMany({
    where: { active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** Rooms (`wardId`; `q`: room name contains), by ward and name, one page, each with the occupancy of its active beds. */
export async function listRooms(prisma: Db, f: { wardId?: string; q?: string }, page: Paging) {
  const where = Prisma.sql`WHERE TRUE ${f.wardId ? Prisma.sql`AND r."wardId" = ${f.wardId}` : Prisma.empty} ${matching(f.q, [Prisma.sql`r.name`])}`;
  type Row = BedCounts & {
    id: string;
    name: string;
    type: RoomType;
    capacity: number;
    active: boolean;
    wardId: string;
    wardName: string;
  };
  const [rows, [{ n }]] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT r.id, r.name, r.type, r.capacity, r.active, r."wardId", r."wardName", o.*
      FROM (SELECT r.id, r.name, r.type, r.capacity, r.active, w.id AS "wardId", w.name AS "wardName"
            FROM "Room" r JOIN "Ward" w ON w.id = r."wardId" ${where}
            ORDER BY w.name, r.name, r.id LIMIT ${page.take} OFFSET ${page.skip}) r
      CROSS JOIN LATERAL (SELECT ${BED_COUNTS} FROM "Bed" b WHERE b."roomId" = r.id AND b.active) o
      ORDER BY r."wardName", r.name, r.id`,
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Room" r ${where}`,
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      capacity: r.capacity,
      active: r.active,
      ward: { id: r.wardId, name: r.wardName },
      occupancy: counts(r),
    })),
    total: n,
  };
}

export type BedFilters = { wardId?: string; roomId?: string; state?: BedState; q?: string };

/**
 * Beds (`wardId`, `roomId`, `state`; `q`: bed label, room or ward name contains), by ward, room and
 * label, one page; `total` counts every matching bed and `occupancy` every matching active bed, both
 * in one aggregate beside the page.
 */
export async function listBeds(prisma: Db, f: BedFilters, page: Paging) {
  const where = Prisma.sql`WHERE TRUE
    ${f.wardId ? Prisma.sql`AND r."wardId" = ${f.wardId}` : Prisma.empty}
    ${f.roomId ? Prisma.sql`AND b."roomId" = ${f.roomId}` : Prisma.empty}
    ${f.state ? Prisma.sql`AND b.state = ${f.state}::"BedState"` : Prisma.empty}
    ${matching(f.q, [Prisma.sql`b.label`, Prisma.sql`r.name`, Prisma.sql`w.name`])}`;
  type Row = {
    id: string;
    label: string;
    state: BedState;
    stateChangedAt: Date;
    active: boolean;
    roomId: string;
    roomName: string;
    wardId: string;
    wardName: string;
  };
  const [rows, [agg]] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT b.id, b.label, b.state, b."stateChangedAt", b.active, r.id AS "roomId", r.name AS "roomName", w.id AS "wardId", w.name AS "wardName"
      FROM "Bed" b JOIN "Room" r ON r.id = b."roomId" JOIN "Ward" w ON w.id = r."wardId"
      ${where}
      ORDER BY w.name, r.name, b.label, b.id LIMIT ${page.take} OFFSET ${page.skip}`,
    prisma.$queryRaw<(BedCounts & { listed: number })[]>`
      SELECT count(*)::int AS listed,
        count(*) FILTER (WHERE b.active)::int AS total,
        count(*) FILTER (WHERE b.active AND b.state = 'OCCUPIED')::int AS occupied,
        count(*) FILTER (WHERE b.active AND b.state = 'FREE')::int AS free,
        count(*) FILTER (WHERE b.active AND b.state = 'CLEANING')::int AS cleaning,
        count(*) FILTER (WHERE b.active AND b.state = 'OUT_OF_SERVICE')::int AS "outOfService"
      FROM "Bed" b JOIN "Room" r ON r.id = b."roomId" JOIN "Ward" w ON w.id = r."wardId"
      ${where}`,
  ]);
  return {
    items: rows.map((b) => ({
      id: b.id,
      label: b.label,
      state: b.state,
      stateChangedAt: b.stateChangedAt.toISOString(),
      active: b.active,
      room: { id: b.roomId, name: b.roomName, ward: { id: b.wardId, name: b.wardName } },
    })),
    total: agg.listed,
    occupancy: counts(agg),
  };
}

/** Everything the admin page edits: wards → rooms → beds, inactive ones included. */
export async function wardTree(prisma: Db) {
  return prisma.ward.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      type: true,
      active: true,
      departmentId: true,
      observationHours: true,
      rooms: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          type: true,
          capacity: true,
          active: true,
          beds: { orderBy: { label: "asc" }, select: { id: true, label: true, state: true, active: true } },
        },
      },
    },
  });
}
export type WardTree = Awaited<ReturnType<typeof wardTree>>;

export type BoardBed = {
  id: string;
  label: string;
  state: BedState;
  stateChangedAt: string;
  admission: {
    id: string;
    patientId: string;
    patientName: string;
    mrn: string;
    doctorName: string;
    since: string;
  } | null;
};
export type BoardRoom = { id: string; name: string; type: RoomType; beds: BoardBed[] };
export type BoardWard = {
  id: string;
  name: string;
  type: WardType;
  department: string | null;
  occupancy: Occupancy;
  rooms: BoardRoom[];
};

type BoardRow = {
  wardId: string;
  roomId: string;
  roomName: string;
  roomType: RoomType;
  bedId: string;
  label: string;
  state: BedState;
  stateChangedAt: Date;
  admissionId: string | null;
  patientId: string | null;
  firstName: string | null;
  lastName: string | null;
  mrn: string | null;
  doctorName: string | null;
  since: Date | null;
};

/** Wards per page of the bed board. */
export const BOARD_WARDS_PER_PAGE = 4;

/**
 * The bed board, a page of wards at a time: the active wards with active beds in active rooms (with
 * `state`: only those with a bed in that state), by name, each with the occupancy of all its beds
 * (before the state filter) from one aggregate; then the page's rooms and beds, with the patient in
 * each occupied bed (its live assignment), in one query.
 */
export async function bedBoard(
  prisma: Db,
  f: BoardFilters,
  page: Paging,
): Promise<{ items: BoardWard[]; total: number }> {
  const grouped = Prisma.sql`
    FROM "Ward" w
    JOIN "Room" r ON r."wardId" = w.id AND r.active
    JOIN "Bed" b ON b."roomId" = r.id AND b.active
    WHERE w.active
      ${f.wardId ? Prisma.sql`AND w.id = ${f.wardId}` : Prisma.empty}
      ${f.departmentId ? Prisma.sql`AND w."departmentId" = ${f.departmentId}` : Prisma.empty}
    GROUP BY w.id
    ${f.state ? Prisma.sql`HAVING count(*) FILTER (WHERE b.state = ${f.state}::"BedState") > 0` : Prisma.empty}`;
  type WardRow = BedCounts & { id: string; name: string; type: WardType; department: string | null; n: number };
  const wards = await prisma.$queryRaw<WardRow[]>`
    SELECT g.*, d.name AS department
    FROM (SELECT w.id, w.name, w.type, w."departmentId", ${BED_COUNTS}, count(*) OVER ()::int AS n ${grouped} ORDER BY w.name, w.id LIMIT ${page.take} OFFSET ${page.skip}) g
    LEFT JOIN "Department" d ON d.id = g."departmentId"
    ORDER BY g.name, g.id`;
  if (wards.length === 0) {
    const [{ n }] =
      page.skip > 0
        ? await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT w.id ${grouped}) g`
        : [{ n: 0 }];
    return { items: [], total: n };
  }
  const rows = await prisma.$queryRaw<BoardRow[]>`
    SELECT r."wardId", r.id AS "roomId", r.name AS "roomName", r.type AS "roomType",
           b.id AS "bedId", b.label, b.state, b."stateChangedAt",
           a.id AS "admissionId", p.id AS "patientId", p."firstName", p."lastName", p.mrn, u.name AS "doctorName", ba."startsAt" AS since
    FROM "Room" r
    JOIN "Bed" b ON b."roomId" = r.id AND b.active
    LEFT JOIN "BedAssignment" ba ON ba."bedId" = b.id AND ba."endsAt" IS NULL
    LEFT JOIN "Admission" a ON a.id = ba."admissionId"
    LEFT JOIN "Patient" p ON p.id = a."patientId"
    LEFT JOIN "User" u ON u.id = a."attendingDoctorId"
    WHERE r.active AND r."wardId" = ANY(${wards.map((w) => w.id)})
      ${f.state ? Prisma.sql`AND b.state = ${f.state}::"BedState"` : Prisma.empty}
    ORDER BY r.name, r.id, b.label, b.id`;
  const items = new Map<string, BoardWard>(
    wards.map((w) => [
      w.id,
      { id: w.id, name: w.name, type: w.type, department: w.department, occupancy: counts(w), rooms: [] },
    ]),
  );
  for (const r of rows) {
    const ward = items.get(r.wardId)!;
    let room = ward.rooms.at(-1);
    if (room?.id !== r.roomId) {
      room = { id: r.roomId, name: r.roomName, type: r.roomType, beds: [] };
      ward.rooms.push(room);
    }
    room.beds.push({
      id: r.bedId,
      label: r.label,
      state: r.state,
      stateChangedAt: r.stateChangedAt.toISOString(),
      admission: r.admissionId
        ? {
            id: r.admissionId,
            patientId: r.patientId!,
            patientName: `${r.firstName} ${r.lastName}`,
            mrn: r.mrn!,
            doctorName: r.doctorName!,
            since: r.since!.toISOString(),
          }
        : null,
    });
  }
  return { items: [...items.values()], total: wards[0].n };
}

/** One ward's free, active beds (active rooms) for the transfer picker: "Ward · Room · Bed". */
export async function freeBeds(prisma: Db, wardId: string) {
  const beds = await prisma.bed.findMany({
    where: { state: "FREE", active: true, room: { active: true, wardId, ward: { active: true } } },
    orderBy: [{ room: { name: "asc" } }, { label: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, label: true, room: { select: { name: true, ward: { select: { name: true } } } } },
  });
  return beds.map((b) => ({ id: b.id, name: `${b.room.ward.name} · ${b.room.name} · ${b.label}` }));
}

const HISTORY = {
  id: true,
  startsAt: true,
  endsAt: true,
  bed: { select: { id: true, label: true, room: { select: { name: true, ward: { select: { name: true } } } } } },
} satisfies Prisma.BedAssignmentSelect;

const ADMISSION = {
  id: true,
  plannedStayDays: true,
  admittedAt: true,
  dischargedAt: true,
  triageId: true,
  patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
  attendingDoctor: { select: { id: true, name: true } },
  department: { select: { id: true, name: true } },
} satisfies Prisma.AdmissionSelect;

/**
 * The clinical fields of an admission: why the patient came in and how they left. Selected only for a
 * role that sees clinical details (lib/patients/scope.ts, from the permission table); a records
 * officer, who admits, moves and discharges, gets the admission without them (the keys are absent).
 */
const ADMISSION_CLINICAL = { reason: true, dischargeSummary: true } satisfies Prisma.AdmissionSelect;
const admissionSelect = (ctx: Ctx) => ({
  ...ADMISSION,
  ...(seesClinicalDetails(ctx.actor) ? ADMISSION_CLINICAL : {}),
  assignments: { orderBy: { startsAt: "asc" as const }, select: HISTORY },
});

type AdmissionRow = Prisma.AdmissionGetPayload<{
  select: typeof ADMISSION & { assignments: { select: typeof HISTORY } };
}> &
  Partial<Prisma.AdmissionGetPayload<{ select: typeof ADMISSION_CLINICAL }>>;

function admissionView(a: AdmissionRow) {
  const beds = a.assignments.map((h) => ({
    id: h.id,
    bedId: h.bed.id,
    place: `${h.bed.room.ward.name} · ${h.bed.room.name} · ${h.bed.label}`,
    startsAt: h.startsAt.toISOString(),
    endsAt: iso(h.endsAt),
  }));
  return {
    ...a,
    admittedAt: a.admittedAt.toISOString(),
    dischargedAt: iso(a.dischargedAt),
    patient: { id: a.patient.id, mrn: a.patient.mrn, name: `${a.patient.firstName} ${a.patient.lastName}` },
    status: a.dischargedAt ? ("discharged" as const) : ("live" as const),
    currentBed: a.dischargedAt ? null : (beds.find((b) => b.endsAt === null) ?? null),
    assignments: beds,
  };
}
export type AdmissionView = ReturnType<typeof admissionView>;

/**
 * Admissions, newest first, filtered (live / discharged, ward of any of its beds, doctor, patient) and
 * paged; reason and discharge summary only for a role that sees clinical details. One VIEW row per
 * patient shown, written in the read's transaction.
 */
export async function listAdmissions(
  prisma: Db,
  ctx: Ctx,
  f: AdmissionFilters & { movedBetween?: { from: Date; to: Date } },
  page: { skip: number; take: number },
) {
  const moved = f.movedBetween && { gte: f.movedBetween.from, lt: f.movedBetween.to };
  const where: Prisma.AdmissionWhereInput = {
    // Admitted or discharged in the range (the records office's "today").
    ...(moved ? { OR: [{ admittedAt: moved }, { dischargedAt: moved }] } : {}),
    ...(f.status === "live"
      ? { dischargedAt: null }
      : f.status === "discharged"
        ? { dischargedAt: { not: null } }
        : {}),
    ...(f.wardId ? { assignments: { some: { bed: { room: { wardId: f.wardId } } } } } : {}),
    ...(f.doctorId ? { attendingDoctorId: f.doctorId } : {}),
    ...(f.patientId ? { patientId: f.patientId } : {}),
  };
  const [rows, total] = await auditedRead(
    prisma,
    (db) =>
      Promise.all([
        db.admission.findMany({
          where,
          orderBy: [{ admittedAt: "desc" }, { id: "asc" }],
          skip: page.skip,
          take: page.take,
          select: admissionSelect(ctx),
        }),
        db.admission.count({ where }),
      ]),
    (tx, [rows]) => auditViews(tx, ctx, { entity: "Admission" }, rows),
  );
  return { items: rows.map(admissionView), total };
}

/** One admission with its bed history (reason and summary as for listAdmissions); reading it is audited. */
export async function getAdmission(prisma: Db, ctx: Ctx, id: string): Promise<AdmissionView> {
  const a = await prisma.admission.findUnique({ where: { id }, select: admissionSelect(ctx) });
  if (!a) throw notFound("admission");
  await audit(prisma, ctx, { action: "VIEW", entity: "Admission", entityId: id, patientId: a.patient.id });
  return admissionView(a);
}

/** Who lay in a bed, newest first. */
export async function bedHistory(prisma: Db, bedId: string, take = 20) {
  const rows = await prisma.bedAssignment.findMany({
    where: { bedId },
    orderBy: { startsAt: "desc" },
    take,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      admission: {
        select: { id: true, patient: { select: { id: true, mrn: true, firstName: true, lastName: true } } },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    admissionId: r.admission.id,
    patient: {
      id: r.admission.patient.id,
      mrn: r.admission.patient.mrn,
      name: `${r.admission.patient.firstName} ${r.admission.patient.lastName}`,
    },
    startsAt: r.startsAt.toISOString(),
    endsAt: iso(r.endsAt),
  }));
}

export type OccupancyRow = {
  wardId: string;
  ward: string;
  beds: number;
  occupiedBedDays: number;
  availableBedDays: number;
  occupancyPct: number;
  admissions: number;
  discharges: number;
};

/**
 * Occupancy between two local dates (both included, in the hospital's time zone), from the bed
 * assignment history: bed-days occupied (each assignment's overlap with the range; a live one runs
 * to now), bed-days available (the ward's active beds × the range's days), admissions counted in
 * the ward of their first bed, discharges in the ward of their last.
 */
export async function occupancyReport(
  prisma: Db,
  range: { from: string; to: string },
): Promise<{ from: string; to: string; days: number; items: OccupancyRow[]; total: OccupancyRow }> {
  const zone = env().HOSPITAL_TIMEZONE;
  const start = DateTime.fromISO(range.from, { zone }).startOf("day");
  const end = DateTime.fromISO(range.to, { zone }).plus({ days: 1 }).startOf("day");
  const days = Math.round(end.diff(start, "days").days);
  const f = start.toJSDate();
  const t = end.toJSDate();
  const now = clock.now();
  const rows = await prisma.$queryRaw<
    {
      wardId: string;
      ward: string;
      beds: bigint;
      occupiedSeconds: number | null;
      admissions: bigint;
      discharges: bigint;
    }[]
  >`
    WITH wb AS (SELECT b.id, r."wardId" FROM "Bed" b JOIN "Room" r ON r.id = b."roomId")
    SELECT w.id AS "wardId", w.name AS ward,
      (SELECT count(*) FROM "Bed" b JOIN "Room" r ON r.id = b."roomId" WHERE r."wardId" = w.id AND b.active AND r.active) AS beds,
      (SELECT sum(extract(epoch FROM least(coalesce(ba."endsAt", ${now}::timestamp), ${t}::timestamp) - greatest(ba."startsAt", ${f}::timestamp)))::float8
         FROM "BedAssignment" ba JOIN wb ON wb.id = ba."bedId"
         WHERE wb."wardId" = w.id AND ba."startsAt" < ${t}::timestamp AND coalesce(ba."endsAt", ${now}::timestamp) > ${f}::timestamp) AS "occupiedSeconds",
      (SELECT count(*) FROM "Admission" a JOIN "BedAssignment" ba ON ba."admissionId" = a.id AND ba."startsAt" = a."admittedAt" JOIN wb ON wb.id = ba."bedId"
         WHERE wb."wardId" = w.id AND a."admittedAt" >= ${f}::timestamp AND a."admittedAt" < ${t}::timestamp) AS admissions,
      (SELECT count(*) FROM "Admission" a JOIN "BedAssignment" ba ON ba."admissionId" = a.id AND ba."endsAt" = a."dischargedAt" JOIN wb ON wb.id = ba."bedId"
         WHERE wb."wardId" = w.id AND a."dischargedAt" >= ${f}::timestamp AND a."dischargedAt" < ${t}::timestamp) AS discharges
    FROM "Ward" w WHERE w.active ORDER BY w.name`;
  const round = (x: number) => Math.round(x * 100) / 100;
  const pct = (o: number, a: number) => (a === 0 ? 0 : Math.round((o / a) * 1000) / 10);
  const items = rows.map((r) => {
    const occupied = Math.max(0, (r.occupiedSeconds ?? 0) / 86400);
    const available = Number(r.beds) * days;
    return {
      wardId: r.wardId,
      ward: r.ward,
      beds: Number(r.beds),
      occupiedBedDays: round(occupied),
      availableBedDays: available,
      occupancyPct: pct(occupied, available),
      admissions: Number(r.admissions),
      discharges: Number(r.discharges),
    };
  });
  const sum = (k: "beds" | "occupiedBedDays" | "availableBedDays" | "admissions" | "discharges") =>
    items.reduce((s, i) => s + i[k], 0);
  const total = {
    wardId: "",
    ward: "",
    beds: sum("beds"),
    occupiedBedDays: round(sum("occupiedBedDays")),
    availableBedDays: sum("availableBedDays"),
    occupancyPct: pct(sum("occupiedBedDays"), sum("availableBedDays")),
    admissions: sum("admissions"),
    discharges: sum("discharges"),
  };
  return { from: range.from, to: range.to, days, items, total };
}
