import { DateTime } from "luxon";
import { Prisma } from "@/lib/generated/prisma/client";
import { catalog, INTL_TAG, type Locale } from "@/lib/i18n";
import type { AbnormalFlag } from "@/lib/generated/prisma/enums";
import type { News2Band, News2Reason, News2Subscores } from "./news2";
import { chartOf, type ChartAccess } from "@/lib/patients/chart";
import { seesClinicalDetails } from "@/lib/patients/scope";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { notFound } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { bmi } from "./measures";
import { FLAGGED_VITALS, vitalFlag, type FlaggedVital } from "./ranges";

type Paging = { skip: number; take: number };
const iso = (d: Date) =>
  DateTime.fromJSDate(d, { zone: env().HOSPITAL_TIMEZONE }).toISO({ suppressMilliseconds: true })!;
// json_build_object writes a timestamp without its zone; the columns hold UTC.
const utc = (s: string) => new Date(/Z|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`);
const shownAddenda = (rows: { id: string; author: string; text: string; createdAt: string }[]) =>
  rows.map((a) => ({ ...a, createdAt: iso(utc(a.createdAt)) }));
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const isPatient = (ctx: Ctx) => ctx.actor.role === "PATIENT";

/** "3 Mar 2027, 09:30" ("3 mars 2027, 09:30") in the hospital's wall clock (the ISO strings carry its offset). */
export const formatStamp = (s: string, locale: Locale) =>
  DateTime.fromISO(s, { setZone: true }).setLocale(INTL_TAG[locale]).toFormat("d LLL yyyy, HH:mm");

/** Patients see a consultation once it is signed; staff see drafts too. */
const consultationScope = (ctx: Ctx): Prisma.ConsultationWhereInput =>
  isPatient(ctx) ? { signedAt: { not: null }, patient: { userId: ctx.actor.id } } : {};

const consultationListSelect = {
  id: true,
  patientId: true,
  appointmentId: true,
  assessment: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  signedAt: true,
  lockedAt: true,
  doctor: { select: { id: true, name: true } },
  diagnoses: { select: { code: true, description: true }, orderBy: { position: "asc" } },
} satisfies Prisma.ConsultationSelect;
type ConsultationListRow = Prisma.ConsultationGetPayload<{ select: typeof consultationListSelect }>;
const consultationSummary = (c: ConsultationListRow, now = clock.now()) => ({
  id: c.id,
  patientId: c.patientId,
  appointmentId: c.appointmentId,
  doctor: c.doctor,
  assessment: c.assessment,
  diagnoses: c.diagnoses,
  version: c.version,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
  signedAt: c.signedAt ? iso(c.signedAt) : null,
  lockedAt: c.lockedAt ? iso(c.lockedAt) : null,
  locked: !!c.lockedAt && c.lockedAt <= now,
});
export type ConsultationSummary = ReturnType<typeof consultationSummary>;

/** One consultation with its diagnoses, versions and addenda (audited read). */
export async function getConsultation(prisma: Db, ctx: Ctx, id: string) {
  const c = await prisma.consultation.findFirst({
    where: { id, ...consultationScope(ctx) },
    include: {
      doctor: { select: { id: true, name: true } },
      patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
      diagnoses: { orderBy: { position: "asc" } },
      versions: { orderBy: { version: "desc" } },
      addenda: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
    },
  });
  if (!c) throw notFound("consultation");
  await audit(prisma, ctx, { action: "VIEW", entity: "Consultation", entityId: c.id, patientId: c.patientId });
  const userIds = [
    ...new Set([c.updatedById, c.signedById, ...c.versions.map((v) => v.editedById)].filter((x): x is string => !!x)),
  ];
  const names = new Map(
    (await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const now = clock.now();
  return {
    id: c.id,
    patient: { id: c.patient.id, mrn: c.patient.mrn, name: `${c.patient.firstName} ${c.patient.lastName}` },
    doctor: c.doctor,
    appointmentId: c.appointmentId,
    hpi: c.hpi,
    exam: c.exam,
    assessment: c.assessment,
    plan: c.plan,
    treatment: c.treatment,
    nextVisitOn: day(c.nextVisitOn),
    diagnoses: c.diagnoses.map((d) => ({ code: d.code, description: d.description })),
    version: c.version,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    updatedBy: names.get(c.updatedById ?? c.doctorId) ?? c.doctor.name,
    signedAt: c.signedAt ? iso(c.signedAt) : null,
    signedBy: c.signedById ? (names.get(c.signedById) ?? null) : null,
    lockedAt: c.lockedAt ? iso(c.lockedAt) : null,
    locked: !!c.lockedAt && c.lockedAt <= now,
    // Earlier drafts are the clinicians' working history, not part of what a patient is shown.
    versions: (isPatient(ctx) ? [] : c.versions).map((v) => ({
      version: v.version,
      editedBy: names.get(v.editedById ?? "") ?? "—",
      editedAt: iso(v.editedAt),
      content: v.content as Record<string, unknown>,
    })),
    addenda: c.addenda.map((a) => ({ id: a.id, author: a.author.name, text: a.text, createdAt: iso(a.createdAt) })),
  };
}
export type ConsultationDetail = Awaited<ReturnType<typeof getConsultation>>;

/** A list's filters: one patient's chart, drafts or signed ones, a patient's name or MRN (words, each matching). */
export type ConsultationFilter = { chart?: ChartAccess; status?: "draft" | "signed"; patient?: string };

/**
 * Consultations the actor may list: one patient's (an opened chart, audited when opened), else a
 * doctor's own, else everyone's (admins, nurses), with one VIEW row per patient shown. Patients:
 * their own signed ones.
 */
export async function listConsultations(prisma: Db, ctx: Ctx, filter: ConsultationFilter, page: Paging) {
  const chart = filter.chart && chartOf(filter.chart, { clinical: true });
  const q = filter.patient?.trim();
  const where: Prisma.ConsultationWhereInput = {
    ...consultationScope(ctx),
    ...(chart ? { patientId: chart.patientId } : ctx.actor.role === "DOCTOR" ? { doctorId: ctx.actor.id } : {}),
    ...(filter.status === "draft" ? { signedAt: null } : filter.status === "signed" ? { signedAt: { not: null } } : {}),
    ...(q && !chart
      ? {
          AND: q
            .split(/\s+/)
            .slice(0, 4)
            .map((w) => ({
              patient: {
                OR: [
                  { mrn: { contains: w, mode: "insensitive" as const } },
                  { firstName: { contains: w, mode: "insensitive" as const } },
                  { lastName: { contains: w, mode: "insensitive" as const } },
                ],
              },
            })),
        }
      : {}),
  };
  const read = (db: Db) =>
    Promise.all([
      db.consultation.findMany({
        where,
        select: {
          ...consultationListSelect,
          patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: page.skip,
        take: page.take,
      }),
      db.consultation.count({ where }),
    ]);
  const [rows, total] = chart
    ? await read(prisma)
    : await auditedRead(prisma, read, (tx, [rows]) => auditViews(tx, ctx, { entity: "Consultation" }, rows));
  return {
    items: rows.map(({ patient: p, ...r }) => ({
      ...consultationSummary(r),
      patient: { id: p.id, mrn: p.mrn, name: `${p.firstName} ${p.lastName}` },
    })),
    total,
  };
}

const vitalSelect = {
  id: true,
  takenAt: true,
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
  news2Band: true,
  news2Subscores: true,
  news2Scale: true,
  news2Reason: true,
  note: true,
  lockedAt: true,
  recordedBy: { select: { id: true, name: true } },
} satisfies Prisma.VitalSignSelect;
/** The stored NEWS2 of a set as the API shows it: `news2` or null with `news2Reason`. */
export function news2Of(v: {
  news2Score: number | null;
  news2Band: string | null;
  news2Subscores: unknown;
  news2Scale: number | null;
  news2Reason: string | null;
}) {
  return v.news2Score === null
    ? { news2: null, news2Reason: (v.news2Reason ?? "incomplete set") as News2Reason }
    : {
        news2: {
          score: v.news2Score,
          band: v.news2Band as News2Band,
          subscores: v.news2Subscores as News2Subscores,
          scale: (v.news2Scale ?? 1) as 1 | 2,
        },
      };
}
const vitalRow = ({
  news2Score,
  news2Band,
  news2Subscores,
  news2Scale,
  news2Reason,
  ...v
}: Prisma.VitalSignGetPayload<{ select: typeof vitalSelect }>) => ({
  ...v,
  takenAt: iso(v.takenAt),
  lockedAt: iso(v.lockedAt),
  bmi: bmi(v.weightKg, v.heightCm),
  ...news2Of({ news2Score, news2Band, news2Subscores, news2Scale, news2Reason }),
});
export type VitalRow = ReturnType<typeof vitalRow>;

const noteSelect = {
  id: true,
  shift: true,
  category: true,
  text: true,
  createdAt: true,
  lockedAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.NurseNoteSelect;
const noteRow = (n: Prisma.NurseNoteGetPayload<{ select: typeof noteSelect }>) => ({
  ...n,
  createdAt: iso(n.createdAt),
  lockedAt: iso(n.lockedAt),
});
export type NoteRow = ReturnType<typeof noteRow>;

const orderSelect = {
  id: true,
  patientId: true,
  status: true,
  notes: true,
  orderedAt: true,
  consultationId: true,
  test: { select: { id: true, code: true, name: true, unit: true, refLow: true, refHigh: true } },
  orderedBy: { select: { id: true, name: true } },
  // The current result: the one no amendment replaces (an amended one names what it corrected).
  results: {
    where: { amendedBy: { is: null } },
    select: {
      id: true,
      value: true,
      valueText: true,
      unit: true,
      refLow: true,
      refHigh: true,
      flag: true,
      resultedAt: true,
      amendReason: true,
      reviewedAt: true,
      enteredBy: { select: { name: true } },
      reviewedBy: { select: { name: true } },
      amends: {
        select: { value: true, valueText: true, flag: true, resultedAt: true, enteredBy: { select: { name: true } } },
      },
    },
    orderBy: { resultedAt: "desc" },
    take: 1,
  },
} satisfies Prisma.LabOrderSelect;
type ResultRow = Prisma.LabOrderGetPayload<{ select: typeof orderSelect }>["results"][number];
/** A result as pages and the API show it: who entered it, whether it was reviewed, what it corrected (who, when, why). */
const resultView = ({ amendReason, reviewedAt, enteredBy, reviewedBy, amends, ...r }: ResultRow) => ({
  ...r,
  resultedAt: iso(r.resultedAt),
  enteredBy: enteredBy.name,
  reviewed: reviewedAt ? { at: iso(reviewedAt), by: reviewedBy?.name ?? "—" } : null,
  amended: amends
    ? {
        value: amends.value,
        valueText: amends.valueText,
        flag: amends.flag,
        resultedAt: iso(amends.resultedAt),
        by: amends.enteredBy.name,
        reason: amendReason ?? "",
      }
    : null,
});
export type LabResultView = ReturnType<typeof resultView>;
const orderRow = (o: Prisma.LabOrderGetPayload<{ select: typeof orderSelect }>) => {
  const r = o.results[0];
  return {
    id: o.id,
    patientId: o.patientId,
    status: o.status,
    notes: o.notes,
    orderedAt: iso(o.orderedAt),
    consultationId: o.consultationId,
    test: o.test,
    orderedBy: o.orderedBy,
    result: r ? resultView(r) : null,
  };
};
export type LabOrderRow = ReturnType<typeof orderRow>;

/** One page of an opened chart's rows and their total (the opening was audited). */
async function chartPage<R>(read: () => Promise<[R[], number]>) {
  const [items, total] = await read();
  return { items, total };
}

/** One patient's vitals, newest first (from an opened chart). */
export async function listVitals(prisma: Db, chart: ChartAccess, page: Paging) {
  const { patientId } = chartOf(chart, { clinical: true });
  return chartPage(() =>
    Promise.all([
      prisma.vitalSign
        .findMany({
          where: { patientId },
          select: vitalSelect,
          orderBy: [{ takenAt: "desc" }, { id: "desc" }],
          skip: page.skip,
          take: page.take,
        })
        .then((r) => r.map(vitalRow)),
      prisma.vitalSign.count({ where: { patientId } }),
    ]),
  );
}

/** One patient's nurse notes, newest first (from an opened chart). */
export async function listNurseNotes(prisma: Db, chart: ChartAccess, page: Paging) {
  const { patientId } = chartOf(chart, { clinical: true });
  return chartPage(() =>
    Promise.all([
      prisma.nurseNote
        .findMany({
          where: { patientId },
          select: noteSelect,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip: page.skip,
          take: page.take,
        })
        .then((r) => r.map(noteRow)),
      prisma.nurseNote.count({ where: { patientId } }),
    ]),
  );
}

/**
 * Lab orders: one patient's (an opened chart, audited when opened), or the worklist by status
 * (staff; pending orders oldest first; one VIEW row per patient shown; patients only their own).
 */
export async function listLabOrders(
  prisma: Db,
  ctx: Ctx,
  filter: { chart?: ChartAccess; status?: "ORDERED" | "RESULTED" | "CANCELLED" },
  page: Paging,
) {
  const chart = filter.chart && chartOf(filter.chart, { clinical: true });
  const where: Prisma.LabOrderWhereInput = {
    ...(chart ? { patientId: chart.patientId } : isPatient(ctx) ? { patient: { userId: ctx.actor.id } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const pending = filter.status === "ORDERED" && !chart;
  const read = (db: Db) =>
    Promise.all([
      db.labOrder.findMany({
        where,
        select: { ...orderSelect, patient: { select: { id: true, mrn: true, firstName: true, lastName: true } } },
        orderBy: [{ orderedAt: pending ? "asc" : "desc" }, { id: "asc" }],
        skip: page.skip,
        take: page.take,
      }),
      db.labOrder.count({ where }),
    ]);
  const [rows, total] = chart
    ? await read(prisma)
    : await auditedRead(prisma, read, (tx, [rows]) => auditViews(tx, ctx, { entity: "LabOrder" }, rows));
  return {
    items: rows.map((o) => ({
      ...orderRow(o),
      patient: { id: o.patient.id, mrn: o.patient.mrn, name: `${o.patient.firstName} ${o.patient.lastName}` },
    })),
    total,
  };
}

/** One lab order with its result (audited; patients: their own). */
export async function labOrder(prisma: Db, ctx: Ctx, id: string) {
  const o = await prisma.labOrder.findFirst({
    where: { id, ...(isPatient(ctx) ? { patient: { userId: ctx.actor.id } } : {}) },
    select: orderSelect,
  });
  if (!o) throw notFound("lab order");
  await audit(prisma, ctx, { action: "VIEW", entity: "LabOrder", entityId: o.id, patientId: o.patientId });
  return orderRow(o);
}

export async function labCatalogue(prisma: Db) {
  return prisma.labTest.findMany({
    where: { active: true },
    select: { id: true, code: true, loinc: true, name: true, specimen: true, unit: true, refLow: true, refHigh: true },
    orderBy: { name: "asc" },
  });
}

/**
 * The clinical cards of a chart: recent consultations (with diagnoses), the vitals for the trend,
 * recent nurse notes and lab orders (with their result). Four statements side by side, each one
 * range of a (patientId, time) index read newest first, related rows joined in the same statement
 * and only the displayed columns: the cost of a page, however long the history. Of an opened chart
 * (scope checked and the view audited when it was opened).
 */
export async function chartClinical(
  prisma: Db,
  chart: ChartAccess,
  limits = { consultations: 10, vitals: 30, notes: 10, labs: 20 },
) {
  const { patientId, ctx } = chartOf(chart, { clinical: true });
  const signedOnly = isPatient(ctx) ? Prisma.sql`AND c."signedAt" IS NOT NULL` : Prisma.empty;
  type C = Omit<ConsultationListRow, "doctor"> & { doctorName: string; doctorId: string };
  type Added = { id: string; author: string; text: string; createdAt: string }[];
  type V = Omit<Prisma.VitalSignGetPayload<{ select: typeof vitalSelect }>, "recordedBy"> & {
    byId: string;
    byName: string;
    addenda: Added;
  };
  type N = Omit<Prisma.NurseNoteGetPayload<{ select: typeof noteSelect }>, "author"> & {
    byId: string;
    byName: string;
    addenda: Added;
  };
  type L = {
    id: string;
    patientId: string;
    status: LabOrderRow["status"];
    notes: string | null;
    orderedAt: Date;
    consultationId: string | null;
    test: LabOrderRow["test"];
    byId: string;
    byName: string;
    result: (Omit<NonNullable<LabOrderRow["result"]>, "resultedAt"> & { resultedAt: string }) | null;
  };
  const [consultations, vitals, notes, labs] = await Promise.all([
    prisma.$queryRaw<C[]>`
      SELECT c.id, c."patientId", c."appointmentId", c.assessment, c."createdAt", c."updatedAt", c.version, c."signedAt", c."lockedAt", c."doctorId", u.name AS "doctorName",
             coalesce((SELECT json_agg(json_build_object('code', d.code, 'description', d.description) ORDER BY d.position) FROM "Diagnosis" d WHERE d."consultationId" = c.id), '[]') AS diagnoses
      FROM "Consultation" c JOIN "User" u ON u.id = c."doctorId"
      WHERE c."patientId" = ${patientId} ${signedOnly} ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${limits.consultations}`,
    prisma.$queryRaw<V[]>`
      SELECT v.id, v."takenAt", v."temperatureC", v.pulse, v."respiratoryRate", v.systolic, v.diastolic, v.spo2, v."weightKg", v."heightCm", v."painScore", v.consciousness, v."supplementalOxygen", v."news2Score", v."news2Band", v."news2Subscores", v."news2Scale", v."news2Reason", v.note, v."lockedAt", u.id AS "byId", u.name AS "byName",
             coalesce((SELECT json_agg(json_build_object('id', a.id, 'author', au.name, 'text', a.text, 'createdAt', a."createdAt") ORDER BY a."createdAt")
                FROM "Addendum" a JOIN "User" au ON au.id = a."authorId" WHERE a."vitalSignId" = v.id), '[]') AS addenda
      FROM "VitalSign" v JOIN "User" u ON u.id = v."recordedById"
      WHERE v."patientId" = ${patientId} ORDER BY v."takenAt" DESC, v.id DESC LIMIT ${limits.vitals}`,
    limits.notes
      ? prisma.$queryRaw<N[]>`
      SELECT n.id, n.shift, n.category, n.text, n."createdAt", n."lockedAt", u.id AS "byId", u.name AS "byName",
             coalesce((SELECT json_agg(json_build_object('id', a.id, 'author', au.name, 'text', a.text, 'createdAt', a."createdAt") ORDER BY a."createdAt")
                FROM "Addendum" a JOIN "User" au ON au.id = a."authorId" WHERE a."nurseNoteId" = n.id), '[]') AS addenda
      FROM "NurseNote" n JOIN "User" u ON u.id = n."authorId"
      WHERE n."patientId" = ${patientId} ORDER BY n."createdAt" DESC, n.id DESC LIMIT ${limits.notes}`
      : Promise.resolve([] as N[]),
    prisma.$queryRaw<L[]>`
      SELECT o.id, o."patientId", o.status, o.notes, o."orderedAt", o."consultationId", u.id AS "byId", u.name AS "byName",
             json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'unit', t.unit, 'refLow', t."refLow", 'refHigh', t."refHigh") AS test,
             (SELECT json_build_object('id', r.id, 'value', r.value, 'valueText', r."valueText", 'unit', r.unit, 'refLow', r."refLow", 'refHigh', r."refHigh", 'flag', r.flag, 'resultedAt', r."resultedAt",
                  'enteredBy', eu.name,
                  'reviewed', CASE WHEN r."reviewedAt" IS NULL THEN NULL ELSE json_build_object('at', r."reviewedAt", 'by', coalesce(ru.name, '—')) END,
                  'amended', CASE WHEN prev.id IS NULL THEN NULL ELSE json_build_object('value', prev.value, 'valueText', prev."valueText", 'flag', prev.flag, 'resultedAt', prev."resultedAt", 'by', pu.name, 'reason', coalesce(r."amendReason", '')) END)
                FROM "LabResult" r JOIN "User" eu ON eu.id = r."enteredById" LEFT JOIN "User" ru ON ru.id = r."reviewedById"
                  LEFT JOIN "LabResult" prev ON prev.id = r."amendsId" LEFT JOIN "User" pu ON pu.id = prev."enteredById"
                WHERE r."orderId" = o.id AND NOT EXISTS (SELECT 1 FROM "LabResult" x WHERE x."amendsId" = r.id) ORDER BY r."resultedAt" DESC LIMIT 1) AS result
      FROM "LabOrder" o JOIN "LabTest" t ON t.id = o."testId" JOIN "User" u ON u.id = o."orderedById"
      WHERE o."patientId" = ${patientId} ORDER BY o."orderedAt" DESC, o.id DESC LIMIT ${limits.labs}`,
  ]);
  return {
    consultations: consultations.map(({ doctorId, doctorName, ...c }) =>
      consultationSummary({ ...c, doctor: { id: doctorId, name: doctorName } }),
    ),
    vitals: vitals.map(({ byId, byName, addenda, ...v }) => ({
      ...vitalRow({ ...v, recordedBy: { id: byId, name: byName } }),
      locked: v.lockedAt <= clock.now(),
      addenda: shownAddenda(addenda),
    })),
    notes: notes.map(({ byId, byName, addenda, ...n }) => ({
      ...noteRow({ ...n, author: { id: byId, name: byName } }),
      locked: n.lockedAt <= clock.now(),
      addenda: shownAddenda(addenda),
    })),
    labs: labs.map(({ byId, byName, result, ...o }) => ({
      ...o,
      orderedAt: iso(o.orderedAt),
      orderedBy: { id: byId, name: byName },
      result: result
        ? {
            ...result,
            resultedAt: iso(utc(result.resultedAt)),
            reviewed: result.reviewed && { ...result.reviewed, at: iso(utc(result.reviewed.at)) },
            amended: result.amended && { ...result.amended, resultedAt: iso(utc(result.amended.resultedAt)) },
          }
        : null,
    })),
  };
}
export type ChartClinical = Awaited<ReturnType<typeof chartClinical>>;

export type TimelineKind =
  | "registered"
  | "allergy"
  | "condition"
  | "deactivated"
  | "consultation"
  | "vitals"
  | "note"
  | "lab_order"
  | "lab_result"
  | "prescription"
  | "appointment"
  | "addendum"
  | "admission";
export type TimelineEvent = {
  at: string;
  kind: TimelineKind;
  id: string;
  summary: string;
  flag: AbnormalFlag | null;
  link: string | null;
};

/**
 * Everything that happened to a patient, newest first (or oldest first), one page at a time (rows
 * written together keep the record's order: registration first, deactivation last): one
 * UNION ALL in which each branch reads its own (patientId, time) index in that order and stops at the page's end, so a
 * chart with thousands of encounters costs a page, not its history. Patients see signed
 * consultations only; roles without clinical details see registration, allergies and deactivation.
 * Of an opened chart (scope checked and the view audited when it was opened).
 */
export async function timeline(
  prisma: Db,
  chart: ChartAccess,
  page: { page: number; pageSize: number; oldestFirst?: boolean },
  locale: Locale = "en",
): Promise<{ items: TimelineEvent[]; total: number; page: number; pageSize: number }> {
  const { patientId, ctx } = chartOf(chart);
  const limit = page.page * page.pageSize;
  // The summaries' words, in the reader's language; enum values looked up in JSON maps.
  const w = catalog(locale).clinical.timeline;
  const label = (map: Record<string, string>) => Prisma.sql`${JSON.stringify(map)}::jsonb`;
  const dir = page.oldestFirst ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const clinical = seesClinicalDetails(ctx.actor);
  const signedOnly = isPatient(ctx) ? Prisma.sql`AND c."signedAt" IS NOT NULL` : Prisma.empty;
  const base = [
    Prisma.sql`(SELECT p."createdAt" AS at, 'registered' AS kind, p.id, ${w.registeredAs} || ' ' || p.mrn AS summary, NULL::text AS flag FROM "Patient" p WHERE p.id = ${patientId})`,
    Prisma.sql`(SELECT p."deactivatedAt", 'deactivated', p.id, ${w.deactivated} || ': ' || coalesce(p."deactivationReason", ''), NULL FROM "Patient" p WHERE p.id = ${patientId} AND p."deactivatedAt" IS NOT NULL)`,
    Prisma.sql`(SELECT a."createdAt", 'allergy', a.id, ${w.allergy} || ': ' || a.substance, NULL FROM "Allergy" a WHERE a."patientId" = ${patientId} ORDER BY a."createdAt" ${dir} LIMIT ${limit})`,
  ];
  const more = clinical
    ? [
        Prisma.sql`(SELECT c."createdAt", 'condition', c.id, ${w.condition} || ': ' || c.text, NULL FROM "Condition" c WHERE c."patientId" = ${patientId} ORDER BY c."createdAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT c."createdAt", 'consultation', c.id,
            concat_ws(' · ', u.name, CASE WHEN c."signedAt" IS NULL THEN ${w.draft} ELSE ${w.signed} END,
              (SELECT string_agg(coalesce(d.code || ' ', '') || d.description, '; ' ORDER BY d.position) FROM "Diagnosis" d WHERE d."consultationId" = c.id)), NULL
          FROM "Consultation" c JOIN "User" u ON u.id = c."doctorId" WHERE c."patientId" = ${patientId} ${signedOnly} ORDER BY c."createdAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT v."takenAt", 'vitals', v.id,
            concat_ws(', ', ${w.bp} || ' ' || v.systolic || '/' || v.diastolic, ${w.pulse} || ' ' || v.pulse, 'T ' || v."temperatureC" || ' °C', ${w.rr} || ' ' || v."respiratoryRate", 'SpO2 ' || v.spo2 || '%', v."weightKg" || ' kg', ${w.pain} || ' ' || v."painScore" || '/10'), NULL
          FROM "VitalSign" v WHERE v."patientId" = ${patientId} ORDER BY v."takenAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT n."createdAt", 'note', n.id, (${label(w.shifts)} ->> n.shift::text) || ', ' || (${label(w.categories)} ->> n.category::text) || ': ' || left(n.text, 200), NULL
          FROM "NurseNote" n WHERE n."patientId" = ${patientId} ORDER BY n."createdAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT o."orderedAt", 'lab_order', o.id, t.name || ' ' || ${w.orderedBy} || ' ' || u.name, NULL
          FROM "LabOrder" o JOIN "LabTest" t ON t.id = o."testId" JOIN "User" u ON u.id = o."orderedById" WHERE o."patientId" = ${patientId} ORDER BY o."orderedAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT r."resultedAt", 'lab_result', r.id, t.name || ': ' || coalesce(r.value::text || coalesce(' ' || r.unit, ''), r."valueText", '')
              || CASE WHEN r."amendsId" IS NULL THEN '' ELSE ' (' || ${w.amendedResult} || ': ' || coalesce(r."amendReason", '') || ')' END, r.flag::text
          FROM "LabOrder" o JOIN "LabResult" r ON r."orderId" = o.id JOIN "LabTest" t ON t.id = o."testId" WHERE o."patientId" = ${patientId} AND o.status = 'RESULTED' ORDER BY r."resultedAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT x."issuedAt", 'prescription', x.id,
            concat_ws(' · ', u.name, ${label(w.prescriptionStatuses)} ->> x.status::text, (SELECT string_agg(dr."genericName" || ' ' || dr.strength, ', ') FROM "PrescriptionItem" i JOIN "Drug" dr ON dr.id = i."drugId" WHERE i."prescriptionId" = x.id)), NULL
          FROM "Prescription" x JOIN "User" u ON u.id = x."prescriberId" WHERE x."patientId" = ${patientId} ORDER BY x."issuedAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT ap."startsAt", 'appointment', ap.id, u.name || ' · ' || (${label(w.appointmentStatuses)} ->> ap.status::text) || coalesce(' · ' || ap.reason, ''), NULL
          FROM "Appointment" ap JOIN "User" u ON u.id = ap."doctorId" WHERE ap."patientId" = ${patientId} ORDER BY ap."startsAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT ad."createdAt", 'addendum', coalesce(ad."consultationId", ad.id), u.name || ': ' || left(ad.text, 200), NULL
          FROM "Addendum" ad JOIN "User" u ON u.id = ad."authorId" WHERE ad."patientId" = ${patientId}
            ${isPatient(ctx) ? Prisma.sql`AND ad."consultationId" IS NULL` : Prisma.empty} ORDER BY ad."createdAt" ${dir} LIMIT ${limit})`,
        // Admissions: each bed assignment (admitted, then transferred), and the discharge.
        Prisma.sql`(SELECT ba."startsAt", 'admission', ad.id,
            CASE WHEN ba."startsAt" = ad."admittedAt" THEN ${w.admittedTo} ELSE ${w.transferredTo} END || ' ' || w.name || ' · ' || r.name || ' · ' || b.label || ' · ' || u.name
              || CASE WHEN ba."startsAt" = ad."admittedAt" THEN ': ' || left(ad.reason, 200) ELSE '' END, NULL
          FROM "BedAssignment" ba JOIN "Admission" ad ON ad.id = ba."admissionId" JOIN "Bed" b ON b.id = ba."bedId" JOIN "Room" r ON r.id = b."roomId" JOIN "Ward" w ON w.id = r."wardId"
            JOIN "User" u ON u.id = ad."attendingDoctorId"
          WHERE ad."patientId" = ${patientId} ORDER BY ba."startsAt" ${dir} LIMIT ${limit})`,
        Prisma.sql`(SELECT ad."dischargedAt", 'admission', ad.id, ${w.discharged} || coalesce(': ' || left(ad."dischargeSummary", 200), ''), NULL
          FROM "Admission" ad WHERE ad."patientId" = ${patientId} AND ad."dischargedAt" IS NOT NULL ORDER BY ad."dischargedAt" ${dir} LIMIT ${limit})`,
      ]
    : [];
  const branches = [...base, ...more];
  const rows = await prisma.$queryRaw<
    { at: Date; kind: TimelineKind; id: string; summary: string; flag: AbnormalFlag | null }[]
  >`
    SELECT at, kind, id, summary, flag FROM (${Prisma.join(branches, " UNION ALL ")}) t
    ORDER BY at ${dir}, (CASE kind WHEN 'registered' THEN 0 WHEN 'deactivated' THEN 2 ELSE 1 END) ${dir}, kind, id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`;
  const [{ total }] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT (
      (SELECT count(*) FROM "Allergy" WHERE "patientId" = ${patientId}) + 1
      + (SELECT count(*) FROM "Patient" WHERE id = ${patientId} AND "deactivatedAt" IS NOT NULL)
      ${
        clinical
          ? Prisma.sql`
      + (SELECT count(*) FROM "Condition" WHERE "patientId" = ${patientId})
      + (SELECT count(*) FROM "Consultation" c WHERE c."patientId" = ${patientId} ${signedOnly})
      + (SELECT count(*) FROM "VitalSign" WHERE "patientId" = ${patientId})
      + (SELECT count(*) FROM "NurseNote" WHERE "patientId" = ${patientId})
      + (SELECT count(*) FROM "LabOrder" WHERE "patientId" = ${patientId})
      + (SELECT count(*) FROM "LabOrder" WHERE "patientId" = ${patientId} AND status = 'RESULTED')
      + (SELECT count(*) FROM "Prescription" WHERE "patientId" = ${patientId})
      + (SELECT count(*) FROM "Appointment" WHERE "patientId" = ${patientId})
      + (SELECT count(*) FROM "Addendum" WHERE "patientId" = ${patientId} ${isPatient(ctx) ? Prisma.sql`AND "consultationId" IS NULL` : Prisma.empty})
      + (SELECT count(*) FROM "BedAssignment" ba JOIN "Admission" ad ON ad.id = ba."admissionId" WHERE ad."patientId" = ${patientId})
      + (SELECT count(*) FROM "Admission" WHERE "patientId" = ${patientId} AND "dischargedAt" IS NOT NULL)`
          : Prisma.empty
      }
    ) AS total`;
  const marks = await vitalsMarks(
    prisma,
    rows.filter((r) => r.kind === "vitals").map((r) => r.id),
    locale,
  );
  const link = (kind: TimelineKind, id: string) =>
    kind === "consultation"
      ? `/consultations/${id}`
      : kind === "admission" && can(ctx.actor.role, "admission.manage")
        ? `/admissions/${id}`
        : null;
  return {
    items: rows.map((r) => ({
      at: iso(r.at),
      kind: r.kind,
      id: r.id,
      summary: marks.get(r.id)?.summary(r.summary) ?? r.summary,
      flag: marks.get(r.id)?.flag ?? r.flag,
      link: link(r.kind, r.id),
    })),
    total: Number(total),
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * A set of vitals on the timeline (and so in the treatment-history export) says what the chart's
 * vitals table says: its NEWS2 with the band in words, and each value outside the adult normal range
 * named under its flag in words ("High: pulse, T"), not by colour alone. The set's flag is the
 * direction when every flagged value goes one way, else ABNORMAL; null when all are normal.
 */
async function vitalsMarks(
  prisma: Db,
  ids: string[],
  locale: Locale,
): Promise<Map<string, { flag: AbnormalFlag | null; summary: (base: string) => string }>> {
  if (!ids.length) return new Map();
  const m = catalog(locale).clinical;
  const w = m.timeline;
  const names: Record<FlaggedVital, string> = {
    systolic: w.bp,
    pulse: w.pulse,
    temperatureC: "T",
    respiratoryRate: w.rr,
    spo2: "SpO2",
  };
  const sets = await prisma.vitalSign.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      systolic: true,
      pulse: true,
      temperatureC: true,
      respiratoryRate: true,
      spo2: true,
      supplementalOxygen: true,
      news2Score: true,
      news2Band: true,
      news2Scale: true,
    },
  });
  return new Map(
    sets.map((v) => {
      const byFlag = { HIGH: [] as string[], LOW: [] as string[] };
      for (const field of FLAGGED_VITALS) {
        const f = vitalFlag(field, v[field], { scale2: v.news2Scale === 2, onOxygen: v.supplementalOxygen });
        if (f) byFlag[f].push(names[field]);
      }
      const flag: AbnormalFlag | null =
        byFlag.HIGH.length && byFlag.LOW.length
          ? "ABNORMAL"
          : byFlag.HIGH.length
            ? "HIGH"
            : byFlag.LOW.length
              ? "LOW"
              : null;
      const parts = [
        v.news2Score !== null && v.news2Band
          ? `${m.vitals.news2} ${v.news2Score} (${m.vitals.news2Bands[v.news2Band as News2Band]})`
          : null,
        ...(["HIGH", "LOW"] as const)
          .filter((k) => byFlag[k].length)
          .map((k) => m.phrases.vitalsFlagged(m.lab.flags[k], byFlag[k].join(", "))),
      ].filter((x): x is string => x !== null);
      return [v.id, { flag, summary: (base: string) => [base, ...parts].join(" · ") }];
    }),
  );
}

