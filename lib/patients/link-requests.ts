import type { Sex } from "@/lib/generated/prisma/enums";
import { audit, auditedRead, auditViews, type AuditCtx } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import type { Match, MatchReason } from "./matching";
import { clock } from "@/lib/server/clock";
import { E } from "@/lib/i18n/error-keys";

// Verified self-registration: an account whose identity the matcher finds POSSIBLE or CERTAIN in
// an existing record gets no record of its own. It is held as a PatientLinkRequest (PENDING) until
// a records officer links it to the right existing record (Patient.userId) or says the person is new
// (a new record, and the candidate pairs dismissed). Meanwhile the patient's pages say "we are
// matching your account to your hospital record" and /api/v1/patients/me answers 409 PENDING_LINK:
// the account is never shown anyone's data.

const e = E.duplicates.errors;
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export type LinkCandidate = { patientId: string; score: number; level: string; reasons: MatchReason[] };

/** Holds a new self-registered account for a link (in the registration's transaction). */
export async function holdForLink(
  tx: Db,
  ctx: AuditCtx,
  user: { id: string },
  who: { firstName: string; lastName: string; dateOfBirth: string; sex: Sex; phone?: string | null; email: string },
  matches: Match[],
) {
  const candidates: LinkCandidate[] = matches.map((m) => ({
    patientId: m.patientId,
    score: m.score,
    level: m.level,
    reasons: m.reasons,
  }));
  const request = await tx.patientLinkRequest.create({
    data: {
      userId: user.id,
      firstName: who.firstName,
      lastName: who.lastName,
      dateOfBirth: day(who.dateOfBirth),
      sex: who.sex,
      phone: who.phone ?? null,
      email: who.email,
      candidates,
    },
    select: { id: true },
  });
  await audit(tx, ctx, {
    action: "CREATE",
    entity: "PatientLinkRequest",
    entityId: request.id,
    details: { candidates: candidates.map((c) => ({ patientId: c.patientId, score: c.score })) },
  });
  return request;
}

/** Whether a PATIENT account without a record is waiting for a records officer to link it. */
export async function isPendingLink(prisma: Db, userId: string): Promise<boolean> {
  const r = await prisma.patientLinkRequest.findUnique({ where: { userId }, select: { status: true } });
  return r?.status === "PENDING";
}

/** The error of a patient's own-record endpoints while the account waits for its link. */
export const pendingLink = () => new AppError("PENDING_LINK", e.pendingLink);

export type CandidateRecord = LinkCandidate & {
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  phone: string | null;
};
export type LinkRequestRow = {
  id: string;
  createdAt: string;
  account: {
    userId: string;
    email: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    sex: string;
    phone: string | null;
  };
  candidates: CandidateRecord[];
};

/** Pending link requests, oldest first (the person is waiting), with their candidate records (active ones). */
export async function listLinkRequests(
  prisma: Db,
  opts: { userId?: string; take?: number } = {},
): Promise<LinkRequestRow[]> {
  const requests = await prisma.patientLinkRequest.findMany({
    where: { status: "PENDING", ...(opts.userId ? { userId: opts.userId } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: opts.take ?? 50,
  });
  const ids = [...new Set(requests.flatMap((r) => (r.candidates as LinkCandidate[]).map((c) => c.patientId)))];
  const records = ids.length
    ? await prisma.patient.findMany({
        where: { id: { in: ids }, active: true },
        select: {
          id: true,
          mrn: true,
          firstName: true,
          lastName: true,
          dateOfBirth: true,
          sex: true,
          phone: true,
          userId: true,
        },
      })
    : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  return requests.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    account: {
      userId: r.userId,
      email: r.email,
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: iso(r.dateOfBirth),
      sex: r.sex,
      phone: r.phone,
    },
    candidates: (r.candidates as LinkCandidate[]).flatMap((c) => {
      const p = byId.get(c.patientId);
      // A record already linked to another account cannot take this one.
      return p && !p.userId
        ? [
            {
              ...c,
              mrn: p.mrn,
              firstName: p.firstName,
              lastName: p.lastName,
              dateOfBirth: iso(p.dateOfBirth),
              sex: p.sex,
              phone: p.phone,
            },
          ]
        : [];
    }),
  }));
}

