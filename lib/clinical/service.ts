import { catalog, localeOf } from "@/lib/i18n";
import { notify, notifyAll } from "@/lib/notifications/service";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError, notFound } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { flagFor, rangeText } from "./measures";
import { isPlausible, plausibleLimits } from "./ranges";
import type { AbnormalFlag } from "@/lib/generated/prisma/enums";
import { news2Alerts, news2For, type News2 } from "./news2";
import type {
  ConsultationContent,
  ConsultationCreate,
  LabAmendmentInput,
  LabOrderInput,
  LabResultInput,
  News2FlagsInput,
  NurseNoteInput,
  VitalsInput,
} from "./schemas";
import { E } from "@/lib/i18n/error-keys";

const m = E.clinical.errors;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The end of a record's edit window, counted from when it was signed or recorded. */
export const lockTime = (from: Date) => new Date(from.getTime() + env().CLINICAL_LOCK_HOURS * 3_600_000);
const locked = () => new AppError("RECORD_LOCKED", m.locked);
const notAuthor = () => new AppError("FORBIDDEN", m.notAuthor);
const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === "P2002";

/** A live patient for a write by staff (the door already checked the role). */
async function writablePatient(prisma: Db | Tx, patientId: string) {
  const p = await prisma.patient.findFirst({ where: { id: patientId, active: true }, select: { id: true } });
  if (!p) throw notFound("patient");
  return p;
}

const contentColumns = (c: ConsultationContent) => ({
  hpi: c.hpi ?? null,
  exam: c.exam ?? null,
  assessment: c.assessment ?? null,
  plan: c.plan ?? null,
  treatment: c.treatment ?? null,
  nextVisitOn: c.nextVisitOn ? new Date(`${c.nextVisitOn}T00:00:00Z`) : null,
});
const diagnosisRows = (consultationId: string, c: ConsultationContent) =>
  c.diagnoses.map((d, position) => ({ consultationId, code: d.code ?? null, description: d.description, position }));

/**
 * A doctor's consultation: from one of their checked-in or completed appointments (at most one per
 * appointment, the unique appointmentId decides a race), or a walk-in for a patient.
 */
