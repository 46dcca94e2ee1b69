import type { Prisma } from "@/lib/generated/prisma/client";
import { catalog, localeOf } from "@/lib/i18n";
import { deliverEmail, queueEmail } from "@/lib/notifications/mail";
import { notify } from "@/lib/notifications/service";
import { confirmTriage } from "@/lib/triage/service";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { appUrl } from "@/lib/server/env";
import { AppError, notFound } from "@/lib/server/errors";
import { retryingConflicts } from "@/lib/server/errors-map";
import type { Ctx } from "@/lib/server/session";
import type { AdmitInput, BedInput, BedPatch, RoomInput, RoomPatch, WardInput, WardPatch } from "./schemas";
import { E } from "@/lib/i18n/error-keys";
import type { Msg } from "@/lib/i18n/message";

const m = E.wards.errors;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The constraint a failed write hit, read from the driver's error (PostgreSQL names it). */
function violated(err: unknown): string | null {
  const text = `${(err as Error)?.message ?? ""} ${JSON.stringify((err as { meta?: unknown })?.meta ?? {})} ${JSON.stringify((err as { cause?: unknown })?.cause ?? {})}`;
  for (const name of [
    "BedAssignment_bed_no_overlap",
    "Admission_patient_no_overlap",
    "BedAssignment_admission_no_overlap",
    "Ward_name_key",
    "Room_wardId_name_key",
    "Bed_roomId_label_key",
  ]) {
    if (text.includes(name)) return name;
  }
  if ((err as { code?: string })?.code === "P2002") return "unique";
  return null;
}

/** PostgreSQL's verdict on a write, as the API's errors: overlaps are 409 BED_OCCUPIED, duplicates 409 DUPLICATE. */
function mapWriteError(err: unknown, duplicate?: { field: string; message: Msg }): never {
  const name = violated(err);
  if (name === "BedAssignment_bed_no_overlap")
    throw new AppError("BED_OCCUPIED", m.bedTaken, { fields: { bedId: m.bedTaken } });
  if (name === "Admission_patient_no_overlap")
    throw new AppError("BED_OCCUPIED", m.patientAdmitted, { fields: { patientId: m.patientAdmitted } });
  if (name === "BedAssignment_admission_no_overlap") throw new AppError("INVALID_TRANSITION", m.alreadyDischarged);
  if (name && duplicate)
    throw new AppError("DUPLICATE", duplicate.message, { fields: { [duplicate.field]: duplicate.message } });
  throw err;
}

async function guarded<T>(run: () => Promise<T>, duplicate?: { field: string; message: Msg }): Promise<T> {
  try {
    // Racing admissions to one bed can deadlock on the exclusion constraints: run again, then map.
    return await retryingConflicts(run);
  } catch (err) {
    if (err instanceof AppError) throw err;
    return mapWriteError(err, duplicate);
  }
}

// ——— Wards, rooms, beds (admins) ———

export async function createWard(prisma: Db, ctx: Ctx, input: WardInput) {
  return guarded(
    () =>
      prisma.$transaction(async (tx) => {
        const ward = await tx.ward.create({
          data: {
            name: input.name,
            type: input.type,
            departmentId: input.departmentId,
            bedDayRate: input.bedDayRate ?? null,
            ...(input.observationHours ? { observationHours: input.observationHours } : {}),
          },
        });
        await audit(tx, ctx, {
          action: "CREATE",
          entity: "Ward",
          entityId: ward.id,
          details: { name: ward.name, type: ward.type },
        });
        return ward;
      }),
    { field: "name", message: m.duplicateWard },
  );
}

export async function updateWard(prisma: Db, ctx: Ctx, id: string, patch: WardPatch) {
  return guarded(
    () =>
      prisma.$transaction(async (tx) => {
        if (!(await tx.ward.findUnique({ where: { id }, select: { id: true } }))) throw notFound("ward");
        const ward = await tx.ward.update({ where: { id }, data: patch });
        await audit(tx, ctx, {
          action: "UPDATE",
          entity: "Ward",
          entityId: id,
          details: patch as Prisma.InputJsonValue,
        });
        return ward;
      }),
    { field: "name", message: m.duplicateWard },
  );
}

