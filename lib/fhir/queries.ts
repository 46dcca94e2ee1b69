import type * as R4 from "fhir/r4";
import { Prisma } from "@/lib/generated/prisma/client";
import { chartOf, type ChartAccess } from "@/lib/patients/chart";
import { patientScope } from "@/lib/patients/scope";
import { effectiveStatus } from "@/lib/prescriptions/status";
import { prescriptionScope } from "@/lib/prescriptions/queries";
import { appointmentScope } from "@/lib/scheduling/queries";
import { documentScope } from "@/lib/documents/queries";
import { toDbCategory } from "@/lib/documents/schemas";
import { clock } from "@/lib/server/clock";
import { appUrl, env } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import {
  admissionEncounter,
  consultationEncounter,
  type DocumentCategoryCode,
  diagnosisCondition,
  labObservation,
  problemCondition,
  toAllergy,
  toAppointment,
  toMedicationRequest,
  toDocumentReference,
  toPatient,
  toPractitioner,
  VITAL_KEYS,
  VITALS,
  vitalKeysOf,
  vitalObservation,
  type VitalKey,
} from "./mappers";

// Reads behind the FHIR API: each selects only what its mapper reads, each is scoped to what the
// actor may see (patients: their own record; consultations once signed; doctors: their own
// appointments), and every list is a Source that counts and pages.

export type Source = { count: () => Promise<number>; page: (skip: number, take: number) => Promise<R4.FhirResource[]> };

/** One page across sources read one after the other (the Patient, then its encounters, …). */
export async function pageSources(
  sources: Source[],
  skip: number,
  take: number,
): Promise<{ total: number; resources: R4.FhirResource[] }> {
  const counts = await Promise.all(sources.map((s) => s.count()));
  const resources: R4.FhirResource[] = [];
  let start = 0;
  for (const [i, source] of sources.entries()) {
    const end = start + counts[i];
    const from = Math.max(skip + resources.length, start);
    const want = take - resources.length;
    if (want <= 0) break;
    if (from < end) resources.push(...(await source.page(from - start, Math.min(want, end - from))));
    start = end;
  }
  return { total: counts.reduce((a, b) => a + b, 0), resources };
}

const isPatient = (ctx: Ctx) => ctx.actor.role === "PATIENT";
/** Rows about a patient the actor may see: a patient only rows about themselves. */
const ownRows = (ctx: Ctx) => (isPatient(ctx) ? { patient: { userId: ctx.actor.id } } : {});
const consultationScope = (ctx: Ctx): Prisma.ConsultationWhereInput =>
  isPatient(ctx) ? { signedAt: { not: null }, patient: { userId: ctx.actor.id } } : {};

export const PRACTITIONER_ROLES = ["DOCTOR", "NURSE", "PHARMACIST"] as const;