export async function createConsultation(
  prisma: Db,
  ctx: Ctx,
  input: ConsultationCreate,
): Promise<{ id: string; patientId: string }> {
  let patientId = input.patientId;
  if (input.appointmentId) {
    const a = await prisma.appointment.findFirst({
      where: { id: input.appointmentId, doctorId: ctx.actor.id },
      select: { patientId: true, status: true },
    });
    if (!a || (patientId && a.patientId !== patientId)) throw notFound("appointment");
    if (a.status !== "COMPLETED" && a.status !== "CHECKED_IN")
      throw new AppError("INVALID_TRANSITION", m.appointmentStatus, { fields: { appointmentId: m.appointmentStatus } });
    patientId = a.patientId;
  }
  await writablePatient(prisma, patientId!);
  const now = clock.now();
  try {
    return await prisma.$transaction(async (tx) => {
      const c = await tx.consultation.create({
        data: {
          patientId: patientId!,
          doctorId: ctx.actor.id,
          appointmentId: input.appointmentId ?? null,
          ...contentColumns(input),
          updatedById: ctx.actor.id,
          createdAt: now,
          updatedAt: now,
        },
        select: { id: true },
      });
      await tx.diagnosis.createMany({ data: diagnosisRows(c.id, input) });
      await audit(tx, ctx, {
        action: "CREATE",
        entity: "Consultation",
        entityId: c.id,
        patientId,
        details: { appointmentId: input.appointmentId ?? null, diagnoses: input.diagnoses.length },
      });
      return { id: c.id, patientId: patientId! };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError("DUPLICATE", m.duplicate, { fields: { appointmentId: m.duplicate } });
    throw err;
  }
}

/**
 * An edit by the author while the record is editable. The lock is part of the UPDATE's WHERE (with
 * the version read), so an edit racing the lock or another edit changes nothing; the previous
 * content goes to ConsultationVersion in the same transaction.
 */
export async function updateConsultation(
  prisma: Db,
  ctx: Ctx,
  id: string,
  input: ConsultationContent,
): Promise<{ id: string; version: number }> {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const prev = await tx.consultation.findUnique({
      where: { id },
      include: { diagnoses: { orderBy: { position: "asc" } } },
    });
    if (!prev) throw notFound("consultation");
    if (prev.doctorId !== ctx.actor.id) throw notAuthor();
    const { count } = await tx.consultation.updateMany({
      where: { id, doctorId: ctx.actor.id, version: prev.version, OR: [{ lockedAt: null }, { lockedAt: { gt: now } }] },
      data: { ...contentColumns(input), version: { increment: 1 }, updatedById: ctx.actor.id, updatedAt: now },
    });
    if (count === 0)
      throw prev.lockedAt && prev.lockedAt <= now ? locked() : new AppError("INVALID_TRANSITION", m.changedMeanwhile);
    await tx.consultationVersion.create({
      data: {
        consultationId: id,
        version: prev.version,
        editedById: prev.updatedById ?? prev.doctorId,
        editedAt: prev.updatedAt,
        content: {
          hpi: prev.hpi,
          exam: prev.exam,
          assessment: prev.assessment,
          plan: prev.plan,
          treatment: prev.treatment,
          nextVisitOn: prev.nextVisitOn ? prev.nextVisitOn.toISOString().slice(0, 10) : null,
          diagnoses: prev.diagnoses.map((d) => ({ code: d.code, description: d.description })),
        },
      },
    });
    await tx.diagnosis.deleteMany({ where: { consultationId: id } });
    await tx.diagnosis.createMany({ data: diagnosisRows(id, input) });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Consultation",
      entityId: id,
      patientId: prev.patientId,
      details: { version: prev.version + 1 },
    });
    return { id, version: prev.version + 1 };
  });
}

/** The author signs: the edit window closes CLINICAL_LOCK_HOURS later. */
export async function signConsultation(
  prisma: Db,
  ctx: Ctx,
  id: string,
): Promise<{ id: string; signedAt: string; lockedAt: string }> {
  const now = clock.now();
  const lockedAt = lockTime(now);
  return prisma.$transaction(async (tx) => {
    const c = await tx.consultation.findUnique({ where: { id }, select: { doctorId: true, patientId: true } });
    if (!c) throw notFound("consultation");
    if (c.doctorId !== ctx.actor.id) throw notAuthor();
    const { count } = await tx.consultation.updateMany({
      where: { id, doctorId: ctx.actor.id, signedAt: null },
      data: { signedAt: now, signedById: ctx.actor.id, lockedAt },
    });
    if (count === 0) throw new AppError("INVALID_TRANSITION", m.alreadySigned);
    await audit(tx, ctx, {
      action: "SIGN",
      entity: "Consultation",
      entityId: id,
      patientId: c.patientId,
      details: { lockedAt: lockedAt.toISOString() },
    });
    return { id, signedAt: now.toISOString(), lockedAt: lockedAt.toISOString() };
  });
}

type AddendumTarget = { consultationId: string } | { vitalSignId: string } | { nurseNoteId: string };

async function writeAddendum(tx: Tx, ctx: Ctx, patientId: string, target: AddendumTarget, text: string) {
  const a = await tx.addendum.create({
    data: { patientId, ...target, authorId: ctx.actor.id, text, createdAt: clock.now() },
    select: { id: true, createdAt: true },
  });
  await audit(tx, ctx, { action: "CREATE", entity: "Addendum", entityId: a.id, patientId, details: target });
  return { id: a.id, createdAt: a.createdAt.toISOString(), text, author: ctx.actor.name };
}

