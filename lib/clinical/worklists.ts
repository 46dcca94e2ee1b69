import { DateTime } from "luxon";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditedRead, auditViews } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import type { Ctx } from "@/lib/server/session";
import type { News2Band } from "./news2";
import { vitalFlag, vitalsDue, type FlaggedVital } from "./ranges";

/*
 * The clinicians' home-page worklists. Each is one read of what the page shows, scoped to the actor
 * (a doctor's own orders, drafts and inpatients; a nurse's wards), audited as the house audits list
 * reads: one VIEW row per patient shown, in the read's transaction.
 */

const iso = (d: Date) =>
  DateTime.fromJSDate(d, { zone: env().HOSPITAL_TIMEZONE }).toISO({ suppressMilliseconds: true })!;
const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const patientSelect = { id: true, mrn: true, firstName: true, lastName: true } as const;

/** Abnormal results of the doctor's own orders not yet reviewed (the latest result of each order), oldest first. */
export async function resultsAwaitingReview(prisma: Db, ctx: Ctx, take = 50) {
  const where: Prisma.LabResultWhereInput = {
    flag: { not: "NORMAL" },
    reviewedAt: null,
    amendedBy: { is: null },
    order: { orderedById: ctx.actor.id },
  };
  const rows = await auditedRead(
    prisma,
    (db) =>
      db.labResult.findMany({
        where,
        orderBy: [{ resultedAt: "asc" }, { id: "asc" }],
        take,
        select: {
          id: true,
          value: true,
          valueText: true,
          unit: true,
          refLow: true,
          refHigh: true,
          flag: true,
          resultedAt: true,
          amendsId: true,
          order: { select: { id: true, test: { select: { name: true } }, patient: { select: patientSelect } } },
        },
      }),
    (tx, rows) =>
      auditViews(
        tx,
        ctx,
        { entity: "LabResult", details: { worklist: "awaiting-review" } },
        rows.map((r) => ({ patientId: r.order.patient.id })),
      ),
  );
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order.id,
    test: r.order.test.name,
    value: r.value,
    valueText: r.valueText,
    unit: r.unit,
    refLow: r.refLow,
    refHigh: r.refHigh,
    flag: r.flag,
    amended: r.amendsId !== null,
    resultedAt: iso(r.resultedAt),
    patient: { id: r.order.patient.id, mrn: r.order.patient.mrn, name: name(r.order.patient) },
  }));
}
export type ResultAwaitingReview = Awaited<ReturnType<typeof resultsAwaitingReview>>[number];