export async function createRoom(prisma: Db, ctx: Ctx, input: RoomInput) {
  return guarded(
    () =>
      prisma.$transaction(async (tx) => {
        if (!(await tx.ward.findUnique({ where: { id: input.wardId }, select: { id: true } })))
          throw new AppError("VALIDATION_FAILED", m.ward, { fields: { wardId: m.ward } });
        const room = await tx.room.create({ data: input });
        await audit(tx, ctx, {
          action: "CREATE",
          entity: "Room",
          entityId: room.id,
          details: { wardId: room.wardId, name: room.name },
        });
        return room;
      }),
    { field: "name", message: m.duplicateRoom },
  );
}

export async function updateRoom(prisma: Db, ctx: Ctx, id: string, patch: RoomPatch) {
  return guarded(
    () =>
      prisma.$transaction(async (tx) => {
        if (!(await tx.room.findUnique({ where: { id }, select: { id: true } }))) throw notFound("room");
        const room = await tx.room.update({ where: { id }, data: patch });
        await audit(tx, ctx, {
          action: "UPDATE",
          entity: "Room",
          entityId: id,
          details: patch as Prisma.InputJsonValue,
        });
        return room;
      }),
    { field: "name", message: m.duplicateRoom },
  );
}

export async function createBed(prisma: Db, ctx: Ctx, input: BedInput) {
  return guarded(
    () =>
      prisma.$transaction(async (tx) => {
        if (!(await tx.room.findUnique({ where: { id: input.roomId }, select: { id: true } })))
          throw new AppError("VALIDATION_FAILED", m.room, { fields: { roomId: m.room } });
        const bed = await tx.bed.create({ data: input });
        await audit(tx, ctx, {
          action: "CREATE",
          entity: "Bed",
          entityId: bed.id,
          details: { roomId: bed.roomId, label: bed.label },
        });
        return bed;
      }),
    { field: "label", message: m.duplicateBed },
  );
}

/**
 * Label and active flag (ward.manage), or a hand state change (bed.state): a CLEANING bed is marked
 * clean (FREE), a FREE or CLEANING bed goes OUT_OF_SERVICE, an OUT_OF_SERVICE bed comes back (FREE).
 * OCCUPIED is set and left only by admission, transfer and discharge. The update is conditional on
 * the state read, so a bed taken meanwhile is not overwritten.
 */
export async function updateBed(prisma: Db, ctx: Ctx, id: string, patch: BedPatch) {
  return guarded(
    () =>
      prisma.$transaction(async (tx) => {
        const bed = await tx.bed.findUnique({ where: { id }, select: { id: true, state: true, active: true } });
        if (!bed) throw notFound("bed");
        const data: Prisma.BedUpdateManyMutationInput = {};
        if (patch.label !== undefined) data.label = patch.label;
        if (patch.active !== undefined) {
          if (!patch.active && bed.state === "OCCUPIED") throw new AppError("INVALID_TRANSITION", m.bedOccupiedState);
          data.active = patch.active;
        }
        if (patch.state !== undefined && patch.state !== bed.state) {
          if (bed.state === "OCCUPIED")
            throw new AppError("INVALID_TRANSITION", m.bedOccupiedState, { fields: { state: m.bedOccupiedState } });
          data.state = patch.state;
          data.stateChangedAt = clock.now();
        }
        const { count } = await tx.bed.updateMany({ where: { id, state: bed.state }, data });
        if (count === 0) throw new AppError("INVALID_TRANSITION", m.bedOccupiedState);
        await audit(tx, ctx, {
          action: "UPDATE",
          entity: "Bed",
          entityId: id,
          details: { ...patch, fromState: bed.state } as Prisma.InputJsonValue,
        });
        return tx.bed.findUniqueOrThrow({ where: { id } });
      }),
    { field: "label", message: m.duplicateBed },
  );
}

// ——— Admissions ———

/**
 * Takes a FREE, active bed in an active room of an active ward for a patient: the conditional UPDATE
 * decides between concurrent takers.
 */
