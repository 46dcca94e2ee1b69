import { DateTime } from "luxon";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BedState, RoomType, WardType } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import type { AdmissionFilters, BoardFilters } from "./schemas";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export type Occupancy = { total: number; occupied: number; free: number; cleaning: number; outOfService: number; occupancyPct: number };

/** Counts of beds by state, and the share of in-service beds that are occupied. */
export function occupancyOf(states: BedState[]): Occupancy {
  const n = (s: BedState) => states.filter((x) => x === s).length;
  const total = states.length;
  const outOfService = n("OUT_OF_SERVICE");
  const occupied = n("OCCUPIED");
  const inService = total - outOfService;
  return { total, occupied, free: n("FREE"), cleaning: n("CLEANING"), outOfService, occupancyPct: inService === 0 ? 0 : Math.round((occupied / inService) * 1000) / 10 };
}

/** Wards with their department and occupancy of their active beds (one read). */
export async function listWards(prisma: Db, opts: { includeInactive?: boolean } = {}) {
  const wards = await prisma.ward.findMany({
    where: opts.includeInactive ? {} : { active: true },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      type: true,
      active: true,
      department: { select: { id: true, name: true } },
      rooms: { where: { active: true }, select: { beds: { where: { active: true }, select: { state: true } } } },
    },
  });
  return wards.map(({ rooms, ...w }) => ({ ...w, occupancy: occupancyOf(rooms.flatMap((r) => r.beds.map((b) => b.state))) }));
}

