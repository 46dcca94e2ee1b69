import type { Prisma } from "@/lib/generated/prisma/client";
import { en } from "@/lib/i18n/en";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { retryingConflicts } from "@/lib/server/errors-map";
import { can } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { E } from "@/lib/i18n/error-keys";

const m = E.merge.errors;

// ---------------------------------------------------------------------------------------------
// What a merge does with each column that points at a patient. Every foreign key to "Patient" and
// every column named …patientId (some tables keep one without a key) must be listed here:
// merge.int.test.ts reads them from the database and fails on one that is missing, so a new table
// cannot be forgotten. Adding a table that should follow the patient is one line: { how: "move" }.
//   move    — every row of the duplicate moves to the survivor (its children follow through their
//             own keys: appointment events, diagnoses, prescription items and dispenses, lab results,
//             bed assignments, invoice lines and payments…). Only the patient column changes, by one
//             UPDATE in SQL: authors, times, signatures, locks and updatedAt stay as they were.
//   dedupe  — as move, except rows the survivor already has (same key) stay on the duplicate.
//   keep    — never moves (says why).
// ---------------------------------------------------------------------------------------------

export type MergeKind =
  | "allergies"
  | "conditions"
  | "appointments"
  | "consultations"
  | "addenda"
  | "vitals"
  | "nurseNotes"
  | "labOrders"
  | "prescriptions"
  | "admissions"
  | "triage"
  | "invoices"
  | "exports"
  | "documents"
  | "aliases";

type Handling =
  | { how: "move"; kind: MergeKind }
  | { how: "dedupe"; kind: MergeKind; key: (alias: string) => string }
  | { how: "keep"; why: string };

export const MERGE_HANDLING: Record<string, Handling> = {
  // A substance with the same reaction and severity is one allergy; a different reaction or severity
  // is kept beside it (safer to show both than to choose).
  "Allergy.patientId": {
    how: "dedupe",
    kind: "allergies",
    key: (a) =>
      `concat_ws(E'\\x1f', lower(btrim(${a}.substance)), ${a}.severity::text, lower(btrim(coalesce(${a}.reaction, ''))))`,
  },
  // The same ICD-10 code, or without a code the same text, is one condition.
  "Condition.patientId": {
    how: "dedupe",
    kind: "conditions",
    key: (a) => `coalesce(upper(btrim(${a}.code)), lower(btrim(${a}.text)))`,
  },
  "Appointment.patientId": { how: "move", kind: "appointments" },
  "Consultation.patientId": { how: "move", kind: "consultations" },
  "Addendum.patientId": { how: "move", kind: "addenda" },
  "VitalSign.patientId": { how: "move", kind: "vitals" },
  "NurseNote.patientId": { how: "move", kind: "nurseNotes" },
  "LabOrder.patientId": { how: "move", kind: "labOrders" },
  "Prescription.patientId": { how: "move", kind: "prescriptions" },
  "Admission.patientId": { how: "move", kind: "admissions" },
  "Triage.patientId": { how: "move", kind: "triage" },
  "Invoice.patientId": { how: "move", kind: "invoices" },
  "Export.patientId": { how: "move", kind: "exports" },
  "Document.patientId": { how: "move", kind: "documents" },
  // Records merged earlier into the duplicate now point at the survivor (their MRNs open it).
  "Patient.mergedIntoId": { how: "move", kind: "aliases" },
  "AuditEvent.patientId": {
    how: "keep",
    why: "the audit trail is append-only: it says what happened to which record, as it happened",
  },
  "PatientConditionKey.patientId": {
    how: "keep",
    why: "derived from Condition and Patient by triggers (follows the moved conditions)",
  },
  "PatientMerge.survivorId": { how: "keep", why: "the history of merges" },
  "PatientMerge.duplicateId": { how: "keep", why: "the history of merges" },
  "DuplicatePair.patientAId": {
    how: "keep",
    why: "a pair the matcher found: the worklist leaves out pairs with a merged record",
  },
  "DuplicatePair.patientBId": {
    how: "keep",
    why: "a pair the matcher found: the worklist leaves out pairs with a merged record",
  },
  "PatientLinkRequest.patientId": {
    how: "keep",
    why: "the record an account request was resolved to, as it was decided",
  },
};