async function takeBed(tx: Tx, bedId: string, now: Date): Promise<void> {
  const count = await tx.$executeRaw`
    UPDATE "Bed" b SET state = 'OCCUPIED', "stateChangedAt" = ${now}::timestamp
    FROM "Room" r JOIN "Ward" w ON w.id = r."wardId"
    WHERE b.id = ${bedId} AND r.id = b."roomId" AND b.state = 'FREE' AND b.active AND r.active AND w.active`;
  if (count === 1) return;
  const bed = await tx.bed.findUnique({
    where: { id: bedId },
    select: { state: true, active: true, room: { select: { active: true, ward: { select: { active: true } } } } },
  });
  if (!bed) throw new AppError("VALIDATION_FAILED", m.bed, { fields: { bedId: m.bed } });
  if (bed.state === "OCCUPIED") throw new AppError("BED_OCCUPIED", m.bedTaken, { fields: { bedId: m.bedTaken } });
  if (!bed.active || !bed.room.active || !bed.room.ward.active)
    throw new AppError("BED_OCCUPIED", m.bedInactive, { fields: { bedId: m.bedInactive } });
  throw new AppError("BED_OCCUPIED", m.bedUnavailable, { fields: { bedId: m.bedUnavailable } });
}

/** Where a bed is, for messages: "General Medicine · Room 2 · Bed B". */
async function bedPlace(tx: Tx, bedId: string): Promise<string> {
  const bed = await tx.bed.findUniqueOrThrow({
    where: { id: bedId },
    select: { label: true, room: { select: { name: true, ward: { select: { name: true } } } } },
  });
  return `${bed.room.ward.name} · ${bed.room.name} · ${bed.label}`;
}

type DoctorNote = {
  kind: "assigned" | "discharged";
  admissionId: string;
  doctor: { id: string; name: string; email: string; language: string };
  patient: { name: string; mrn: string };
  place: string;
  reason: string;
};

/** Tells the attending doctor, in-app and by email (queued in the transaction; delivered after commit). */
async function tellDoctor(tx: Tx, n: DoctorNote): Promise<string> {
  const t = catalog(localeOf(n.doctor.language)).wards.notify;
  const url = `${appUrl()}/admissions/${n.admissionId}`;
  await notify(tx, n.doctor.id, {
    title: n.kind === "assigned" ? t.assignedTitle : t.dischargedTitle,
    body: `${n.patient.name} (${n.patient.mrn}) · ${n.place}`,
    link: `/admissions/${n.admissionId}`,
  });
  return queueEmail(tx, {
    to: n.doctor.email,
    locale: localeOf(n.doctor.language),
    template: "inpatient",
    data: {
      kind: n.kind,
      doctorName: n.doctor.name,
      patientName: n.patient.name,
      mrn: n.patient.mrn,
      place: n.place,
      reason: n.reason,
      url,
    },
  });
}

const patientName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Admits a patient to a free bed; `409 BED_OCCUPIED` when the bed or the patient is taken, whatever the concurrency. */
export async function admitPatient(prisma: Db, ctx: Ctx, input: AdmitInput): Promise<{ id: string }> {
  const [patient, doctor] = await Promise.all([
    prisma.patient.findFirst({
      where: { id: input.patientId, active: true },
      select: { id: true, mrn: true, firstName: true, lastName: true },
    }),
    prisma.user.findFirst({
      where: { id: input.attendingDoctorId, role: "DOCTOR", active: true },
      select: { id: true, name: true, email: true, language: true },
    }),
  ]);
  if (!patient) throw new AppError("VALIDATION_FAILED", m.patient, { fields: { patientId: m.patient } });
  if (!doctor) throw new AppError("VALIDATION_FAILED", m.doctor, { fields: { attendingDoctorId: m.doctor } });
  if (
    input.departmentId &&
    !(await prisma.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))
  ) {
    throw new AppError("VALIDATION_FAILED", m.department, { fields: { departmentId: m.department } });
  }
  if (input.triageId) {
    const triage = await prisma.triage.findUnique({
      where: { id: input.triageId },
      select: { patientId: true, admission: { select: { id: true } } },
    });
    if (!triage || triage.admission || (triage.patientId && triage.patientId !== patient.id))
      throw new AppError("VALIDATION_FAILED", m.triage, { fields: { triageId: m.triage } });
  }
  const now = clock.now();
  const { id, emailId } = await guarded(() =>
    prisma.$transaction(async (tx) => {
      await takeBed(tx, input.bedId, now);
      const admission = await tx.admission.create({
        data: {
          patientId: patient.id,
          attendingDoctorId: doctor.id,
          departmentId: input.departmentId,
          reason: input.reason,
          plannedStayDays: input.plannedStayDays,
          triageId: input.triageId,
          admittedAt: now,
          admittedById: ctx.actor.id,
        },
        select: { id: true },
      });
      await tx.bedAssignment.create({
        data: { admissionId: admission.id, bedId: input.bedId, startsAt: now, createdById: ctx.actor.id },
      });
      // The staff member's confirmed department is recorded on the triage that suggested it.
      if (input.triageId && input.departmentId)
        await confirmTriage(tx, ctx, {
          triageId: input.triageId,
          departmentId: input.departmentId,
          patientId: patient.id,
        });
      const place = await bedPlace(tx, input.bedId);
      await audit(tx, ctx, {
        action: "CREATE",
        entity: "Admission",
        entityId: admission.id,
        patientId: patient.id,
        details: { bedId: input.bedId, attendingDoctorId: doctor.id, departmentId: input.departmentId },
      });
      const emailId = await tellDoctor(tx, {
        kind: "assigned",
        admissionId: admission.id,
        doctor,
        patient: { name: patientName(patient), mrn: patient.mrn },
        place,
        reason: input.reason,
      });
      return { id: admission.id, emailId };
    }),
  );
  await deliverEmail(prisma, emailId);
  return { id };
}