export async function listRooms(prisma: Db, f: { wardId?: string } = {}) {
  const rooms = await prisma.room.findMany({
    where: f.wardId ? { wardId: f.wardId } : {},
    orderBy: [{ ward: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, type: true, capacity: true, active: true, ward: { select: { id: true, name: true } }, beds: { where: { active: true }, select: { state: true } } },
  });
  return rooms.map(({ beds, ...r }) => ({ ...r, occupancy: occupancyOf(beds.map((b) => b.state)) }));
}

export async function listBeds(prisma: Db, f: { wardId?: string; roomId?: string; state?: BedState } = {}) {
  const beds = await prisma.bed.findMany({
    where: { ...(f.roomId ? { roomId: f.roomId } : {}), ...(f.wardId ? { room: { wardId: f.wardId } } : {}), ...(f.state ? { state: f.state } : {}) },
    orderBy: [{ room: { ward: { name: "asc" } } }, { room: { name: "asc" } }, { label: "asc" }],
    select: { id: true, label: true, state: true, stateChangedAt: true, active: true, room: { select: { id: true, name: true, ward: { select: { id: true, name: true } } } } },
  });
  return {
    items: beds.map((b) => ({ ...b, stateChangedAt: iso(b.stateChangedAt) })),
    occupancy: occupancyOf(beds.filter((b) => b.active).map((b) => b.state)),
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
      rooms: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, type: true, capacity: true, active: true, beds: { orderBy: { label: "asc" }, select: { id: true, label: true, state: true, active: true } } },
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
  admission: { id: string; patientId: string; patientName: string; mrn: string; doctorName: string; since: string } | null;
};
export type BoardRoom = { id: string; name: string; type: RoomType; beds: BoardBed[] };
export type BoardWard = { id: string; name: string; type: WardType; department: string | null; occupancy: Occupancy; rooms: BoardRoom[] };

type BoardRow = {
  wardId: string; wardName: string; wardType: WardType; department: string | null; departmentId: string | null;
  roomId: string; roomName: string; roomType: RoomType;
  bedId: string; label: string; state: BedState; stateChangedAt: Date;
  admissionId: string | null; patientId: string | null; firstName: string | null; lastName: string | null; mrn: string | null; doctorName: string | null; since: Date | null;
};

/**
 * The bed board in one query: active wards → rooms → beds, with the patient in each occupied bed
 * (its live assignment). Occupancy per ward counts the ward's beds before the state filter.
 */
export async function bedBoard(prisma: Db, f: BoardFilters = {}): Promise<BoardWard[]> {
  const rows = await prisma.$queryRaw<BoardRow[]>`
    SELECT w.id AS "wardId", w.name AS "wardName", w.type AS "wardType", d.name AS department, w."departmentId",
           r.id AS "roomId", r.name AS "roomName", r.type AS "roomType",
           b.id AS "bedId", b.label, b.state, b."stateChangedAt",
           a.id AS "admissionId", p.id AS "patientId", p."firstName", p."lastName", p.mrn, u.name AS "doctorName", ba."startsAt" AS since
    FROM "Ward" w
    JOIN "Room" r ON r."wardId" = w.id AND r.active
    JOIN "Bed" b ON b."roomId" = r.id AND b.active
    LEFT JOIN "Department" d ON d.id = w."departmentId"
    LEFT JOIN "BedAssignment" ba ON ba."bedId" = b.id AND ba."endsAt" IS NULL
    LEFT JOIN "Admission" a ON a.id = ba."admissionId"
    LEFT JOIN "Patient" p ON p.id = a."patientId"
    LEFT JOIN "User" u ON u.id = a."attendingDoctorId"
    WHERE w.active
      ${f.wardId ? Prisma.sql`AND w.id = ${f.wardId}` : Prisma.empty}
      ${f.departmentId ? Prisma.sql`AND w."departmentId" = ${f.departmentId}` : Prisma.empty}
    ORDER BY w.name, r.name, b.label`;
  const wards = new Map<string, BoardWard & { states: BedState[] }>();
  for (const r of rows) {
    let ward = wards.get(r.wardId);
    if (!ward) {
      ward = { id: r.wardId, name: r.wardName, type: r.wardType, department: r.department, occupancy: occupancyOf([]), rooms: [], states: [] };
      wards.set(r.wardId, ward);
    }
    ward.states.push(r.state);
    if (f.state && r.state !== f.state) continue;
    let room = ward.rooms.find((x) => x.id === r.roomId);
    if (!room) {
      room = { id: r.roomId, name: r.roomName, type: r.roomType, beds: [] };
      ward.rooms.push(room);
    }
    room.beds.push({
      id: r.bedId,
      label: r.label,
      state: r.state,
      stateChangedAt: r.stateChangedAt.toISOString(),
      admission: r.admissionId
        ? { id: r.admissionId, patientId: r.patientId!, patientName: `${r.firstName} ${r.lastName}`, mrn: r.mrn!, doctorName: r.doctorName!, since: r.since!.toISOString() }
        : null,
    });
  }
  return [...wards.values()].map(({ states, ...w }) => ({ ...w, occupancy: occupancyOf(states) }));
}

/** Free, active beds for the transfer picker: "Ward · Room · Bed". */
export async function freeBeds(prisma: Db) {
  const beds = await prisma.bed.findMany({
    where: { state: "FREE", active: true, room: { active: true, ward: { active: true } } },
    orderBy: [{ room: { ward: { name: "asc" } } }, { room: { name: "asc" } }, { label: "asc" }],
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
  reason: true,
  plannedStayDays: true,
  admittedAt: true,
  dischargedAt: true,
  dischargeSummary: true,
  triageId: true,
  patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
  attendingDoctor: { select: { id: true, name: true } },
  department: { select: { id: true, name: true } },
} satisfies Prisma.AdmissionSelect;

type AdmissionRow = Prisma.AdmissionGetPayload<{ select: typeof ADMISSION & { assignments: { select: typeof HISTORY } } }>;

function admissionView(a: AdmissionRow) {
  const beds = a.assignments.map((h) => ({ id: h.id, bedId: h.bed.id, place: `${h.bed.room.ward.name} · ${h.bed.room.name} · ${h.bed.label}`, startsAt: h.startsAt.toISOString(), endsAt: iso(h.endsAt) }));
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

/** Admissions, newest first, filtered (live / discharged, ward of any of its beds, doctor, patient) and paged. */
export async function listAdmissions(prisma: Db, f: AdmissionFilters, page: { skip: number; take: number }) {
  const where: Prisma.AdmissionWhereInput = {
    ...(f.status === "live" ? { dischargedAt: null } : f.status === "discharged" ? { dischargedAt: { not: null } } : {}),
    ...(f.wardId ? { assignments: { some: { bed: { room: { wardId: f.wardId } } } } } : {}),
    ...(f.doctorId ? { attendingDoctorId: f.doctorId } : {}),
    ...(f.patientId ? { patientId: f.patientId } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.admission.findMany({ where, orderBy: [{ admittedAt: "desc" }, { id: "asc" }], skip: page.skip, take: page.take, select: { ...ADMISSION, assignments: { orderBy: { startsAt: "asc" }, select: HISTORY } } }),
    prisma.admission.count({ where }),
  ]);
  return { items: rows.map(admissionView), total };
}

/** One admission with its bed history; reading it is audited (it names the patient's reason and summary). */
export async function getAdmission(prisma: Db, ctx: Ctx, id: string): Promise<AdmissionView> {
  const a = await prisma.admission.findUnique({ where: { id }, select: { ...ADMISSION, assignments: { orderBy: { startsAt: "asc" }, select: HISTORY } } });
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
    select: { id: true, startsAt: true, endsAt: true, admission: { select: { id: true, patient: { select: { id: true, mrn: true, firstName: true, lastName: true } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    admissionId: r.admission.id,
    patient: { id: r.admission.patient.id, mrn: r.admission.patient.mrn, name: `${r.admission.patient.firstName} ${r.admission.patient.lastName}` },
    startsAt: r.startsAt.toISOString(),
    endsAt: iso(r.endsAt),
  }));
}

export type OccupancyRow = { wardId: string; ward: string; beds: number; occupiedBedDays: number; availableBedDays: number; occupancyPct: number; admissions: number; discharges: number };

/**
 * Occupancy between two local dates (both included, in the hospital's time zone), from the bed
 * assignment history: bed-days occupied (each assignment's overlap with the range; a live one runs
 * to now), bed-days available (the ward's active beds × the range's days), admissions counted in
 * the ward of their first bed, discharges in the ward of their last.
 */
export async function occupancyReport(prisma: Db, range: { from: string; to: string }): Promise<{ from: string; to: string; days: number; items: OccupancyRow[]; total: OccupancyRow }> {
  const zone = env().HOSPITAL_TIMEZONE;
  const start = DateTime.fromISO(range.from, { zone }).startOf("day");
  const end = DateTime.fromISO(range.to, { zone }).plus({ days: 1 }).startOf("day");
  const days = Math.round(end.diff(start, "days").days);
  const f = start.toJSDate();
  const t = end.toJSDate();
  const now = clock.now();
  const rows = await prisma.$queryRaw<{ wardId: string; ward: string; beds: bigint; occupiedSeconds: number | null; admissions: bigint; discharges: bigint }[]>`
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
    return { wardId: r.wardId, ward: r.ward, beds: Number(r.beds), occupiedBedDays: round(occupied), availableBedDays: available, occupancyPct: pct(occupied, available), admissions: Number(r.admissions), discharges: Number(r.discharges) };
  });
  const sum = (k: "beds" | "occupiedBedDays" | "availableBedDays" | "admissions" | "discharges") => items.reduce((s, i) => s + i[k], 0);
  const total = { wardId: "", ward: "", beds: sum("beds"), occupiedBedDays: round(sum("occupiedBedDays")), availableBedDays: sum("availableBedDays"), occupancyPct: pct(sum("occupiedBedDays"), sum("availableBedDays")), admissions: sum("admissions"), discharges: sum("discharges") };
  return { from: range.from, to: range.to, days, items, total };
}