const SELECT = {
  patient: {
    id: true,
    mrn: true,
    firstName: true,
    lastName: true,
    dateOfBirth: true,
    sex: true,
    nationalId: true,
    phone: true,
    email: true,
    address: true,
    active: true,
    updatedAt: true,
    mergedIntoId: true,
    mergedFrom: { select: { id: true }, orderBy: { id: "asc" } },
  },
  practitioner: {
    id: true,
    name: true,
    role: true,
    active: true,
    staffProfile: { select: { specialty: true, qualification: true } },
  },
  consultation: {
    id: true,
    patientId: true,
    doctorId: true,
    appointmentId: true,
    createdAt: true,
    updatedAt: true,
    signedAt: true,
    doctor: { select: { name: true, staffProfile: { select: { department: { select: { name: true } } } } } },
    appointment: { select: { startsAt: true } },
    diagnoses: { select: { id: true, position: true }, orderBy: { position: "asc" } },
  },
  admission: {
    id: true,
    patientId: true,
    attendingDoctorId: true,
    admittedAt: true,
    dischargedAt: true,
    reason: true,
    updatedAt: true,
    attendingDoctor: { select: { name: true } },
    department: { select: { name: true } },
  },
  diagnosis: {
    id: true,
    code: true,
    description: true,
    consultation: {
      select: {
        id: true,
        patientId: true,
        doctorId: true,
        createdAt: true,
        signedAt: true,
        doctor: { select: { name: true } },
      },
    },
  },
  problem: { id: true, patientId: true, text: true, code: true, createdAt: true },
  allergy: {
    id: true,
    patientId: true,
    substance: true,
    drugClass: true,
    reaction: true,
    severity: true,
    createdAt: true,
  },
  vital: {
    id: true,
    patientId: true,
    recordedById: true,
    takenAt: true,
    createdAt: true,
    temperatureC: true,
    pulse: true,
    respiratoryRate: true,
    systolic: true,
    diastolic: true,
    spo2: true,
    weightKg: true,
    heightCm: true,
    painScore: true,
    consciousness: true,
    supplementalOxygen: true,
    news2Score: true,
    news2Subscores: true,
    news2Scale: true,
  },
  lab: {
    id: true,
    value: true,
    valueText: true,
    unit: true,
    refLow: true,
    refHigh: true,
    flag: true,
    enteredById: true,
    resultedAt: true,
    amendsId: true,
    amendReason: true,
    order: {
      select: {
        patientId: true,
        consultationId: true,
        test: { select: { code: true, loinc: true, name: true, unit: true } },
      },
    },
  },
  line: {
    id: true,
    dose: true,
    route: true,
    frequency: true,
    durationDays: true,
    quantity: true,
    dispensedQuantity: true,
    instructions: true,
    drug: { select: { genericName: true, brandName: true, form: true, strength: true } },
    prescription: {
      select: {
        id: true,
        patientId: true,
        prescriberId: true,
        consultationId: true,
        status: true,
        issuedAt: true,
        expiresAt: true,
        prescriber: { select: { name: true } },
        findings: true,
        overrideReason: true,
        overrideAcknowledgedAt: true,
        overrideAcknowledgedBy: { select: { id: true, name: true } },
      },
    },
  },
  document: {
    id: true,
    patientId: true,
    consultationId: true,
    admissionId: true,
    title: true,
    category: true,
    documentDate: true,
    consentSignedOn: true,
    contentType: true,
    byteSize: true,
    createdAt: true,
  },
  appointment: {
    id: true,
    patientId: true,
    doctorId: true,
    startsAt: true,
    endsAt: true,
    status: true,
    reason: true,
    cancelReason: true,
    createdAt: true,
    doctor: { select: { name: true } },
    patient: { select: { firstName: true, lastName: true } },
  },
} as const satisfies {
  patient: Prisma.PatientSelect;
  practitioner: Prisma.UserSelect;
  consultation: Prisma.ConsultationSelect;
  admission: Prisma.AdmissionSelect;
  diagnosis: Prisma.DiagnosisSelect;
  problem: Prisma.ConditionSelect;
  allergy: Prisma.AllergySelect;
  vital: Prisma.VitalSignSelect;
  lab: Prisma.LabResultSelect;
  line: Prisma.PrescriptionItemSelect;
  appointment: Prisma.AppointmentSelect;
  document: Prisma.DocumentSelect;
};

/** The attachment's URL is the REST content route at the app's public URL (each view audited there). */
const documentReference = (d: Prisma.DocumentGetPayload<{ select: typeof SELECT.document }>) =>
  toDocumentReference(d, appUrl());

type LineRow = Prisma.PrescriptionItemGetPayload<{ select: typeof SELECT.line }>;
const medicationRequest = (l: LineRow) => toMedicationRequest(l, effectiveStatus(l.prescription, clock.now()));

// --- Patient and Practitioner ---------------------------------------------------------------

/** The national id's identifier system (NATIONAL_ID_SYSTEM). */
export const nationalIdSystem = () => env().NATIONAL_ID_SYSTEM;
export const patientResource = (p: Prisma.PatientGetPayload<{ select: typeof SELECT.patient }>) =>
  toPatient(p, nationalIdSystem());

/** The patient if the actor may see them (a patient: only themself), else null. */
export async function visiblePatient(prisma: Db, ctx: Ctx, id: string): Promise<R4.Patient | null> {
  const p = await prisma.patient.findFirst({ where: { id, ...patientScope(ctx.actor) }, select: SELECT.patient });
  return p ? patientResource(p) : null;
}

/** `identifier`: by MRN (`system` "mrn"), by national id ("national"), or either (no system given). */
export type PatientSearch = {
  ids?: string[];
  name?: string[];
  identifier?: { value: string; system: "mrn" | "national" | null };
};

/** Patients by `_id`, name words (each a prefix of the first or last name) and identifier (MRN or national id). */
export function patientSource(prisma: Db, ctx: Ctx, q: PatientSearch): Source {
  const where: Prisma.PatientWhereInput = {
    AND: [
      patientScope(ctx.actor),
      ...(q.ids ? [{ id: { in: q.ids } }] : []),
      ...(q.name ?? []).map((w) => ({
        OR: [
          { firstName: { startsWith: w, mode: "insensitive" as const } },
          { lastName: { startsWith: w, mode: "insensitive" as const } },
        ],
      })),
      ...(q.identifier
        ? [
            q.identifier.system === "mrn"
              ? { mrn: q.identifier.value }
              : q.identifier.system === "national"
                ? { nationalId: q.identifier.value }
                : { OR: [{ mrn: q.identifier.value }, { nationalId: q.identifier.value }] },
          ]
        : []),
    ],
  };
  return {
    count: () => prisma.patient.count({ where }),
    page: async (skip, take) =>
      (
        await prisma.patient.findMany({
          where,
          select: SELECT.patient,
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
          skip,
          take,
        })
      ).map(patientResource),
  };
}