/** A later note on a signed consultation (doctors). */
export async function addConsultationAddendum(prisma: Db, ctx: Ctx, id: string, text: string) {
  if (ctx.actor.role !== "DOCTOR") throw new AppError("FORBIDDEN", E.clinical.errors.notAuthor);
  return prisma.$transaction(async (tx) => {
    const c = await tx.consultation.findUnique({ where: { id }, select: { patientId: true, signedAt: true } });
    if (!c) throw notFound("consultation");
    if (!c.signedAt) throw new AppError("INVALID_TRANSITION", m.notSigned);
    return writeAddendum(tx, ctx, c.patientId, { consultationId: id }, text);
  });
}

const vitalColumns = (v: VitalsInput) => ({
  temperatureC: v.temperatureC ?? null,
  pulse: v.pulse ?? null,
  respiratoryRate: v.respiratoryRate ?? null,
  systolic: v.systolic ?? null,
  diastolic: v.diastolic ?? null,
  spo2: v.spo2 ?? null,
  weightKg: v.weightKg ?? null,
  heightCm: v.heightCm ?? null,
  painScore: v.painScore ?? null,
  consciousness: v.consciousness ?? null,
  supplementalOxygen: v.supplementalOxygen ?? null,
  note: v.note ?? null,
});

type News2Patient = {
  id: string;
  firstName: string;
  lastName: string;
  mrn: string;
  dateOfBirth: Date;
  pregnant: boolean;
  spo2Scale2: boolean;
};
const news2PatientSelect = {
  id: true,
  firstName: true,
  lastName: true,
  mrn: true,
  dateOfBirth: true,
  pregnant: true,
  spo2Scale2: true,
} as const;

/** The stored NEWS2 columns of a set (with the patient's flags as they are at recording). */
function news2Columns(v: VitalsInput, patient: News2Patient, takenAt: Date) {
  const r = news2For(v, patient, takenAt);
  return {
    result: r,
    columns: r.news2
      ? {
          news2Score: r.news2.score,
          news2Band: r.news2.band,
          news2Subscores: r.news2.subscores,
          news2Scale: r.news2.scale,
          news2Reason: null,
        }
      : { news2Score: null, news2Band: null, news2Subscores: Prisma.DbNull, news2Scale: null, news2Reason: r.reason },
  };
}

/**
 * Who hears at once of a NEWS2 of 5 or more or a single parameter at 3: the attending doctor of the
 * patient's current admission, and the nurses of the ward of its current bed. Nurses are not assigned
 * to wards in this schema; they belong to a department (StaffProfile.departmentId) as wards do, so a
 * ward's nurses are the active nurses of the ward's department — and, for a ward without a department,
 * every active nurse (a deteriorating patient must reach someone). A patient who is not admitted has
 * no attending doctor nor ward: nobody is notified (the recording clinician is with them).
 */
async function news2Recipients(tx: Tx, patientId: string) {
  const admission = await tx.admission.findFirst({
    where: { patientId, dischargedAt: null },
    orderBy: { admittedAt: "desc" },
    select: {
      attendingDoctor: { select: { id: true, active: true, language: true } },
      assignments: {
        where: { endsAt: null },
        orderBy: { startsAt: "desc" },
        take: 1,
        select: { bed: { select: { room: { select: { ward: { select: { id: true, departmentId: true } } } } } } },
      },
    },
  });
  if (!admission) return [];
  const recipients = new Map<string, string>();
  if (admission.attendingDoctor.active)
    recipients.set(admission.attendingDoctor.id, admission.attendingDoctor.language);
  const ward = admission.assignments[0]?.bed.room.ward;
  if (ward) {
    const nurses = await tx.user.findMany({
      where: {
        role: "NURSE",
        active: true,
        ...(ward.departmentId ? { staffProfile: { departmentId: ward.departmentId } } : {}),
      },
      select: { id: true, language: true },
    });
    for (const n of nurses) recipients.set(n.id, n.language);
  }
  return [...recipients].map(([id, language]) => ({ id, language }));
}

