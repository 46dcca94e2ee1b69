import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrescriptionStatus } from "@/lib/generated/prisma/enums";
import { chartOf, openChart, type ChartAccess } from "@/lib/patients/chart";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { appUrl } from "@/lib/server/env";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import type { Finding } from "./safety";
import type { PrescriptionFilters } from "./schemas";
import { effectiveStatus } from "./status";

/** Row-level scope: a patient sees only their own prescriptions; staff who may read them see all. */
export function prescriptionScope(ctx: Ctx): Prisma.PrescriptionWhereInput {
  return ctx.actor.role === "PATIENT" ? { patient: { userId: ctx.actor.id } } : {};
}

/** The stored-status condition for an effective status (EXPIRED is a live row past its expiry). */
export function statusWhere(status: PrescriptionStatus | undefined, now: Date): Prisma.PrescriptionWhereInput {
  if (!status) return {};
  if (status === "EXPIRED")
    return {
      OR: [{ status: "EXPIRED" }, { status: { in: ["ACTIVE", "PARTIALLY_DISPENSED"] }, expiresAt: { lte: now } }],
    };
  if (status === "ACTIVE" || status === "PARTIALLY_DISPENSED") return { status, expiresAt: { gt: now } };
  return { status };
}

const DRUG = { id: true, genericName: true, brandName: true, form: true, strength: true } satisfies Prisma.DrugSelect;

export const DETAIL = {
  id: true,
  number: true,
  status: true,
  issuedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokeReason: true,
  overrideReason: true,
  overrideAcknowledgedAt: true,
  overrideAcknowledgedBy: { select: { id: true, name: true } },
  findings: true,
  token: true,
  consultationId: true,
  patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
  prescriber: { select: { id: true, name: true } },
  items: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      dose: true,
      route: true,
      frequency: true,
      durationDays: true,
      quantity: true,
      dispensedQuantity: true,
      instructions: true,
      drug: { select: DRUG },
    },
  },
} satisfies Prisma.PrescriptionSelect;

export type DetailRow = Prisma.PrescriptionGetPayload<{ select: typeof DETAIL }>;

export const verifyUrl = (token: string) => `${appUrl()}/rx/${token}`;

/** A prescription as GET /prescriptions/{id} and the detail page show it. */
export function toDetail(p: DetailRow, now: Date) {
  return {
    id: p.id,
    number: p.number,
    status: effectiveStatus(p, now),
    issuedAt: p.issuedAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    revokedAt: p.revokedAt?.toISOString() ?? null,
    revokeReason: p.revokeReason,
    overrideReason: p.overrideReason,
    overrideAcknowledgement:
      p.overrideAcknowledgedAt && p.overrideAcknowledgedBy
        ? { at: p.overrideAcknowledgedAt.toISOString(), by: p.overrideAcknowledgedBy }
        : null,
    findings: p.findings as Finding[],
    verifyUrl: verifyUrl(p.token),
    consultationId: p.consultationId,
    patient: { id: p.patient.id, mrn: p.patient.mrn, name: `${p.patient.firstName} ${p.patient.lastName}` },
    prescriber: p.prescriber,
    items: p.items.map((i) => ({ ...i, instructions: i.instructions ?? null })),
  };
}
export type PrescriptionDetail = ReturnType<typeof toDetail>;

/** One prescription in the actor's scope (else NOT_FOUND); the read is audited. */
export async function getPrescription(prisma: Db, ctx: Ctx, id: string, view = "detail"): Promise<PrescriptionDetail> {
  const p = await prisma.prescription.findFirst({ where: { id, ...prescriptionScope(ctx) }, select: DETAIL });
  if (!p) throw notFound("prescription");
  await audit(prisma, ctx, {
    action: "VIEW",
    entity: "Prescription",
    entityId: p.id,
    patientId: p.patient.id,
    details: { view },
  });
  return toDetail(p, clock.now());
}

const SUMMARY = {
  id: true,
  status: true,
  issuedAt: true,
  expiresAt: true,
  patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
  prescriber: { select: { id: true, name: true } },
  items: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { drug: { select: { genericName: true, strength: true } } },
  },
} satisfies Prisma.PrescriptionSelect;