/** The pending links as staff read them: one VIEW audit row per candidate record shown. */
export async function readLinkRequests(prisma: Db, ctx: Ctx, opts: { userId?: string; take?: number } = {}) {
  return auditedRead(
    prisma,
    (tx) => listLinkRequests(tx, opts),
    (tx, rows) =>
      auditViews(
        tx,
        ctx,
        { entity: "Patient", details: { list: "linkRequests" } },
        rows.flatMap((r) => r.candidates.map((c) => ({ patientId: c.patientId }))),
      ),
  );
}

export type Resolution = { action: "link"; patientId: string } | { action: "new" };

/**
 * Resolves a pending request: link the account to one of its candidate records, or give it a new
 * record (and dismiss its candidate pairs: the officer has decided they are other people). The
 * request row is locked, so two officers resolving at once do it once (the second gets 409).
 */
export async function resolveLinkRequest(
  prisma: Db,
  ctx: Ctx,
  requestId: string,
  resolution: Resolution,
): Promise<{ id: string; mrn: string }> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "PatientLinkRequest" WHERE id = ${requestId} FOR UPDATE`;
    if (!locked.length) throw notFound("link request");
    const req = await tx.patientLinkRequest.findUniqueOrThrow({ where: { id: requestId } });
    if (req.status !== "PENDING") throw new AppError("INVALID_TRANSITION", e.alreadyResolved);
    const candidates = req.candidates as LinkCandidate[];
    let patient: { id: string; mrn: string };
    if (resolution.action === "link") {
      if (!candidates.some((c) => c.patientId === resolution.patientId))
        throw new AppError("VALIDATION_FAILED", e.notACandidate, { fields: { patientId: e.notACandidate } });
      // Only an active record without an account: the database decides (Patient.userId is unique).
      const linked = await tx.patient.updateMany({
        where: { id: resolution.patientId, active: true, userId: null },
        data: { userId: req.userId },
      });
      if (!linked.count) throw new AppError("INVALID_TRANSITION", e.recordTaken);
      patient = await tx.patient.findUniqueOrThrow({
        where: { id: resolution.patientId },
        select: { id: true, mrn: true },
      });
      await audit(tx, ctx, {
        action: "UPDATE",
        entity: "Patient",
        entityId: patient.id,
        patientId: patient.id,
        details: { linkedAccount: req.userId, linkRequest: req.id },
      });
    } else {
      patient = await tx.patient.create({
        data: {
          firstName: req.firstName,
          lastName: req.lastName,
          dateOfBirth: req.dateOfBirth,
          sex: req.sex,
          phone: req.phone,
          email: req.email,
          userId: req.userId,
          createdById: ctx.actor.id,
        },
        select: { id: true, mrn: true },
      });
      await audit(tx, ctx, {
        action: "CREATE",
        entity: "Patient",
        entityId: patient.id,
        patientId: patient.id,
        details: { selfRegistered: true, linkRequest: req.id },
      });
      const pairs = candidates.map((c) =>
        c.patientId < patient.id ? [c.patientId, patient.id] : [patient.id, c.patientId],
      );
      if (pairs.length) {
        await tx.dismissedDuplicatePair.createMany({
          data: pairs.map(([a, b]) => ({ patientAId: a, patientBId: b, dismissedById: ctx.actor.id })),
          skipDuplicates: true,
        });
      }
    }
    await tx.patientLinkRequest.update({
      where: { id: req.id },
      data: {
        status: resolution.action === "link" ? "LINKED" : "NEW_RECORD",
        patientId: patient.id,
        resolvedById: ctx.actor.id,
        resolvedAt: clock.now(),
      },
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "PatientLinkRequest",
      entityId: req.id,
      patientId: patient.id,
      details: { resolution: resolution.action },
    });
    return patient;
  });
}

/** The pending request of a record's candidate, for the check-in desk (null when none). */
export async function pendingLinkFor(prisma: Db, patientId: string): Promise<{ id: string } | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "PatientLinkRequest"
    WHERE status = 'PENDING' AND candidates @> ${JSON.stringify([{ patientId }])}::jsonb
    ORDER BY "createdAt" LIMIT 1`;
  return rows[0] ?? null;
}