async function notifyNews2(tx: Tx, patient: News2Patient, n: News2) {
  if (!news2Alerts(n)) return;
  // One statement for every recipient (a department's nurses), each in their own language.
  await notifyAll(
    tx,
    (await news2Recipients(tx, patient.id)).map((r) => {
      const t = catalog(localeOf(r.language)).clinical;
      return {
        userId: r.id,
        title: t.phrases.news2AlertTitle(n.score, t.vitals.news2Bands[n.band]),
        body: t.phrases.news2AlertBody(`${patient.firstName} ${patient.lastName}`, patient.mrn),
        link: `/patients/${patient.id}`,
      };
    }),
  );
}

/** A doctor sets a patient's NEWS2 flags (pregnancy; SpO2 scale 2); later sets are scored with them. */
export async function setNews2Flags(prisma: Db, ctx: Ctx, patientId: string, input: News2FlagsInput) {
  if (!can(ctx.actor.role, "clinical.write")) throw new AppError("FORBIDDEN", m.notAuthor);
  return prisma.$transaction(async (tx) => {
    await writablePatient(tx, patientId);
    const p = await tx.patient.update({
      where: { id: patientId },
      data: input,
      select: { id: true, pregnant: true, spo2Scale2: true },
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Patient",
      entityId: patientId,
      patientId,
      details: { news2Flags: input },
    });
    return p;
  });
}

/** Vitals by a nurse or doctor; editable by their author for the lock window from recording. */
export async function recordVitals(prisma: Db, ctx: Ctx, patientId: string, input: VitalsInput) {
  const now = clock.now();
  if (input.takenAt && input.takenAt.getTime() > now.getTime() + 5 * 60_000)
    throw new AppError("VALIDATION_FAILED", m.notFuture, { fields: { takenAt: m.notFuture } });
  return prisma.$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({ where: { id: patientId, active: true }, select: news2PatientSelect });
    if (!patient) throw notFound("patient");
    const takenAt = input.takenAt ?? now;
    const { result, columns } = news2Columns(input, patient, takenAt);
    const row = await tx.vitalSign.create({
      data: {
        patientId,
        recordedById: ctx.actor.id,
        takenAt,
        ...vitalColumns(input),
        ...columns,
        lockedAt: lockTime(now),
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true, takenAt: true, lockedAt: true },
    });
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "VitalSign",
      entityId: row.id,
      patientId,
      details: result.news2 ? { news2: result.news2.score } : undefined,
    });
    if (result.news2) await notifyNews2(tx, patient, result.news2);
    return {
      id: row.id,
      patientId,
      takenAt: row.takenAt.toISOString(),
      lockedAt: row.lockedAt.toISOString(),
      ...vitalColumns(input),
      news2: result.news2 && {
        score: result.news2.score,
        band: result.news2.band,
        subscores: result.news2.subscores,
        scale: result.news2.scale,
      },
      ...(result.news2 ? {} : { news2Reason: result.reason }),
    };
  });
}

/**
 * Why an author-and-window-guarded UPDATE changed nothing: missing (or another patient's) → 404,
 * someone else's → 403, past its window → 423.
 */
function refusal(
  row: { patientId: string; authorId: string; lockedAt: Date } | null,
  patientId: string,
  ctx: Ctx,
): AppError {
  if (!row || row.patientId !== patientId) return notFound("record");
  if (row.authorId !== ctx.actor.id) return notAuthor();
  return locked();
}