/** The doctor's consultations not yet signed, oldest first. */
export async function unsignedDrafts(prisma: Db, ctx: Ctx, take = 20) {
  const rows = await auditedRead(
    prisma,
    (db) =>
      db.consultation.findMany({
        where: { doctorId: ctx.actor.id, signedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take,
        select: { id: true, createdAt: true, assessment: true, patient: { select: patientSelect } },
      }),
    (tx, rows) => auditViews(tx, ctx, { entity: "Consultation", details: { worklist: "drafts" } }, rows),
  );
  return rows.map((c) => ({
    id: c.id,
    createdAt: iso(c.createdAt),
    assessment: c.assessment,
    patient: { id: c.patient.id, mrn: c.patient.mrn, name: name(c.patient) },
  }));
}

const latestVitals = {
  vitalSigns: {
    orderBy: [{ takenAt: "desc" }, { id: "desc" }],
    take: 1,
    select: {
      takenAt: true,
      news2Score: true,
      news2Band: true,
      news2Scale: true,
      pulse: true,
      respiratoryRate: true,
      spo2: true,
      systolic: true,
      temperatureC: true,
      supplementalOxygen: true,
    },
  },
} as const satisfies Prisma.PatientSelect;
type Latest = Prisma.PatientGetPayload<{ select: typeof latestVitals }>["vitalSigns"][number];
const news2Of = (v: Latest | undefined) =>
  v && v.news2Score !== null && v.news2Band ? { score: v.news2Score, band: v.news2Band as News2Band } : null;

/** Which of the latest set's vitals lie outside the adult normal range (ranges.ts). */
function abnormalVitals(v: Latest | undefined): { field: FlaggedVital; flag: "LOW" | "HIGH" }[] {
  if (!v) return [];
  const fields: FlaggedVital[] = ["respiratoryRate", "spo2", "systolic", "pulse", "temperatureC"];
  return fields.flatMap((field) => {
    const flag = vitalFlag(field, v[field], { scale2: v.news2Scale === 2, onOxygen: v.supplementalOxygen });
    return flag ? [{ field, flag }] : [];
  });
}

/** The doctor's inpatients (current admissions under their care), with bed and latest NEWS2, highest score first. */
export async function myInpatients(prisma: Db, ctx: Ctx) {
  const rows = await auditedRead(
    prisma,
    (db) =>
      db.admission.findMany({
        where: { attendingDoctorId: ctx.actor.id, dischargedAt: null },
        orderBy: [{ admittedAt: "asc" }, { id: "asc" }],
        take: 100,
        select: {
          id: true,
          admittedAt: true,
          patient: { select: { ...patientSelect, ...latestVitals } },
          assignments: {
            where: { endsAt: null },
            take: 1,
            select: {
              bed: { select: { label: true, room: { select: { name: true, ward: { select: { name: true } } } } } },
            },
          },
        },
      }),
    (tx, rows) => auditViews(tx, ctx, { entity: "Admission", details: { worklist: "inpatients" } }, rows),
  );
  return rows
    .map((a) => {
      const v = a.patient.vitalSigns[0];
      const bed = a.assignments[0]?.bed;
      return {
        admissionId: a.id,
        admittedAt: iso(a.admittedAt),
        patient: { id: a.patient.id, mrn: a.patient.mrn, name: name(a.patient) },
        bed: bed ? { ward: bed.room.ward.name, room: bed.room.name, label: bed.label } : null,
        news2: news2Of(v),
        lastVitalsAt: v ? iso(v.takenAt) : null,
        abnormal: abnormalVitals(v),
      };
    })
    .sort((x, y) => (y.news2?.score ?? -1) - (x.news2?.score ?? -1));
}
export type Inpatient = Awaited<ReturnType<typeof myInpatients>>[number];

/**
 * A nurse's wards. Nurses are not assigned to wards in this schema: they belong to a department
 * (StaffProfile.departmentId), as wards do. A nurse's wards are the active wards of her department
 * and the wards without a department — the same rule that decides which nurses hear of a NEWS2
 * alert on a ward (clinical/service.ts, news2Recipients), so the list and the alerts agree.
 */
export async function nurseWardScope(prisma: Db, ctx: Ctx): Promise<Prisma.WardWhereInput> {
  const profile = await prisma.staffProfile.findUnique({
    where: { userId: ctx.actor.id },
    select: { departmentId: true },
  });
  return {
    active: true,
    OR: [{ departmentId: null }, ...(profile?.departmentId ? [{ departmentId: profile.departmentId }] : [])],
  };
}

/**
 * The nurse's ward list: every active bed of her wards in ward, room and bed order, the patient in it
 * with the latest NEWS2, the last vitals time and when the next are due (the ward's frequency,
 * shortened as NEWS2 rises: ranges.ts), plus the beds waiting to be cleaned.
 */
export async function nurseWorklist(prisma: Db, ctx: Ctx) {
  const now = clock.now();
  const wardWhere = await nurseWardScope(prisma, ctx);
  const wards = await auditedRead(
    prisma,
    (db) =>
      db.ward.findMany({
        where: wardWhere,
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          observationHours: true,
          rooms: {
            where: { active: true },
            orderBy: { name: "asc" },
            select: {
              name: true,
              beds: {
                where: { active: true },
                orderBy: { label: "asc" },
                select: {
                  id: true,
                  label: true,
                  state: true,
                  stateChangedAt: true,
                  assignments: {
                    where: { endsAt: null },
                    take: 1,
                    select: {
                      admission: {
                        select: {
                          id: true,
                          attendingDoctor: { select: { name: true } },
                          patient: { select: { ...patientSelect, ...latestVitals } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    (tx, wards) =>
      auditViews(
        tx,
        ctx,
        { entity: "VitalSign", details: { worklist: "ward" } },
        wards.flatMap((w) =>
          w.rooms.flatMap((r) =>
            r.beds.flatMap((b) => b.assignments.map((a) => ({ patientId: a.admission.patient.id }))),
          ),
        ),
      ),
  );
  return wards.map((w) => {
    const beds = w.rooms.flatMap((r) => r.beds.map((b) => ({ room: r.name, ...b })));
    return {
      id: w.id,
      name: w.name,
      observationHours: w.observationHours,
      patients: beds.flatMap((b) => {
        const a = b.assignments[0]?.admission;
        if (!a) return [];
        const v = a.patient.vitalSigns[0];
        const news2 = news2Of(v);
        const due = vitalsDue(v?.takenAt ?? null, w.observationHours, news2, now);
        return [
          {
            bedId: b.id,
            room: b.room,
            bed: b.label,
            admissionId: a.id,
            doctor: a.attendingDoctor.name,
            patient: { id: a.patient.id, mrn: a.patient.mrn, name: name(a.patient) },
            news2,
            lastVitalsAt: v ? iso(v.takenAt) : null,
            abnormal: abnormalVitals(v),
            due: { state: due.state, at: due.at ? iso(due.at) : null },
          },
        ];
      }),
      toClean: beds
        .filter((b) => b.state === "CLEANING")
        .map((b) => ({ bedId: b.id, room: b.room, bed: b.label, since: iso(b.stateChangedAt) })),
    };
  });
}
export type NurseWard = Awaited<ReturnType<typeof nurseWorklist>>[number];
