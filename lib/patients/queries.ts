import { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/server/api";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { bloodGroupLabel } from "./schemas";
import { patientScope, seesClinicalDetails } from "./scope";

export const PATIENT_SORTS = ["lastName", "mrn", "createdAt", "dateOfBirth"] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];

export type PatientRow = { id: string; mrn: string; firstName: string; lastName: string; dateOfBirth: string; sex: string; phone: string | null };

const iso = (d: Date) => d.toISOString().slice(0, 10);
// Whitelisted columns and directions only: safe to splice as raw SQL.
const SORT_COLUMNS: Record<PatientSort, string[]> = {
  lastName: ['p."lastName"', 'p."firstName"', "p.id"],
  mrn: ["p.mrn"],
  createdAt: ['p."createdAt"', "p.id"],
  dateOfBirth: ['p."dateOfBirth"', "p.id"],
};
function orderBy(sort: ListQuery<PatientSort>["sort"]): Prisma.Sql {
  const dir = sort.dir === "desc" ? "DESC" : "ASC";
  return Prisma.raw(SORT_COLUMNS[sort.field].map((c) => `${c} ${dir}`).join(", "));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The search condition: an MRN or phone prefix, or every name word matching a first or last name
 * by prefix or by trigram similarity (typos). Served by the trigram GIN indexes of the migration.
 */
function searchSql(q: string): Prisma.Sql {
  const trimmed = q.trim();
  if (!trimmed) return Prisma.sql`TRUE`;
  const digits = trimmed.replace(/[\s()-]/g, "");
  if (/^h-?\d+$/i.test(trimmed)) {
    const num = trimmed.replace(/^h-?/i, "");
    return Prisma.sql`p.mrn LIKE ${`H-${escapeLike(num.padStart(Math.min(6, num.length), "0"))}%`}`;
  }
  if (/^\+?\d{3,}$/.test(digits)) {
    return Prisma.sql`(p.phone LIKE ${`${escapeLike(digits)}%`} OR p.mrn LIKE ${`%${escapeLike(digits)}%`})`;
  }
  const words = trimmed.split(/\s+/).slice(0, 4);
  return Prisma.join(
    words.map((w) => {
      const prefix = `${escapeLike(w)}%`;
      return Prisma.sql`(p."lastName" ILIKE ${prefix} OR p."firstName" ILIKE ${prefix} OR p."lastName" % ${w} OR p."firstName" % ${w})`;
    }),
    " AND ",
  );
}

/** Staff list: active patients, search over name, MRN and phone, filter by condition, paged. */
export async function listPatients(
  prisma: Db,
  query: ListQuery<PatientSort> & { condition?: string },
): Promise<{ items: PatientRow[]; total: number }> {
  const where = Prisma.sql`p.active AND ${searchSql(query.q)} ${
    query.condition
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Condition" c WHERE c."patientId" = p.id AND c.text ILIKE ${`%${escapeLike(query.condition)}%`})`
      : Prisma.empty
  }`;
  const [rows, [{ count }]] = await Promise.all([
    prisma.$queryRaw<(Omit<PatientRow, "dateOfBirth"> & { dateOfBirth: Date })[]>`
      SELECT p.id, p.mrn, p."firstName", p."lastName", p."dateOfBirth", p.sex::text AS sex, p.phone
      FROM "Patient" p WHERE ${where} ORDER BY ${orderBy(query.sort)} LIMIT ${query.take} OFFSET ${query.skip}`,
    prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "Patient" p WHERE ${where}`,
  ]);
  return { items: rows.map((r) => ({ ...r, dateOfBirth: iso(r.dateOfBirth) })), total: Number(count) };
}

/** The newest registrations, for clinicians' dashboards. */
export async function recentPatients(prisma: Db, take = 5): Promise<PatientRow[]> {
  const rows = await prisma.patient.findMany({
    where: { active: true },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, mrn: true, firstName: true, lastName: true, dateOfBirth: true, sex: true, phone: true },
  });
  return rows.map((r) => ({ ...r, dateOfBirth: iso(r.dateOfBirth) }));
}

/** The patient record linked to a PATIENT user, for their own pages. */
export async function ownPatientRecord(prisma: Db, userId: string) {
  return prisma.patient.findUnique({ where: { userId }, select: { id: true, mrn: true, firstName: true, lastName: true } });
}