/** Replaces a vitals entry's measurements (PATCH sends the full set), by its author within the window. */
export async function updateVitals(prisma: Db, ctx: Ctx, patientId: string, vitalId: string, input: VitalsInput) {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    // The corrected set is scored again; a correction that newly calls for a response notifies.
    const current = await tx.vitalSign.findFirst({
      where: { id: vitalId, patientId, recordedById: ctx.actor.id, lockedAt: { gt: now } },
      select: { takenAt: true, news2Band: true, patient: { select: news2PatientSelect } },
    });
    const scored = current && news2Columns(input, current.patient, input.takenAt ?? current.takenAt);
    const { count } =
      current && scored
        ? await tx.vitalSign.updateMany({
            where: { id: vitalId, patientId, recordedById: ctx.actor.id, lockedAt: { gt: now } },
            data: {
              ...vitalColumns(input),
              ...scored.columns,
              ...(input.takenAt ? { takenAt: input.takenAt } : {}),
              updatedAt: now,
            },
          })
        : { count: 0 };
    if (count === 0 || !current || !scored) {
      const row = await tx.vitalSign.findUnique({
        where: { id: vitalId },
        select: { patientId: true, recordedById: true, lockedAt: true },
      });
      throw refusal(row && { ...row, authorId: row.recordedById }, patientId, ctx);
    }
    await audit(tx, ctx, { action: "UPDATE", entity: "VitalSign", entityId: vitalId, patientId });
    const n = scored.result.news2;
    if (n && news2Alerts(n) && (current.news2Band === null || current.news2Band === "low"))
      await notifyNews2(tx, current.patient, n);
    return { id: vitalId };
  });
}

export async function createNurseNote(prisma: Db, ctx: Ctx, patientId: string, input: NurseNoteInput) {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    await writablePatient(tx, patientId);
    const row = await tx.nurseNote.create({
      data: { patientId, authorId: ctx.actor.id, ...input, lockedAt: lockTime(now), createdAt: now, updatedAt: now },
      select: { id: true, createdAt: true, lockedAt: true },
    });
    await audit(tx, ctx, { action: "CREATE", entity: "NurseNote", entityId: row.id, patientId });
    return {
      id: row.id,
      patientId,
      ...input,
      createdAt: row.createdAt.toISOString(),
      lockedAt: row.lockedAt.toISOString(),
    };
  });
}

export async function updateNurseNote(prisma: Db, ctx: Ctx, patientId: string, noteId: string, input: NurseNoteInput) {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.nurseNote.updateMany({
      where: { id: noteId, patientId, authorId: ctx.actor.id, lockedAt: { gt: now } },
      data: { ...input, updatedAt: now },
    });
    if (count === 0)
      throw refusal(
        await tx.nurseNote.findUnique({
          where: { id: noteId },
          select: { patientId: true, authorId: true, lockedAt: true },
        }),
        patientId,
        ctx,
      );
    await audit(tx, ctx, { action: "UPDATE", entity: "NurseNote", entityId: noteId, patientId });
    return { id: noteId };
  });
}

/** An addendum on a vitals entry or a nurse note of this patient (nurses and doctors). */
export async function addRecordAddendum(
  prisma: Db,
  ctx: Ctx,
  patientId: string,
  target: { vitalSignId: string } | { nurseNoteId: string },
  text: string,
) {
  return prisma.$transaction(async (tx) => {
    const row =
      "vitalSignId" in target
        ? await tx.vitalSign.findFirst({ where: { id: target.vitalSignId, patientId }, select: { id: true } })
        : await tx.nurseNote.findFirst({ where: { id: target.nurseNoteId, patientId }, select: { id: true } });
    if (!row) throw notFound("record");
    return writeAddendum(tx, ctx, patientId, target, text);
  });
}

/** A doctor orders one or more catalogue tests for a patient (optionally from a consultation). */
export async function orderLabTests(prisma: Db, ctx: Ctx, input: LabOrderInput) {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    await writablePatient(tx, input.patientId);
    const testIds = [...new Set(input.testIds)];
    const tests = await tx.labTest.findMany({
      where: { id: { in: testIds }, active: true },
      select: { id: true, name: true },
    });
    if (tests.length !== testIds.length)
      throw new AppError("VALIDATION_FAILED", m.test, { fields: { testIds: m.test } });
    if (
      input.consultationId &&
      !(await tx.consultation.findFirst({
        where: { id: input.consultationId, patientId: input.patientId },
        select: { id: true },
      }))
    )
      throw notFound("consultation");
    const orders = await tx.labOrder.createManyAndReturn({
      data: testIds.map((testId) => ({
        patientId: input.patientId,
        orderedById: ctx.actor.id,
        consultationId: input.consultationId ?? null,
        testId,
        notes: input.notes ?? null,
        orderedAt: now,
      })),
      select: { id: true, testId: true, status: true, orderedAt: true },
    });
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "LabOrder",
      entityId: orders.map((o) => o.id).join(","),
      patientId: input.patientId,
      details: { tests: tests.map((t) => t.name) },
    });
    return orders.map((o) => ({
      id: o.id,
      testId: o.testId,
      status: o.status,
      orderedAt: o.orderedAt.toISOString(),
      patientId: input.patientId,
    }));
  });
}