/** Every column of the database that refers to a patient: foreign keys to "Patient" and columns named …patientId. */
export async function patientReferences(db: Pick<Db, "$queryRaw">): Promise<string[]> {
  const rows = await db.$queryRaw<{ ref: string }[]>`
    SELECT cl.relname || '.' || a.attname AS ref
    FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = '"Patient"'::regclass
    UNION
    SELECT table_name || '.' || column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name ~* 'patientid$'
    ORDER BY 1`;
  return rows.map((r) => r.ref);
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;
const split = (ref: string) => {
  const [table, column] = ref.split(".");
  return { table: q(table), column: q(column) };
};
const moving = Object.entries(MERGE_HANDLING).filter(
  (e): e is [string, Extract<Handling, { how: "move" | "dedupe" }>] => e[1].how !== "keep",
);

type Tx = Prisma.TransactionClient;
const idsOf = async (tx: Tx, ref: string, patientId: string) => {
  const { table, column } = split(ref);
  return (
    await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM ${table} WHERE ${column} = $1 ORDER BY id`, patientId)
  ).map((r) => r.id);
};

// ---------------------------------------------------------------------------------------------

export type MergeSide = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  nationalId: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  hasAccount: boolean;
  mergedInto: { id: string; mrn: string } | null;
  counts: Partial<Record<MergeKind, number>>;
};
export type MergeConflict =
  | {
      kind: "appointment";
      duplicateRowId: string;
      survivorRowId: string;
      duplicateStartsAt: string;
      survivorStartsAt: string;
    }
  | {
      kind: "admission";
      duplicateRowId: string;
      survivorRowId: string;
      duplicateAdmittedAt: string;
      survivorAdmittedAt: string;
    }
  | { kind: "accounts" };
export type MergePlan = {
  survivor: MergeSide;
  duplicate: MergeSide;
  moves: { kind: MergeKind; count: number; alreadyOnSurvivor: number }[];
  account: "none" | "moves" | "stays";
  conflicts: MergeConflict[];
};

async function side(tx: Tx, id: string): Promise<MergeSide> {
  const p = await tx.patient.findUnique({
    where: { id },
    include: { mergedInto: { select: { id: true, mrn: true } } },
  });
  if (!p) throw notFound("patient");
  const counts: Partial<Record<MergeKind, number>> = {};
  for (const [ref, h] of moving) {
    const { table, column } = split(ref);
    const [{ n }] = await tx.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
      id,
    );
    counts[h.kind] = n;
  }
  return {
    id: p.id,
    mrn: p.mrn,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth.toISOString().slice(0, 10),
    sex: p.sex,
    nationalId: p.nationalId,
    phone: p.phone,
    email: p.email,
    active: p.active,
    hasAccount: p.userId !== null,
    mergedInto: p.mergedInto,
    counts,
  };
}

async function conflicts(
  tx: Tx,
  survivorId: string,
  duplicateId: string,
  accounts: { s: string | null; d: string | null },
): Promise<MergeConflict[]> {
  // The same overlaps the exclusion constraints refuse (Appointment_patient_no_overlap: live visits;
  // Admission_patient_no_overlap: any two stays), found before the UPDATE so they can be listed.
  const appts = await tx.$queryRaw<{ d: string; s: string; ds: Date; ss: Date }[]>`
    SELECT d.id AS d, s.id AS s, d."startsAt" AS ds, s."startsAt" AS ss FROM "Appointment" d
    JOIN "Appointment" s ON s."patientId" = ${survivorId} AND s.status IN ('BOOKED', 'CHECKED_IN')
      AND tsrange(s."startsAt", s."endsAt") && tsrange(d."startsAt", d."endsAt")
    WHERE d."patientId" = ${duplicateId} AND d.status IN ('BOOKED', 'CHECKED_IN') ORDER BY d."startsAt", s.id`;
  const stays = await tx.$queryRaw<{ d: string; s: string; ds: Date; ss: Date }[]>`
    SELECT d.id AS d, s.id AS s, d."admittedAt" AS ds, s."admittedAt" AS ss FROM "Admission" d
    JOIN "Admission" s ON s."patientId" = ${survivorId}
      AND tsrange(s."admittedAt", s."dischargedAt") && tsrange(d."admittedAt", d."dischargedAt")
    WHERE d."patientId" = ${duplicateId} ORDER BY d."admittedAt", s.id`;
  const out: MergeConflict[] = [
    ...appts.map((r) => ({
      kind: "appointment" as const,
      duplicateRowId: r.d,
      survivorRowId: r.s,
      duplicateStartsAt: r.ds.toISOString(),
      survivorStartsAt: r.ss.toISOString(),
    })),
    ...stays.map((r) => ({
      kind: "admission" as const,
      duplicateRowId: r.d,
      survivorRowId: r.s,
      duplicateAdmittedAt: r.ds.toISOString(),
      survivorAdmittedAt: r.ss.toISOString(),
    })),
  ];
  // Two sign-in accounts for one person: which one the patient keeps is theirs to say (a records
  // officer deactivates the other first), never the merge's guess.
  if (accounts.s && accounts.d) out.push({ kind: "accounts" });
  return out;
}

/** Locks both records, in id order (two merges of the same pair in opposite directions cannot deadlock). */
async function lockPair(tx: Tx, a: string, b: string) {
  await tx.$queryRaw`SELECT id FROM "Patient" WHERE id IN (${a}, ${b}) ORDER BY id FOR UPDATE`;
}

async function plan(tx: Tx, survivorId: string, duplicateId: string): Promise<MergePlan> {
  if (survivorId === duplicateId) throw new AppError("VALIDATION_FAILED", m.same, { fields: { duplicateId: m.same } });
  const [survivor, duplicate] = [await side(tx, survivorId), await side(tx, duplicateId)];
  if (survivor.mergedInto || !survivor.active) throw new AppError("INVALID_TRANSITION", m.survivorInactive);
  if (duplicate.mergedInto) throw new AppError("INVALID_TRANSITION", m.alreadyMerged(duplicate.mergedInto.mrn));
  const accounts = await tx.patient.findMany({
    where: { id: { in: [survivorId, duplicateId] } },
    select: { id: true, userId: true },
  });
  const s = accounts.find((a) => a.id === survivorId)!.userId;
  const d = accounts.find((a) => a.id === duplicateId)!.userId;
  const moves: MergePlan["moves"] = [];
  for (const [ref, h] of moving) {
    const total = duplicate.counts[h.kind] ?? 0;
    let already = 0;
    if (h.how === "dedupe" && total) {
      const { table, column } = split(ref);
      const [{ n }] = await tx.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${table} d WHERE d.${column} = $2 AND EXISTS (SELECT 1 FROM ${table} s WHERE s.${column} = $1 AND ${h.key("s")} = ${h.key("d")})`,
        survivorId,
        duplicateId,
      );
      already = n;
    }
    moves.push({ kind: h.kind, count: total - already, alreadyOnSurvivor: already });
  }
  return {
    survivor,
    duplicate,
    moves,
    account: d ? (s ? "stays" : "moves") : "none",
    conflicts: await conflicts(tx, survivorId, duplicateId, { s, d }),
  };
}