export function ageOn(dateOfBirth: string, today = new Date()): number {
  const [y, mo, d] = dateOfBirth.split("-").map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d)) age--;
  return age;
}

/**
 * One patient's record as the actor may see it, and an audit VIEW row for the read. Out of scope
 * (another patient's record) looks exactly like a missing one.
 */
export async function readPatient(prisma: Db, ctx: Ctx, id: string) {
  const p = await prisma.patient.findFirst({
    where: { id, ...patientScope(ctx.actor) },
    include: { allergies: { orderBy: { createdAt: "asc" } }, conditions: { orderBy: { createdAt: "asc" } } },
  });
  if (!p) throw notFound("patient");
  await audit(prisma, ctx, { action: "VIEW", entity: "Patient", entityId: p.id, patientId: p.id });
  const dateOfBirth = iso(p.dateOfBirth);
  const demographics = {
    id: p.id,
    mrn: p.mrn,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth,
    age: ageOn(dateOfBirth),
    sex: p.sex,
    nationalId: p.nationalId,
    phone: p.phone,
    email: p.email,
    address: p.address,
    emergencyContact: { name: p.emergencyContactName, phone: p.emergencyContactPhone, relation: p.emergencyContactRelation },
    active: p.active,
    deactivationReason: p.deactivationReason,
    qrToken: p.qrToken,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    allergies: p.allergies.map(({ id: aid, substance, drugClass, reaction, severity }) => ({ id: aid, substance, drugClass, reaction, severity })),
  };
  if (!seesClinicalDetails(ctx.actor)) return { ...demographics, clinical: null };
  return {
    ...demographics,
    clinical: {
      bloodGroup: bloodGroupLabel(p.bloodGroup),
      medicalHistory: p.medicalHistory,
      conditions: p.conditions.map(({ id: cid, text, code }) => ({ id: cid, text, code })),
    },
  };
}
export type PatientRecord = Awaited<ReturnType<typeof readPatient>>;

export type HistoryEvent = { at: string; kind: "registered" | "allergy" | "condition" | "deactivated"; summary: string };

/** The record's history in time order (audited read): what exists so far (later domains add visits, labs …). */
export async function patientHistory(prisma: Db, ctx: Ctx, id: string): Promise<HistoryEvent[]> {
  return historyOf(prisma, await readPatient(prisma, ctx, id));
}

/** The history of a record the caller has already read (and audited). */
export async function historyOf(prisma: Db, record: PatientRecord): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [{ at: record.createdAt, kind: "registered", summary: `Registered as ${record.mrn}` }];
  const rows = await prisma.patient.findUniqueOrThrow({
    where: { id: record.id },
    select: { deactivatedAt: true, allergies: { select: { substance: true, createdAt: true } }, conditions: { select: { text: true, createdAt: true } } },
  });
  for (const a of rows.allergies) events.push({ at: a.createdAt.toISOString(), kind: "allergy", summary: `Allergy recorded: ${a.substance}` });
  if (record.clinical) for (const c of rows.conditions) events.push({ at: c.createdAt.toISOString(), kind: "condition", summary: `Condition recorded: ${c.text}` });
  if (rows.deactivatedAt) events.push({ at: rows.deactivatedAt.toISOString(), kind: "deactivated", summary: `Record deactivated: ${record.deactivationReason ?? ""}` });
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

/** The chart behind a wristband QR code (staff only; the token itself carries no data). */
export async function patientIdByQrToken(prisma: Db, token: string): Promise<string | null> {
  const p = await prisma.patient.findUnique({ where: { qrToken: token }, select: { id: true } });
  return p?.id ?? null;
}

/** New registrations per day over the last `days` days, for the admin dashboard chart. */
export async function registrationsPerDay(prisma: Db, days = 30): Promise<{ day: string; count: number }[]> {
  const rows = await prisma.$queryRaw<{ day: Date; count: bigint }[]>`
    SELECT d::date AS day, count(p.id) AS count
    FROM generate_series(current_date - ${days - 1}::int, current_date, interval '1 day') d
    LEFT JOIN "Patient" p ON p."createdAt" >= d AND p."createdAt" < d + interval '1 day'
    GROUP BY d ORDER BY d`;
  return rows.map((r) => ({ day: iso(r.day), count: Number(r.count) }));
}