type LabNotice = { patientId: string; orderedById: string; testName: string; patientName: string; language: string };

/** An abnormal result notifies the ordering doctor in-app, in their language. */
async function notifyAbnormal(tx: Tx, n: LabNotice, flag: AbnormalFlag) {
  if (flag === "NORMAL") return;
  const t = catalog(localeOf(n.language)).clinical;
  await notify(tx, n.orderedById, {
    title: t.lab.abnormalResult,
    body: t.phrases.resultNotification(n.testName, n.patientName, t.lab.flags[flag]),
    link: `/patients/${n.patientId}`,
  });
}

/** Refuses (400 on `value`) a number outside the test's plausible limits (lib/clinical/ranges.ts). */
function assertPlausible(code: string, value: number | undefined) {
  if (value === undefined || isPlausible(code, value)) return;
  const { min, max } = plausibleLimits(code);
  const message = m.implausible(rangeText(min, max === Number.MAX_VALUE ? null : max));
  throw new AppError("VALIDATION_FAILED", message, { fields: { value: message } });
}

const labResultColumns = {
  id: true,
  value: true,
  valueText: true,
  unit: true,
  refLow: true,
  refHigh: true,
  flag: true,
  resultedAt: true,
  amendsId: true,
  amendReason: true,
} as const;

/**
 * The result of a pending order: unit and range default from the catalogue, the flag from the range
 * (a qualitative result: the flag chosen); a number outside the test's plausible limits is refused.
 * An abnormal result notifies the ordering doctor in-app.
 */
export async function enterLabResult(prisma: Db, ctx: Ctx, orderId: string, input: LabResultInput) {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const order = await tx.labOrder.findUnique({
      where: { id: orderId },
      select: {
        id: true,
        patientId: true,
        orderedById: true,
        status: true,
        test: { select: { code: true, name: true, unit: true, refLow: true, refHigh: true } },
        patient: { select: { firstName: true, lastName: true } },
        orderedBy: { select: { language: true } },
      },
    });
    if (!order) throw notFound("lab order");
    assertPlausible(order.test.code, input.value);
    const { count } = await tx.labOrder.updateMany({
      where: { id: orderId, status: "ORDERED" },
      data: { status: "RESULTED" },
    });
    if (count === 0) throw new AppError("INVALID_TRANSITION", m.alreadyResulted);
    const refLow = input.refLow ?? order.test.refLow;
    const refHigh = input.refHigh ?? order.test.refHigh;
    const flag = flagFor(input.value, { refLow, refHigh }, input.flag);
    const result = await tx.labResult.create({
      data: {
        orderId,
        value: input.value ?? null,
        valueText: input.valueText ?? null,
        unit: input.unit ?? order.test.unit,
        refLow,
        refHigh,
        flag,
        enteredById: ctx.actor.id,
        resultedAt: now,
      },
      select: labResultColumns,
    });
    await notifyAbnormal(
      tx,
      {
        patientId: order.patientId,
        orderedById: order.orderedById,
        testName: order.test.name,
        patientName: `${order.patient.firstName} ${order.patient.lastName}`,
        language: order.orderedBy.language,
      },
      flag,
    );
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "LabResult",
      entityId: result.id,
      patientId: order.patientId,
      details: { orderId, flag },
    });
    return { ...result, orderId, resultedAt: result.resultedAt.toISOString() };
  });
}