/** What the merge records: the ids it moved per column, the survivor's rows right after, and how to restore the duplicate. */
type Moved = {
  rows: Record<string, string[]>;
  survivorAfter: Record<string, string[]>;
  account: string | null;
  duplicateWas: { active: boolean; deactivatedAt: string | null; deactivationReason: string | null };
};

export type MergeResult = { merged: false; plan: MergePlan } | { merged: true; plan: MergePlan; mergeId: string };

/**
 * Merges the duplicate record into the survivor (records officers and admins: patient.merge). With
 * `preview`, nothing is written but the audit VIEW rows: the plan says what would move and what
 * conflicts. Otherwise, in one transaction with both records locked: conflicts refuse the merge
 * (409 MERGE_CONFLICT, listed); every row the handling map moves is moved; the duplicate is made
 * inactive with mergedIntoId; a PatientMerge row keeps the ids moved, for undo; one audit row on
 * each record names both MRNs.
 */
export async function mergePatients(
  prisma: Db,
  ctx: Ctx,
  survivorId: string,
  duplicateId: string,
  opts: { preview?: boolean } = {},
): Promise<MergeResult> {
  if (!can(ctx.actor.role, "patient.merge")) throw notFound("patient");
  return retryingConflicts(() =>
    prisma
      .$transaction(async (tx) => {
        if (!opts.preview) await lockPair(tx, survivorId, duplicateId);
        const p = await plan(tx, survivorId, duplicateId);
        if (opts.preview) {
          for (const id of [survivorId, duplicateId])
            await audit(tx, ctx, {
              action: "VIEW",
              entity: "PatientMerge",
              patientId: id,
              details: { preview: true, survivorMrn: p.survivor.mrn, duplicateMrn: p.duplicate.mrn },
            });
          return { merged: false as const, plan: p };
        }
        if (p.conflicts.length)
          throw new AppError("MERGE_CONFLICT", m.conflicts(p.conflicts.length), {
            details: { conflicts: p.conflicts },
          });
        const rows: Record<string, string[]> = {};
        for (const [ref, h] of moving) {
          const { table, column } = split(ref);
          const sql =
            h.how === "dedupe"
              ? `UPDATE ${table} d SET ${column} = $1 WHERE d.${column} = $2 AND NOT EXISTS (SELECT 1 FROM ${table} s WHERE s.${column} = $1 AND ${h.key("s")} = ${h.key("d")}) RETURNING d.id`
              : `UPDATE ${table} SET ${column} = $1 WHERE ${column} = $2 RETURNING id`;
          const moved = await tx.$queryRawUnsafe<{ id: string }[]>(sql, survivorId, duplicateId);
          if (moved.length) rows[ref] = moved.map((r) => r.id);
        }
        const dup = await tx.patient.findUniqueOrThrow({
          where: { id: duplicateId },
          select: { userId: true, active: true, deactivatedAt: true, deactivationReason: true },
        });
        const now = clock.now();
        // The account link is unique: taken off the duplicate before it is put on the survivor.
        await tx.patient.update({
          where: { id: duplicateId },
          data: {
            userId: null,
            active: false,
            mergedIntoId: survivorId,
            mergedAt: now,
            deactivatedAt: dup.active ? now : dup.deactivatedAt,
            deactivationReason: en.merge.errors.mergedReason(p.survivor.mrn),
          },
        });
        if (dup.userId) await tx.patient.update({ where: { id: survivorId }, data: { userId: dup.userId } });
        // The survivor's rows right after the merge (the duplicate itself included, now merged into it):
        // an undo first checks that nothing was added or taken since.
        const survivorAfter: Record<string, string[]> = {};
        for (const [ref] of moving) survivorAfter[ref] = await idsOf(tx, ref, survivorId);
        const moved: Moved = {
          rows,
          survivorAfter,
          account: dup.userId,
          duplicateWas: {
            active: dup.active,
            deactivatedAt: dup.deactivatedAt?.toISOString() ?? null,
            deactivationReason: dup.deactivationReason,
          },
        };
        const merge = await tx.patientMerge.create({
          data: {
            survivorId,
            duplicateId,
            survivorMrn: p.survivor.mrn,
            duplicateMrn: p.duplicate.mrn,
            moved: moved as unknown as Prisma.InputJsonValue,
            mergedById: ctx.actor.id,
            mergedAt: now,
          },
        });
        const counts = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]));
        for (const id of [survivorId, duplicateId])
          await audit(tx, ctx, {
            action: "UPDATE",
            entity: "PatientMerge",
            entityId: merge.id,
            patientId: id,
            details: {
              merge: "merged",
              survivorMrn: p.survivor.mrn,
              duplicateMrn: p.duplicate.mrn,
              moved: counts,
              account: dup.userId ? "moved" : null,
            },
          });
        return { merged: true as const, plan: p, mergeId: merge.id };
      })
      .catch((err: unknown) => {
        // The exclusion constraints have the last word on overlaps that appeared after the plan was read.
        if (isExclusionViolation(err)) throw new AppError("MERGE_CONFLICT", m.conflicts(1));
        throw err;
      }),
  );
}