/** The live admission with its current assignment, locked for this transaction. */
async function liveAdmission(tx: Tx, admissionId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Admission" WHERE id = ${admissionId} FOR UPDATE`;
  if (!row) throw notFound("admission");
  const a = await tx.admission.findUniqueOrThrow({
    where: { id: admissionId },
    select: {
      id: true,
      reason: true,
      dischargedAt: true,
      patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
      attendingDoctor: { select: { id: true, name: true, email: true, language: true } },
      assignments: { where: { endsAt: null }, select: { id: true, bedId: true } },
    },
  });
  if (a.dischargedAt || a.assignments.length === 0) throw new AppError("INVALID_TRANSITION", m.alreadyDischarged);
  return { ...a, current: a.assignments[0] };
}

/** Ends the current assignment and sends its bed to CLEANING. */
async function leaveBed(tx: Tx, assignmentId: string, bedId: string, now: Date) {
  await tx.bedAssignment.update({ where: { id: assignmentId }, data: { endsAt: now } });
  await tx.bed.update({ where: { id: bedId }, data: { state: "CLEANING", stateChangedAt: now } });
}

/** Moves a live admission to another free bed; the old bed goes to CLEANING in the same transaction. */
export async function transferPatient(prisma: Db, ctx: Ctx, admissionId: string, bedId: string): Promise<void> {
  const now = clock.now();
  await guarded(() =>
    prisma.$transaction(async (tx) => {
      const a = await liveAdmission(tx, admissionId);
      if (a.current.bedId === bedId)
        throw new AppError("VALIDATION_FAILED", m.sameBed, { fields: { bedId: m.sameBed } });
      await takeBed(tx, bedId, now);
      await leaveBed(tx, a.current.id, a.current.bedId, now);
      await tx.bedAssignment.create({ data: { admissionId, bedId, startsAt: now, createdById: ctx.actor.id } });
      await audit(tx, ctx, {
        action: "UPDATE",
        entity: "Admission",
        entityId: admissionId,
        patientId: a.patient.id,
        details: { transfer: { fromBedId: a.current.bedId, toBedId: bedId } },
      });
    }),
  );
}

/** Discharges a live admission with a summary; the bed goes to CLEANING and the doctor is told. */
export async function dischargePatient(prisma: Db, ctx: Ctx, admissionId: string, summary: string): Promise<void> {
  const now = clock.now();
  const emailId = await guarded(() =>
    prisma.$transaction(async (tx) => {
      const a = await liveAdmission(tx, admissionId);
      const place = await bedPlace(tx, a.current.bedId);
      await leaveBed(tx, a.current.id, a.current.bedId, now);
      await tx.admission.update({
        where: { id: admissionId },
        data: { dischargedAt: now, dischargedById: ctx.actor.id, dischargeSummary: summary },
      });
      await audit(tx, ctx, {
        action: "UPDATE",
        entity: "Admission",
        entityId: admissionId,
        patientId: a.patient.id,
        details: { discharged: true, bedId: a.current.bedId },
      });
      return tellDoctor(tx, {
        kind: "discharged",
        admissionId,
        doctor: a.attendingDoctor,
        patient: { name: patientName(a.patient), mrn: a.patient.mrn },
        place,
        reason: a.reason,
      });
    }),
  );
  await deliverEmail(prisma, emailId);
}
