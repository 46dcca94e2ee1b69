import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { can, type Permission } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { patientScope, seesClinicalDetails } from "./scope";

// Access by construction: one patient's clinical data is read only through a ChartAccess, and the
// only way to get one is openChart, which checks the caller's permission and row scope once and
// writes the one audit VIEW row of the opening. A page or route that forgets the check cannot call
// a clinical read at all (it does not type-check), and a value forged with a cast is refused at
// run time (issued accesses are remembered). The shape of "break-the-glass"/consent checks in
// EHRs (OpenEMR's ACL + patient check before any chart query, Medplum's AccessPolicy applied by
// the repository rather than by each handler): the check lives where the data is reached.

declare const chartBrand: unique symbol;

const RECORD = {
  allergies: { orderBy: { createdAt: "asc" } },
  conditions: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.PatientInclude;
export type OpenedPatient = Prisma.PatientGetPayload<{ include: typeof RECORD }>;

/**
 * An opened chart: the patient the actor may read (with their allergies and conditions, read at
 * opening), the actor, and whether they see clinical details. Only openChart makes one.
 */
export type ChartAccess = {
  readonly [chartBrand]: true;
  readonly patientId: string;
  readonly ctx: Ctx;
  readonly patient: OpenedPatient;
  /** The actor sees clinical details (not records officers or pharmacists: demographics and allergies). */
  readonly clinical: boolean;
};

const issued = new WeakSet<object>();

export type OpenChartOptions = {
  /** The permission the read needs besides row scope (default patient.read: every role, patients their own). */
  need?: Permission;
  /** The audit row's entity (default "Patient", with the patient's id as entityId) and details. */
  entity?: string;
  details?: Prisma.InputJsonValue;
};

/**
 * Opens one patient's chart for the actor: the permission, then the row scope (a patient only their
 * own record; staff every record), then one audit VIEW row. Not allowed looks exactly like not
 * found (404), and writes nothing.
 */
export async function openChart(
  prisma: Db,
  ctx: Ctx,
  patientId: string,
  opts: OpenChartOptions = {},
): Promise<ChartAccess> {
  if (!can(ctx.actor.role, opts.need ?? "patient.read")) throw notFound("patient");
  const patient = await prisma.patient.findFirst({
    where: { id: patientId, ...patientScope(ctx.actor) },
    include: RECORD,
  });
  if (!patient) throw notFound("patient");
  const entity = opts.entity ?? "Patient";
  await audit(prisma, ctx, {
    action: "VIEW",
    entity,
    entityId: entity === "Patient" ? patient.id : null,
    patientId: patient.id,
    details: opts.details,
  });
  const access = {
    patientId: patient.id,
    ctx,
    patient,
    clinical: seesClinicalDetails(ctx.actor) && can(ctx.actor.role, "clinical.read"),
  } as ChartAccess;
  issued.add(access);
  return Object.freeze(access);
}

/**
 * The check every clinical read makes of its ChartAccess: issued by openChart (not a cast), and,
 * with `clinical`, for an actor who sees clinical details. Else not found, as for any refused read.
 */
export function chartOf(access: ChartAccess, opts: { clinical?: boolean } = {}): ChartAccess {
  if (!issued.has(access)) throw notFound("patient");
  if (opts.clinical && !access.clinical) throw notFound("patient");
  return access;
}