/** The chart opened for a patient's prescriptions list (the one audited view of that list). */
export const openPrescriptionsChart = (prisma: Db, ctx: Ctx, patientId: string) =>
  openChart(prisma, ctx, patientId, { need: "prescription.read", entity: "Prescription", details: { view: "list" } });

/**
 * Prescriptions the actor may see, newest first (or oldest with `desc: false`), filtered and paged:
 * one patient's (an opened chart, audited when opened), or across patients with one VIEW row per
 * patient shown, written in the read's transaction.
 */
export async function listPrescriptions(
  prisma: Db,
  ctx: Ctx,
  filter: { status?: PrescriptionFilters["status"]; chart?: ChartAccess },
  page: { skip: number; take: number; desc?: boolean },
) {
  const now = clock.now();
  const chart = filter.chart && chartOf(filter.chart);
  const where: Prisma.PrescriptionWhereInput = {
    AND: [prescriptionScope(ctx), statusWhere(filter.status, now), chart ? { patientId: chart.patientId } : {}],
  };
  const read = (db: Db) =>
    Promise.all([
      db.prescription.findMany({
        where,
        select: SUMMARY,
        orderBy: [{ issuedAt: page.desc === false ? "asc" : "desc" }, { id: "asc" }],
        skip: page.skip,
        take: page.take,
      }),
      db.prescription.count({ where }),
    ]);
  const [rows, total] = chart
    ? await read(prisma)
    : await auditedRead(prisma, read, (tx, [rows]) =>
        auditViews(tx, ctx, { entity: "Prescription", details: { view: "list" } }, rows),
      );
  return {
    items: rows.map((p) => ({
      id: p.id,
      status: effectiveStatus(p, now),
      issuedAt: p.issuedAt.toISOString(),
      expiresAt: p.expiresAt.toISOString(),
      patient: { id: p.patient.id, mrn: p.patient.mrn, name: `${p.patient.firstName} ${p.patient.lastName}` },
      prescriber: p.prescriber,
      drugs: p.items.map((i) => `${i.drug.genericName} ${i.drug.strength}`),
    })),
    total,
  };
}
export type PrescriptionSummary = Awaited<ReturnType<typeof listPrescriptions>>["items"][number];

/** Active catalogue drugs whose generic or brand name contains the text, for the prescribing form. */
export async function searchDrugs(prisma: Db, q: string, take = 12) {
  const rows = await prisma.drug.findMany({
    where: {
      active: true,
      OR: [{ genericName: { contains: q, mode: "insensitive" } }, { brandName: { contains: q, mode: "insensitive" } }],
    },
    select: { ...DRUG, drugClass: true },
    orderBy: [{ genericName: "asc" }, { form: "asc" }, { strength: "asc" }],
    take,
  });
  return rows.map((d) => ({
    id: d.id,
    label: `${d.genericName} ${d.strength} ${d.form}`,
    brandName: d.brandName,
    drugClass: d.drugClass,
  }));
}
export type DrugOption = Awaited<ReturnType<typeof searchDrugs>>[number];

/** What the prescribing form shows about the patient: name, MRN and recorded allergies. */
export async function prescribablePatient(prisma: Db, id: string) {
  const p = await prisma.patient.findFirst({
    where: { id, active: true },
    select: {
      id: true,
      mrn: true,
      firstName: true,
      lastName: true,
      dateOfBirth: true,
      allergies: { select: { substance: true, severity: true, reaction: true }, orderBy: { createdAt: "asc" } },
    },
  });
  return p
    ? {
        id: p.id,
        mrn: p.mrn,
        name: `${p.firstName} ${p.lastName}`,
        dateOfBirth: p.dateOfBirth.toISOString().slice(0, 10),
        allergies: p.allergies,
      }
    : null;
}

/** The consultation a prescription is written from, as the form names it (its date and doctor), if it is this patient's. */
export async function prescribingConsultation(prisma: Db, patientId: string, consultationId: string) {
  const c = await prisma.consultation.findFirst({
    where: { id: consultationId, patientId },
    select: { id: true, createdAt: true, doctor: { select: { name: true } } },
  });
  return c ? { id: c.id, createdAt: c.createdAt.toISOString(), doctor: c.doctor.name } : null;
}