/**
 * Corrects a result by a new row amending it: the original stays as it was (its value, who entered
 * it and when); the amendment carries who, when and why, with the original's unit and range and a
 * flag computed again. Only the latest result of an order is corrected: the unique amendsId makes a
 * second correction of the same row (or a race of two) a conflict. Audited as an UPDATE of the
 * original with from → to; an abnormal corrected value notifies the ordering doctor.
 */
export async function amendLabResult(prisma: Db, ctx: Ctx, resultId: string, input: LabAmendmentInput) {
  const now = clock.now();
  try {
    return await prisma.$transaction(async (tx) => {
      const prev = await tx.labResult.findUnique({
        where: { id: resultId },
        select: {
          ...labResultColumns,
          orderId: true,
          amendedBy: { select: { id: true } },
          order: {
            select: {
              patientId: true,
              orderedById: true,
              test: { select: { code: true, name: true } },
              patient: { select: { firstName: true, lastName: true } },
              orderedBy: { select: { language: true } },
            },
          },
        },
      });
      if (!prev) throw notFound("lab result");
      if (prev.amendedBy) throw new AppError("INVALID_TRANSITION", m.alreadyAmended);
      assertPlausible(prev.order.test.code, input.value);
      const flag = flagFor(input.value, prev, input.flag);
      const row = await tx.labResult.create({
        data: {
          orderId: prev.orderId,
          amendsId: prev.id,
          amendReason: input.reason,
          value: input.value ?? null,
          valueText: input.valueText ?? null,
          unit: prev.unit,
          refLow: prev.refLow,
          refHigh: prev.refHigh,
          flag,
          enteredById: ctx.actor.id,
          resultedAt: now,
        },
        select: labResultColumns,
      });
      const o = prev.order;
      await notifyAbnormal(
        tx,
        {
          patientId: o.patientId,
          orderedById: o.orderedById,
          testName: o.test.name,
          patientName: `${o.patient.firstName} ${o.patient.lastName}`,
          language: o.orderedBy.language,
        },
        flag,
      );
      await audit(tx, ctx, {
        action: "UPDATE",
        entity: "LabResult",
        entityId: prev.id,
        patientId: o.patientId,
        details: {
          amendedBy: row.id,
          reason: input.reason,
          changes: {
            value: { from: prev.value ?? prev.valueText, to: row.value ?? row.valueText },
            flag: { from: prev.flag, to: flag },
          },
        },
      });
      return { ...row, orderId: prev.orderId, resultedAt: row.resultedAt.toISOString() };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("INVALID_TRANSITION", m.alreadyAmended);
    throw err;
  }
}

/**
 * A doctor marks a result reviewed (who, when). Once: the UPDATE's WHERE holds "not yet reviewed" and
 * "not superseded by an amendment", so a second review (or one racing a correction) changes nothing
 * and says why.
 */
export async function reviewLabResult(prisma: Db, ctx: Ctx, resultId: string) {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.labResult.updateMany({
      where: { id: resultId, reviewedAt: null, amendedBy: { is: null } },
      data: { reviewedAt: now, reviewedById: ctx.actor.id },
    });
    const row = await tx.labResult.findUnique({
      where: { id: resultId },
      select: {
        id: true,
        reviewedAt: true,
        amendedBy: { select: { id: true } },
        order: { select: { patientId: true } },
      },
    });
    if (!row) throw notFound("lab result");
    if (count === 0) throw new AppError("INVALID_TRANSITION", row.amendedBy ? m.alreadyAmended : m.alreadyReviewed);
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "LabResult",
      entityId: resultId,
      patientId: row.order.patientId,
      details: { reviewed: true },
    });
    return { id: resultId, reviewedAt: now.toISOString(), reviewedBy: { id: ctx.actor.id, name: ctx.actor.name } };
  });
}