/**
 * Which practitioners an actor may see: active ones only, unless the actor manages staff accounts
 * (an admin, who also sees deactivated ones). What a Practitioner carries is public in any case:
 * name, active flag, qualification and specialty (SELECT.practitioner) — never email or phone.
 */
const practitionerScope = (ctx: Ctx): Prisma.UserWhereInput => ({
  role: { in: [...PRACTITIONER_ROLES] },
  ...(can(ctx.actor.role, "staff.manage") ? {} : { active: true }),
});

export async function practitioner(prisma: Db, ctx: Ctx, id: string): Promise<R4.Practitioner | null> {
  const u = await prisma.user.findFirst({ where: { id, ...practitionerScope(ctx) }, select: SELECT.practitioner });
  return u ? toPractitioner(u) : null;
}

export function practitionerSource(prisma: Db, ctx: Ctx, q: { ids: string[]; name?: string }): Source {
  const where: Prisma.UserWhereInput = {
    ...practitionerScope(ctx),
    ...(q.ids.length ? { id: { in: q.ids } } : {}),
    ...(q.name ? { name: { contains: q.name, mode: "insensitive" } } : {}),
  };
  return {
    count: () => prisma.user.count({ where }),
    page: async (skip, take) =>
      (
        await prisma.user.findMany({
          where,
          select: SELECT.practitioner,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          skip,
          take,
        })
      ).map(toPractitioner),
  };
}

// --- One resource by id ---------------------------------------------------------------------

type Found = { resource: R4.FhirResource; patientId: string } | null;
const found = <R extends R4.FhirResource>(resource: R | null, patientId: (r: R) => string): Found =>
  resource ? { resource, patientId: patientId(resource) } : null;
const subjectOf = (r: { subject?: R4.Reference }) => r.subject!.reference!.slice("Patient/".length);
const VITAL_ID = new RegExp(`^(.+)-(${VITAL_KEYS.join("|")})$`);

/** A clinical resource by type and id, within the actor's scope, with the patient it is about. */
export async function readClinical(prisma: Db, ctx: Ctx, type: ClinicalType, id: string): Promise<Found> {
  switch (type) {
    case "Encounter": {
      const c = await prisma.consultation.findFirst({
        where: { id, ...consultationScope(ctx) },
        select: SELECT.consultation,
      });
      if (c) return { resource: consultationEncounter(c), patientId: c.patientId };
      const a = await prisma.admission.findFirst({ where: { id, ...ownRows(ctx) }, select: SELECT.admission });
      return a ? { resource: admissionEncounter(a), patientId: a.patientId } : null;
    }
    case "Condition": {
      const d = await prisma.diagnosis.findFirst({
        where: { id, consultation: consultationScope(ctx) },
        select: SELECT.diagnosis,
      });
      if (d) return { resource: diagnosisCondition(d), patientId: d.consultation.patientId };
      const p = await prisma.condition.findFirst({ where: { id, ...ownRows(ctx) }, select: SELECT.problem });
      return p ? { resource: problemCondition(p), patientId: p.patientId } : null;
    }
    case "AllergyIntolerance": {
      const a = await prisma.allergy.findFirst({ where: { id, ...ownRows(ctx) }, select: SELECT.allergy });
      return a ? { resource: toAllergy(a), patientId: a.patientId } : null;
    }
    case "Observation": {
      const m = VITAL_ID.exec(id);
      if (m) {
        const v = await prisma.vitalSign.findFirst({ where: { id: m[1], ...ownRows(ctx) }, select: SELECT.vital });
        const key = m[2] as VitalKey;
        return v && vitalKeysOf(v).includes(key)
          ? { resource: vitalObservation(v, key), patientId: v.patientId }
          : null;
      }
      const r = await prisma.labResult.findFirst({ where: { id, order: ownRows(ctx) }, select: SELECT.lab });
      return found(r && labObservation(r), subjectOf);
    }
    case "MedicationRequest": {
      const l = await prisma.prescriptionItem.findFirst({
        where: { id, prescription: prescriptionScope(ctx) },
        select: SELECT.line,
      });
      return found(l && medicationRequest(l), subjectOf);
    }
    case "Appointment": {
      const a = await prisma.appointment.findFirst({
        where: { id, ...appointmentScope(ctx) },
        select: SELECT.appointment,
      });
      return a ? { resource: toAppointment(a), patientId: a.patientId } : null;
    }
    case "DocumentReference": {
      const d = await prisma.document.findFirst({
        where: { id, ...documentScope(ctx.actor) },
        select: SELECT.document,
      });
      return d ? { resource: documentReference(d), patientId: d.patientId } : null;
    }
  }
}