function isExclusionViolation(err: unknown): boolean {
  for (
    let e = err as { code?: string; originalCode?: string; cause?: unknown } | undefined, i = 0;
    e && i < 5;
    e = e.cause as typeof e, i++
  )
    if (
      e.code === "23P01" ||
      e.originalCode === "23P01" ||
      (typeof (e as { message?: unknown }).message === "string" &&
        /exclusion constraint/.test((e as { message: string }).message))
    )
      return true;
  return false;
}

export const UNDO_DAYS = 30;

/** The merge an admin may still undo on this survivor: the latest live one, within UNDO_DAYS. */
export async function undoableMerge(prisma: Db, survivorId: string) {
  const since = new Date(clock.now().getTime() - UNDO_DAYS * 86_400_000);
  return prisma.patientMerge.findFirst({
    where: { survivorId, undoneAt: null, mergedAt: { gte: since } },
    orderBy: { mergedAt: "desc" },
    select: { id: true, duplicateId: true, duplicateMrn: true, survivorMrn: true, mergedAt: true },
  });
}

/**
 * Undoes a merge (admins: patient.merge.undo), within UNDO_DAYS and only while nothing was added to
 * either record since: exactly the rows it moved go back, the account link too, and the duplicate
 * is active again as it was. Refused (409 INVALID_TRANSITION, with the reason) when a row was added
 * to or taken from the survivor since the merge, or a write was audited on either record since (a
 * new row would have to be assigned to one of two people by guesswork), when it is older than
 * UNDO_DAYS, already undone, or the survivor has since been merged itself.
 */
