import { Prisma } from "@/lib/generated/prisma/client";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { findMatches, type Identity, type Match, type MatchReason } from "./matching";

// The possible-duplicates worklist. Pairs are found when a record is created (recordDuplicatePairs,
// in the creating transaction) and stored once per unordered pair, so reading the list is one
// indexed query. A pair a records officer dismissed ("not a duplicate") is kept in
// DismissedDuplicatePair under the same ordered pair of ids and never listed again, even if the
// pair is found again later. Pending account links (self-registrations the matcher held) are
// listed beside the pairs: see lib/patients/link-requests.ts.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/**
 * Stores the pairs (this record, each existing record the matcher scores POSSIBLE or above). Safe to
 * run twice: the unique pair key absorbs a repeat. Returns the matches.
 */
export async function recordDuplicatePairs(tx: Db, patientId: string, who: Identity): Promise<Match[]> {
  const matches = await findMatches(tx, who, { excludeId: patientId, limit: 20 });
  if (matches.length) {
    await tx.duplicatePair.createMany({
      data: matches.map((m) => {
        const [a, b] = ordered(patientId, m.patientId);
        return { patientAId: a, patientBId: b, score: m.score, reasons: m.reasons };
      }),
      skipDuplicates: true,
    });
  }
  return matches;
}

export type PairSide = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  phone: string | null;
  email: string | null;
  createdAt: string;
};
export type DuplicatePairRow = {
  id: string;
  score: number;
  reasons: MatchReason[];
  createdAt: string;
  /** The older record (the likely survivor of a merge) and the newer one. */
  survivor: PairSide;
  duplicate: PairSide;
  mergeUrl: string;
};

type RawPair = { id: string; score: number; reasons: string[]; createdAt: Date; total: bigint } & Record<
  `${"a" | "b"}_${"id" | "mrn" | "firstName" | "lastName" | "phone" | "email" | "sex"}`,
  string
> & {
    a_dateOfBirth: Date;
    b_dateOfBirth: Date;
    a_createdAt: Date;
    b_createdAt: Date;
  };

const side = (r: RawPair, s: "a" | "b"): PairSide => ({
  id: r[`${s}_id`],
  mrn: r[`${s}_mrn`],
  firstName: r[`${s}_firstName`],
  lastName: r[`${s}_lastName`],
  dateOfBirth: iso(r[`${s}_dateOfBirth`]),
  sex: r[`${s}_sex`],
  phone: r[`${s}_phone`],
  email: r[`${s}_email`],
  createdAt: r[`${s}_createdAt`].toISOString(),
});

/** The merge page of a pair: the older record survives by default. */
export const mergeUrl = (survivorId: string, duplicateId: string) =>
  `/patients/${encodeURIComponent(survivorId)}/merge?duplicateId=${encodeURIComponent(duplicateId)}`;

/** Open pairs (both records active, not dismissed), newest first, paged. Not audited: see readDuplicatePairs. */
export async function listDuplicatePairs(
  prisma: Db,
  page: { skip: number; take: number },
): Promise<{ items: DuplicatePairRow[]; total: number }> {
  const cols = (s: "a" | "b") =>
    Prisma.raw(
      `${["id", "mrn", "firstName", "lastName", "dateOfBirth", "phone", "email", "createdAt"].map((c) => `${s}."${c}" AS "${s}_${c}"`).join(", ")}, ${s}.sex::text AS "${s}_sex"`,
    );
  const rows = await prisma.$queryRaw<RawPair[]>`
    SELECT d.id, d.score, d.reasons, d."createdAt", ${cols("a")}, ${cols("b")}, count(*) OVER () AS total
    FROM "DuplicatePair" d
    JOIN "Patient" a ON a.id = d."patientAId" AND a.active
    JOIN "Patient" b ON b.id = d."patientBId" AND b.active
    WHERE NOT EXISTS (SELECT 1 FROM "DismissedDuplicatePair" x WHERE x."patientAId" = d."patientAId" AND x."patientBId" = d."patientBId")
    ORDER BY d."createdAt" DESC, d.id DESC
    LIMIT ${page.take} OFFSET ${page.skip}`;
  const total = rows.length ? Number(rows[0].total) : page.skip > 0 ? await countOpenPairs(prisma) : 0;
  return {
    total,
    items: rows.map((r) => {
      const [x, y] = [side(r, "a"), side(r, "b")];
      const [survivor, duplicate] = x.createdAt <= y.createdAt ? [x, y] : [y, x];
      return {
        id: r.id,
        score: r.score,
        reasons: r.reasons as MatchReason[],
        createdAt: r.createdAt.toISOString(),
        survivor,
        duplicate,
        mergeUrl: mergeUrl(survivor.id, duplicate.id),
      };
    }),
  };
}

async function countOpenPairs(prisma: Db): Promise<number> {
  const [{ n }] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "DuplicatePair" d
    JOIN "Patient" a ON a.id = d."patientAId" AND a.active
    JOIN "Patient" b ON b.id = d."patientBId" AND b.active
    WHERE NOT EXISTS (SELECT 1 FROM "DismissedDuplicatePair" x WHERE x."patientAId" = d."patientAId" AND x."patientBId" = d."patientBId")`;
  return Number(n);
}

/** The worklist as a records officer reads it: one VIEW audit row per patient shown, in the read's transaction. */
export async function readDuplicatePairs(prisma: Db, ctx: Ctx, page: { skip: number; take: number }) {
  return auditedRead(
    prisma,
    (tx) => listDuplicatePairs(tx, page),
    (tx, r) =>
      auditViews(
        tx,
        ctx,
        { entity: "Patient", details: { list: "duplicates" } },
        r.items.flatMap((p) => [{ patientId: p.survivor.id }, { patientId: p.duplicate.id }]),
      ),
  );
}

/**
 * "Not a duplicate": the pair is never listed again. The database decides a race (the unique
 * ordered pair); dismissing twice is not an error. Unknown pair: 404.
 */
export async function dismissPair(prisma: Db, ctx: Ctx, pairId: string): Promise<{ id: string; dismissed: true }> {
  return prisma.$transaction(async (tx) => {
    const pair = await tx.duplicatePair.findUnique({
      where: { id: pairId },
      select: { id: true, patientAId: true, patientBId: true },
    });
    if (!pair) throw notFound("duplicate pair");
    const inserted = await tx.dismissedDuplicatePair.createMany({
      data: [{ patientAId: pair.patientAId, patientBId: pair.patientBId, dismissedById: ctx.actor.id }],
      skipDuplicates: true,
    });
    if (inserted.count) {
      for (const patientId of [pair.patientAId, pair.patientBId]) {
        await audit(tx, ctx, {
          action: "UPDATE",
          entity: "DuplicatePair",
          entityId: pair.id,
          patientId,
          details: { dismissed: true, pair: [pair.patientAId, pair.patientBId] },
        });
      }
    }
    return { id: pair.id, dismissed: true as const };
  });
}