/** The nursing shift at an instant in the hospital's zone: day 07–15, evening 15–23, night otherwise. */
export function currentShift(now = clock.now()): "DAY" | "EVENING" | "NIGHT" {
  const hour = DateTime.fromJSDate(now, { zone: env().HOSPITAL_TIMEZONE }).hour;
  return hour >= 7 && hour < 15 ? "DAY" : hour >= 15 && hour < 23 ? "EVENING" : "NIGHT";
}

/** What the new-consultation page needs: the patient (and the doctor's own appointment, if any). */
export async function consultationTarget(prisma: Db, ctx: Ctx, target: { patientId?: string; appointmentId?: string }) {
  if (target.appointmentId) {
    const a = await prisma.appointment.findFirst({
      where: { id: target.appointmentId, doctorId: ctx.actor.id },
      select: {
        id: true,
        startsAt: true,
        status: true,
        consultation: { select: { id: true } },
        patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
      },
    });
    if (!a) throw notFound("appointment");
    return {
      patient: a.patient,
      appointment: {
        id: a.id,
        startsAt: iso(a.startsAt),
        status: a.status,
        consultationId: a.consultation?.id ?? null,
      },
    };
  }
  const p = await prisma.patient.findFirst({
    where: { id: target.patientId ?? "", active: true },
    select: { id: true, mrn: true, firstName: true, lastName: true },
  });
  if (!p) throw notFound("patient");
  return { patient: p, appointment: null };
}

/** The consultation written for an appointment, if any (the appointment page's link). */
export async function consultationIdForAppointment(prisma: Db, appointmentId: string): Promise<string | null> {
  return (await prisma.consultation.findUnique({ where: { appointmentId }, select: { id: true } }))?.id ?? null;
}

/** A doctor's checked-in or completed visits of the last two weeks still waiting for their consultation. */
export async function visitsAwaitingConsultation(prisma: Db, ctx: Ctx, take = 20) {
  const since = new Date(clock.now().getTime() - 14 * 86_400_000);
  const rows = await prisma.appointment.findMany({
    where: {
      doctorId: ctx.actor.id,
      status: { in: ["CHECKED_IN", "COMPLETED"] },
      startsAt: { gte: since },
      consultation: { is: null },
    },
    select: {
      id: true,
      startsAt: true,
      status: true,
      reason: true,
      patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
    },
    orderBy: { startsAt: "desc" },
    take,
  });
  return rows.map((a) => ({
    id: a.id,
    startsAt: iso(a.startsAt),
    status: a.status,
    reason: a.reason,
    patient: { id: a.patient.id, mrn: a.patient.mrn, name: `${a.patient.firstName} ${a.patient.lastName}` },
  }));
}