export async function undoMerge(prisma: Db, ctx: Ctx, survivorId: string, mergeId: string) {
  if (!can(ctx.actor.role, "patient.merge.undo")) throw notFound("merge");
  return retryingConflicts(() =>
    prisma.$transaction(async (tx) => {
      const merge = await tx.patientMerge.findFirst({ where: { id: mergeId, survivorId } });
      if (!merge) throw notFound("merge");
      await lockPair(tx, merge.survivorId, merge.duplicateId);
      const live = await tx.patientMerge.findUniqueOrThrow({ where: { id: merge.id } });
      if (live.undoneAt) throw new AppError("INVALID_TRANSITION", m.undoDone);
      if (clock.now().getTime() - live.mergedAt.getTime() > UNDO_DAYS * 86_400_000)
        throw new AppError("INVALID_TRANSITION", m.undoTooOld(UNDO_DAYS));
      const survivor = await tx.patient.findUniqueOrThrow({
        where: { id: survivorId },
        select: { mergedIntoId: true, userId: true },
      });
      if (survivor.mergedIntoId) throw new AppError("INVALID_TRANSITION", m.undoSurvivorMerged);
      const moved = live.moved as unknown as Moved;
      for (const [ref] of moving) {
        const now = await idsOf(tx, ref, survivorId);
        const then = moved.survivorAfter[ref] ?? [];
        if (now.length !== then.length || now.some((id, i) => id !== then[i]))
          throw new AppError("INVALID_TRANSITION", m.undoNewData);
      }
      const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "AuditEvent" WHERE "patientId" IN (${merge.survivorId}, ${merge.duplicateId}) AND at > ${live.mergedAt}
          AND action NOT IN ('VIEW', 'LOGIN', 'LOGOUT') AND NOT (entity = 'PatientMerge' AND "entityId" = ${merge.id})`;
      if (n > 0) throw new AppError("INVALID_TRANSITION", m.undoNewData);
      for (const [ref, ids] of Object.entries(moved.rows)) {
        if (!MERGE_HANDLING[ref] || MERGE_HANDLING[ref].how === "keep") continue;
        const { table, column } = split(ref);
        await tx.$executeRawUnsafe(
          `UPDATE ${table} SET ${column} = $1 WHERE id = ANY($3::text[]) AND ${column} = $2`,
          merge.duplicateId,
          survivorId,
          ids,
        );
      }
      if (moved.account && survivor.userId === moved.account)
        await tx.patient.update({ where: { id: survivorId }, data: { userId: null } });
      const was = moved.duplicateWas;
      await tx.patient.update({
        where: { id: merge.duplicateId },
        data: {
          mergedIntoId: null,
          mergedAt: null,
          active: was.active,
          deactivatedAt: was.deactivatedAt ? new Date(was.deactivatedAt) : null,
          deactivationReason: was.deactivationReason,
          ...(moved.account && survivor.userId === moved.account ? { userId: moved.account } : {}),
        },
      });
      await tx.patientMerge.update({
        where: { id: merge.id },
        data: { undoneAt: clock.now(), undoneById: ctx.actor.id },
      });
      for (const id of [survivorId, merge.duplicateId])
        await audit(tx, ctx, {
          action: "UPDATE",
          entity: "PatientMerge",
          entityId: merge.id,
          patientId: id,
          details: { merge: "undone", survivorMrn: merge.survivorMrn, duplicateMrn: merge.duplicateMrn },
        });
      return { id: merge.id, survivorId, duplicateId: merge.duplicateId, undone: true as const };
    }),
  );
}

/** Where a record merged into another now lives (its survivor, following later merges), or null. */
export async function survivorOf(prisma: Pick<Db, "patient">, id: string): Promise<{ id: string; mrn: string } | null> {
  let current = await prisma.patient.findUnique({
    where: { id },
    select: { mergedInto: { select: { id: true, mrn: true, mergedIntoId: true } } },
  });
  let found: { id: string; mrn: string } | null = null;
  for (let i = 0; current?.mergedInto && i < 10; i++) {
    found = { id: current.mergedInto.id, mrn: current.mergedInto.mrn };
    if (!current.mergedInto.mergedIntoId) break;
    current = await prisma.patient.findUnique({
      where: { id: current.mergedInto.id },
      select: { mergedInto: { select: { id: true, mrn: true, mergedIntoId: true } } },
    });
  }
  return found;
}