// --- One patient's resources of a type ------------------------------------------------------

export const CLINICAL_TYPES = [
  "Encounter",
  "Condition",
  "AllergyIntolerance",
  "Observation",
  "MedicationRequest",
  "Appointment",
  "DocumentReference",
] as const;
export type ClinicalType = (typeof CLINICAL_TYPES)[number];
export type ObservationCategory = "vital-signs" | "survey" | "laboratory";

function source<W, R>(
  count: (args: { where: W }) => Promise<number>,
  find: (args: { where: W; skip: number; take: number }) => Promise<R[]>,
  where: W,
  map: (row: R) => R4.FhirResource,
): Source {
  return { count: () => count({ where }), page: async (skip, take) => (await find({ where, skip, take })).map(map) };
}

/**
 * Vital-sign observations of one patient, newest first: each row unpivoted into its measurements
 * in SQL, so counting and paging are by Observation, not by row.
 */
function vitalSource(prisma: Db, ctx: Ctx, patientId: string, category?: ObservationCategory, w: Window = {}): Source {
  const keys = VITAL_KEYS.filter((k) => !category || VITALS[k].category === category);
  if (!keys.length) return { count: async () => 0, page: async () => [] };
  const present: Record<VitalKey, Prisma.Sql> = {
    temp: Prisma.sql`v."temperatureC" IS NOT NULL`,
    hr: Prisma.sql`v.pulse IS NOT NULL`,
    rr: Prisma.sql`v."respiratoryRate" IS NOT NULL`,
    bp: Prisma.sql`(v.systolic IS NOT NULL OR v.diastolic IS NOT NULL)`,
    spo2: Prisma.sql`v.spo2 IS NOT NULL`,
    wt: Prisma.sql`v."weightKg" IS NOT NULL`,
    ht: Prisma.sql`v."heightCm" IS NOT NULL`,
    bmi: Prisma.sql`(v."weightKg" > 0 AND v."heightCm" > 0)`,
    pain: Prisma.sql`v."painScore" IS NOT NULL`,
    acvpu: Prisma.sql`v.consciousness IS NOT NULL`,
    o2: Prisma.sql`v."supplementalOxygen" IS NOT NULL`,
    news2: Prisma.sql`v."news2Score" IS NOT NULL`,
  };
  const values = Prisma.join(keys.map((k, i) => Prisma.sql`(${k}, ${i}, ${present[k]})`));
  const own = isPatient(ctx)
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Patient" p WHERE p.id = v."patientId" AND p."userId" = ${ctx.actor.id})`
    : Prisma.empty;
  const since = w.since ? Prisma.sql`AND v."updatedAt" >= ${w.since}` : Prisma.empty;
  const start = w.start ? Prisma.sql`AND v."takenAt" >= ${w.start}` : Prisma.empty;
  const end = w.end ? Prisma.sql`AND v."takenAt" < ${w.end}` : Prisma.empty;
  const from = Prisma.sql`FROM "VitalSign" v CROSS JOIN LATERAL (VALUES ${values}) AS m(key, ord, present) WHERE v."patientId" = ${patientId} AND m.present ${own} ${since} ${start} ${end}`;
  return {
    count: async () => Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${from}`)[0].n),
    page: async (skip, take) => {
      const slice = await prisma.$queryRaw<
        { id: string; key: VitalKey }[]
      >`SELECT v.id, m.key ${from} ORDER BY v."takenAt" DESC, v.id DESC, m.ord LIMIT ${take} OFFSET ${skip}`;
      const rows = new Map(
        (
          await prisma.vitalSign.findMany({
            where: { id: { in: [...new Set(slice.map((s) => s.id))] } },
            select: SELECT.vital,
          })
        ).map((v) => [v.id, v]),
      );
      return slice.map((s) => vitalObservation(rows.get(s.id)!, s.key));
    },
  };
}

/**
 * `$everything`'s window: `since` (changed at or after: the row's updatedAt, or its creation where
 * it is never changed) and `start`/`end` (the care date in [start, end): a visit's or admission's
 * start, a vital's or result's time, a prescription's issue, an appointment's start, a document's date).
 */
export type Window = { since?: Date; start?: Date; end?: Date };
const after = (w: Window) => (w.since ? { gte: w.since } : undefined);
const within = (w: Window) =>
  w.start || w.end ? { ...(w.start ? { gte: w.start } : {}), ...(w.end ? { lt: w.end } : {}) } : undefined;

/** The sources of one type for one patient: of an opened chart (scope checked, the view audited). */
export function clinicalSources(
  prisma: Db,
  chart: ChartAccess,
  type: ClinicalType,
  opts: { category?: ObservationCategory; documentCategory?: DocumentCategoryCode; window?: Window } = {},
): Source[] {
  const { ctx, patientId } = chartOf(chart);
  const w = opts.window ?? {};
  switch (type) {
    case "Encounter":
      return [
        source(
          prisma.consultation.count,
          (a) =>
            prisma.consultation.findMany({
              ...a,
              select: SELECT.consultation,
              orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            }),
          { patientId, ...consultationScope(ctx), updatedAt: after(w), createdAt: within(w) },
          consultationEncounter,
        ),
        source(
          prisma.admission.count,
          (a) =>
            prisma.admission.findMany({
              ...a,
              select: SELECT.admission,
              orderBy: [{ admittedAt: "desc" }, { id: "desc" }],
            }),
          { patientId, updatedAt: after(w), admittedAt: within(w) },
          admissionEncounter,
        ),
      ];
    case "Condition":
      return [
        source(
          prisma.condition.count,
          (a) =>
            prisma.condition.findMany({ ...a, select: SELECT.problem, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
          { patientId, AND: [{ createdAt: after(w) }, { createdAt: within(w) }] },
          problemCondition,
        ),
        source(
          prisma.diagnosis.count,
          (a) =>
            prisma.diagnosis.findMany({
              ...a,
              select: SELECT.diagnosis,
              orderBy: [{ consultation: { createdAt: "desc" } }, { position: "asc" }, { id: "asc" }],
            }),
          { consultation: { patientId, ...consultationScope(ctx), updatedAt: after(w), createdAt: within(w) } },
          diagnosisCondition,
        ),
      ];
    case "AllergyIntolerance":
      return [
        source(
          prisma.allergy.count,
          (a) =>
            prisma.allergy.findMany({ ...a, select: SELECT.allergy, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
          { patientId, AND: [{ createdAt: after(w) }, { createdAt: within(w) }] },
          toAllergy,
        ),
      ];
    case "Observation":
      return [
        vitalSource(prisma, ctx, patientId, opts.category, w),
        ...(!opts.category || opts.category === "laboratory"
          ? [
              source(
                prisma.labResult.count,
                (a) =>
                  prisma.labResult.findMany({
                    ...a,
                    select: SELECT.lab,
                    orderBy: [{ resultedAt: "desc" }, { id: "desc" }],
                  }),
                { order: { patientId }, AND: [{ resultedAt: after(w) }, { resultedAt: within(w) }] },
                labObservation,
              ),
            ]
          : []),
      ];
    case "MedicationRequest":
      return [
        source(
          prisma.prescriptionItem.count,
          (a) =>
            prisma.prescriptionItem.findMany({
              ...a,
              select: SELECT.line,
              orderBy: [{ prescription: { issuedAt: "desc" } }, { prescriptionId: "asc" }, { position: "asc" }],
            }),
          {
            prescription: {
              AND: [
                { patientId, ...prescriptionScope(ctx) },
                { updatedAt: after(w), issuedAt: within(w) },
              ],
            },
          },
          medicationRequest,
        ),
      ];
    case "Appointment":
      return [
        source(
          prisma.appointment.count,
          (a) =>
            prisma.appointment.findMany({
              ...a,
              select: SELECT.appointment,
              orderBy: [{ startsAt: "desc" }, { id: "asc" }],
            }),
          {
            AND: [
              { patientId, ...appointmentScope(ctx) },
              { updatedAt: after(w), startsAt: within(w) },
            ],
          },
          toAppointment,
        ),
      ];
    case "DocumentReference": {
      const where: Prisma.DocumentWhereInput = {
        AND: [
          {
            patientId,
            ...documentScope(ctx.actor),
            ...(opts.documentCategory ? { category: toDbCategory(opts.documentCategory) } : {}),
          },
          { createdAt: after(w), documentDate: within(w) },
        ],
      };
      return [
        source(
          prisma.document.count,
          (a) =>
            prisma.document.findMany({
              ...a,
              select: SELECT.document,
              orderBy: [{ documentDate: "desc" }, { id: "desc" }],
            }),
          where,
          documentReference,
        ),
      ];
    }
  }
}
