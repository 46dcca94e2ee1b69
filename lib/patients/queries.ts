import { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/server/api";
import type { Db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { chartOf, openChart, type ChartAccess } from "./chart";
import { bloodGroupLabel } from "./schemas";
import { seesClinicalDetails } from "./scope";
import { escapeLike } from "@/lib/server/like";
import { MAX_SEARCH_WORDS } from "@/lib/server/search-limits";
import { auditedRead, auditViews } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";

export const PATIENT_SORTS = ["lastName", "mrn", "createdAt", "dateOfBirth"] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];

export type PatientRow = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  phone: string | null;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
// Names sort case-insensitively, in byte order: exactly the order of Patient_name_key_idx (see its
// migration), so a page of a broad name search reads a few index entries instead of sorting every match.
const LAST_KEY = 'lower(p."lastName") COLLATE "C"';
const FIRST_KEY = 'lower(p."firstName") COLLATE "C"';
// Whitelisted columns and directions only: safe to splice as raw SQL.
const SORT_COLUMNS: Record<PatientSort, string[]> = {
  lastName: [LAST_KEY, FIRST_KEY, "p.id"],
  mrn: ["p.mrn"],
  createdAt: ['p."createdAt"', "p.id"],
  dateOfBirth: ['p."dateOfBirth"', "p.id"],
};
function orderBy(sort: ListQuery<PatientSort>["sort"], alias = false): Prisma.Sql {
  const dir = sort.dir === "desc" ? "DESC" : "ASC";
  return Prisma.raw(SORT_COLUMNS[sort.field].map((c, i) => `${alias ? `k${i}` : c} ${dir}`).join(", "));
}
const sortKeys = (sort: ListQuery<PatientSort>["sort"]) =>
  Prisma.raw(SORT_COLUMNS[sort.field].map((c, i) => `${c} AS k${i}`).join(", "));

/**
 * A total above this is reported as this: counting a million matches exactly costs more than the
 * search itself, and nobody pages through a thousand results (they refine the search). listPatients
 * says so with `totalCapped`.
 */
export const TOTAL_CAP = 1000;

const or = (parts: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(parts, " OR ")})`;
const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`);

/**
 * The search as alternatives whose union is the match set: an MRN or phone prefix; or every name word
 * matching a first or last name by prefix — split by which word is the last-name prefix, so each
 * alternative is one range of Patient_name_key_idx (read in sort order) or one trigram index lookup,
 * never an OR the planner can only serve by reading every match. With `fuzzy`, words match by
 * trigram similarity instead (typos): the fallback when nothing matches by prefix.
 */
type Branch = { where: Prisma.Sql; ordered: boolean };
/**
 * A merged record's MRN is an alias of the record it was merged into (lib/patients/merge.ts): the
 * search finds the survivor by it (merged records themselves are inactive, so never listed).
 */
const mergedAlias = (match: Prisma.Sql): Branch => ({
  where: Prisma.sql`p.id IN (SELECT d."mergedIntoId" FROM "Patient" d WHERE d."mergedIntoId" IS NOT NULL AND ${match})`,
  ordered: false,
});
function searchBranches(q: string, fuzzy: boolean): Branch[] | null {
  const trimmed = q.trim();
  if (!trimmed) return fuzzy ? null : [{ where: Prisma.sql`TRUE`, ordered: true }];
  const fenced = (where: Prisma.Sql) => ({ where, ordered: false });
  const digits = trimmed.replace(/[\s()-]/g, "");
  if (/^h-?\d+$/i.test(trimmed)) {
    if (fuzzy) return null;
    const num = trimmed.replace(/^h-?/i, "");
    // A prefix is a range of Patient_mrn_prefix_idx / Patient_phone_prefix_idx (active patients).
    const prefix = `H-${escapeLike(num.padStart(Math.min(6, num.length), "0"))}%`;
    return [fenced(Prisma.sql`p.mrn LIKE ${prefix}`), mergedAlias(Prisma.sql`d.mrn LIKE ${prefix}`)];
  }
  if (/^\+?\d{3,}$/.test(digits)) {
    if (fuzzy) return null;
    const phone = fenced(Prisma.sql`p.phone LIKE ${`${escapeLike(digits)}%`}`);
    // An MRN holds no "+": only bare digits may be part of one.
    return digits.startsWith("+")
      ? [phone]
      : [
          phone,
          fenced(Prisma.sql`p.mrn LIKE ${`%${escapeLike(digits)}%`}`),
          mergedAlias(Prisma.sql`d.mrn LIKE ${`%${escapeLike(digits)}%`}`),
        ];
  }
  const words = trimmed.split(/\s+/).slice(0, MAX_SEARCH_WORDS);
  if (fuzzy)
    return [fenced(and(words.map((w) => or([Prisma.sql`p."lastName" % ${w}`, Prisma.sql`p."firstName" % ${w}`]))))];
  const lastPrefix = (w: string) => Prisma.sql`${Prisma.raw(LAST_KEY)} LIKE ${`${escapeLike(w.toLowerCase())}%`}`;
  const firstPrefix = (w: string) => Prisma.sql`p."firstName" ILIKE ${`${escapeLike(w)}%`}`;
  const anyPrefix = (w: string) => or([Prisma.sql`p."lastName" ILIKE ${`${escapeLike(w)}%`}`, firstPrefix(w)]);
  return [
    // word i is a last-name prefix, the others match either name
    ...words.map((w, i) => ({
      where: and([lastPrefix(w), ...words.filter((_, j) => j !== i).map(anyPrefix)]),
      ordered: true,
    })),
    // no word is a last-name prefix: all of them are first-name prefixes
    fenced(and(words.map(firstPrefix))),
  ];
}

/** Staff list: active patients, search over name, MRN and phone, filter by condition, paged. */
export async function listPatients(
  prisma: Db,
  query: ListQuery<PatientSort> & { condition?: string },
): Promise<{ items: PatientRow[]; total: number; totalCapped: boolean }> {
  const filter = Prisma.sql`p.active ${
    query.condition
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Condition" c WHERE c."patientId" = p.id AND c.text ILIKE ${`%${escapeLike(query.condition)}%`})`
      : Prisma.empty
  }`;
  const run = async (branches: Branch[]) => {
    // Each alternative yields its own first skip+take rows in sort order (and at most TOTAL_CAP + 1
    // for the count); their union, sorted again, holds the page.
    // An alternative that is not a range of the sorted index is fenced (OFFSET 0): its matches are
    // gathered through their trigram index and sorted. Unfenced, the planner may instead walk the
    // sorted index hoping to meet the matches early, and with a rare prefix it reads all of it.
    const page = Prisma.join(
      branches.map((b) =>
        b.ordered
          ? Prisma.sql`(SELECT p.id, ${sortKeys(query.sort)} FROM "Patient" p WHERE ${filter} AND ${b.where} ORDER BY ${orderBy(query.sort)} LIMIT ${query.skip + query.take})`
          : Prisma.sql`(SELECT * FROM (SELECT p.id, ${sortKeys(query.sort)} FROM "Patient" p WHERE ${filter} AND ${b.where} OFFSET 0) f ORDER BY ${orderBy(query.sort, true)} LIMIT ${query.skip + query.take})`,
      ),
      " UNION ",
    );
    const capped = Prisma.join(
      branches.map(
        (b) => Prisma.sql`(SELECT p.id FROM "Patient" p WHERE ${filter} AND ${b.where} LIMIT ${TOTAL_CAP + 1})`,
      ),
      " UNION ",
    );
    const [rows, [{ count }]] = await Promise.all([
      prisma.$queryRaw<(Omit<PatientRow, "dateOfBirth"> & { dateOfBirth: Date })[]>`
        SELECT p.id, p.mrn, p."firstName", p."lastName", p."dateOfBirth", p.sex::text AS sex, p.phone
        FROM (SELECT * FROM (${page}) u ORDER BY ${orderBy(query.sort, true)} LIMIT ${query.take} OFFSET ${query.skip}) m
        JOIN "Patient" p ON p.id = m.id
        ORDER BY ${orderBy(query.sort, true)}`,
      prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM (${capped}) u`,
    ]);
    return {
      items: rows.map((r) => ({ ...r, dateOfBirth: iso(r.dateOfBirth) })),
      total: Math.min(Number(count), TOTAL_CAP),
      totalCapped: Number(count) > TOTAL_CAP,
    };
  };
  const keyed = query.sort.field === "lastName" ? await keyedSearch(prisma, query) : null;
  if (keyed) return keyed;
  const exact = await run(searchBranches(query.q, false)!);
  const fuzzy = exact.total === 0 ? searchBranches(query.q, true) : null;
  return fuzzy ? run(fuzzy) : exact;
}

/**
 * The patient list as a caller reads it. A search by condition tells who has that diagnosis, which
 * is clinical data: one VIEW row per patient shown, written in the read's transaction. A search by
 * name, MRN or phone shows demographics only and is not audited per patient (as a registration
 * desk's lookups are not).
 */
export async function searchPatients(prisma: Db, ctx: Ctx, query: ListQuery<PatientSort> & { condition?: string }) {
  if (!query.condition) return listPatients(prisma, query);
  return auditedRead(
    prisma,
    (tx) => listPatients(tx, query),
    (tx, r) =>
      auditViews(
        tx,
        ctx,
        { entity: "Patient", details: { search: "condition" } },
        r.items.map((p) => ({ patientId: p.id })),
      ),
  );
}

/**
 * An index range in name order: one last-name key, one first-name key, or both (null: any), and
 * with a condition filter one condition text. Ranges may overlap; each holds distinct patients.
 */
type Range = { last: string | null; first: string | null; count: number | null };

/** More ranges than this (a one-letter word in a huge register): the general search above instead. */
const MAX_RANGES = 400;

/**
 * Name search (in name order), with or without a condition filter, served from the derived tables
 * (migration patient_search_derived). What was typed is first resolved to exact keys: each word to
 * the first and last names it prefixes (or, as the fallback, resembles) in PatientName, the
 * condition to the distinct condition texts containing it. A patient matches when every word is a
 * key of their first or last name, so the matches are a union of exact-key ranges — (last), (last,
 * first) or (first) — of Patient_name_key_idx / Patient_first_key_idx, or with a condition of the
 * PatientConditionKey indexes, each read in list order for its first skip+take entries. The page is
 * the head of their merge; `total` comes from PatientName's counts when one range alone passes the
 * cap, else from counting each range up to the cap.
 * Returns null when this does not apply (MRN or phone search, no search at all, too many ranges).
 */
async function keyedSearch(
  prisma: Db,
  query: ListQuery<PatientSort> & { condition?: string },
): Promise<{ items: PatientRow[]; total: number; totalCapped: boolean } | null> {
  const trimmed = query.q.trim();
  if (/^h-?\d+$/i.test(trimmed) || /^\+?\d{3,}$/.test(trimmed.replace(/[\s()-]/g, ""))) return null;
  const words = trimmed ? trimmed.split(/\s+/).slice(0, MAX_SEARCH_WORDS) : [];
  if (!words.length && !query.condition) return null;
  const empty = { items: [], total: 0, totalCapped: false };

  let texts: string[] | null = null;
  if (query.condition) {
    // The distinct condition texts, one index probe each (a loose scan of PatientConditionKey_last_idx).
    const rows = await prisma.$queryRaw<{ text: string }[]>`
      WITH RECURSIVE t AS (
        (SELECT text FROM "PatientConditionKey" ORDER BY text LIMIT 1)
        UNION ALL
        SELECT (SELECT k.text FROM "PatientConditionKey" k WHERE k.text > t.text ORDER BY k.text LIMIT 1) FROM t WHERE t.text IS NOT NULL
      )
      SELECT text FROM t WHERE text ILIKE ${`%${escapeLike(query.condition)}%`}`;
    texts = rows.map((r) => r.text);
    if (!texts.length) return empty;
  }

  const resolve = async (fuzzy: boolean): Promise<Range[]> => {
    if (!words.length) return [{ last: null, first: null, count: null }];
    const hit = (w: string) => (fuzzy ? Prisma.sql`key % ${w}` : Prisma.sql`key LIKE lower(${escapeLike(w)}) || '%'`);
    const keys = await prisma.$queryRaw<{ part: string; key: string; patients: number; hits: boolean[] }[]>`
      SELECT part, key, patients, ARRAY[${Prisma.join(words.map(hit))}] AS hits
      FROM "PatientName" WHERE patients > 0 AND (${Prisma.join(words.map(hit), " OR ")})`;
    const lasts = new Map<string, { patients: number; hits: boolean[] }>();
    const firsts = new Map<string, { patients: number; hits: boolean[] }>();
    for (const k of keys) (k.part === "last" ? lasts : firsts).set(k.key, k);
    const firstsFor = (ws: number[]) => [...firsts].filter(([, f]) => ws.every((i) => f.hits[i]));
    const allWords = words.map((_, i) => i);
    // Every word a first-name key: the whole first name, any last name.
    const firstOnly = firstsFor(allWords);
    const ranges: Range[] = firstOnly.map(([first, f]) => ({ last: null, first, count: f.patients }));
    const inFirstOnly = new Set(firstOnly.map(([f]) => f));
    for (const [last, l] of lasts) {
      const rest = allWords.filter((i) => !l.hits[i]);
      if (!rest.length) ranges.push({ last, first: null, count: l.patients });
      else
        for (const [first] of firstsFor(rest)) if (!inFirstOnly.has(first)) ranges.push({ last, first, count: null });
    }
    return ranges;
  };

  const dir = Prisma.raw(query.sort.dir === "desc" ? "DESC" : "ASC");
  const n = query.skip + query.take;
  const readRanges = (ranges: Range[], limit: number): Prisma.Sql => {
    // Each shape of range is one LATERAL over arrays of keys: planned once whatever their number.
    const byShape = {
      last: ranges.filter((r) => r.last !== null && r.first === null),
      pair: ranges.filter((r) => r.last !== null && r.first !== null),
      first: ranges.filter((r) => r.last === null && r.first !== null),
      all: ranges.filter((r) => r.last === null && r.first === null),
    };
    const parts: Prisma.Sql[] = [];
    if (texts) {
      // Condition rows of active patients: (text, last, first, patient) in byte order, so one text
      // and one name range is an ordered index range (DISTINCT: a patient may list a text twice).
      const K = Prisma.sql`SELECT DISTINCT k."lastKey" COLLATE "C" AS k0, k."firstKey" COLLATE "C" AS k1, k."patientId" AS k2 FROM "PatientConditionKey" k`;
      const O = Prisma.sql`ORDER BY 1 ${dir}, 2 ${dir}, 3 ${dir} LIMIT ${limit}`;
      const t = (rs: Range[]) => rs.flatMap(() => texts!);
      const rep = (rs: Range[], f: (r: Range) => string | null) => rs.flatMap((r) => texts!.map(() => f(r)));
      if (byShape.all.length)
        parts.push(
          Prisma.sql`SELECT r.* FROM unnest(${texts}::text[]) v(t) CROSS JOIN LATERAL (${K} WHERE k.text = v.t ${O}) r`,
        );
      if (byShape.last.length)
        parts.push(Prisma.sql`SELECT r.* FROM unnest(${t(byShape.last)}::text[], ${rep(byShape.last, (r) => r.last)}::text[]) v(t, l)
          CROSS JOIN LATERAL (${K} WHERE k.text = v.t AND k."lastKey" COLLATE "C" = v.l ${O}) r`);
      if (byShape.pair.length)
        parts.push(Prisma.sql`SELECT r.* FROM unnest(${t(byShape.pair)}::text[], ${rep(byShape.pair, (r) => r.last)}::text[], ${rep(byShape.pair, (r) => r.first)}::text[]) v(t, l, f)
          CROSS JOIN LATERAL (${K} WHERE k.text = v.t AND k."lastKey" COLLATE "C" = v.l AND k."firstKey" COLLATE "C" = v.f ${O}) r`);
      if (byShape.first.length)
        parts.push(Prisma.sql`SELECT r.* FROM unnest(${t(byShape.first)}::text[], ${rep(byShape.first, (r) => r.first)}::text[]) v(t, f)
          CROSS JOIN LATERAL (${K} WHERE k.text = v.t AND k."firstKey" COLLATE "C" = v.f ${O}) r`);
    } else {
      const P = Prisma.sql`SELECT p.id AS k2, ${Prisma.raw(LAST_KEY)} AS k0, ${Prisma.raw(FIRST_KEY)} AS k1 FROM "Patient" p WHERE p.active`;
      const O = Prisma.sql`ORDER BY ${Prisma.raw(LAST_KEY)} ${dir}, ${Prisma.raw(FIRST_KEY)} ${dir}, p.id ${dir} LIMIT ${limit}`;
      if (byShape.last.length)
        parts.push(Prisma.sql`SELECT r.k0, r.k1, r.k2 FROM unnest(${byShape.last.map((r) => r.last)}::text[]) v(l)
          CROSS JOIN LATERAL (${P} AND ${Prisma.raw(LAST_KEY)} = v.l ${O}) r`);
      if (byShape.pair.length)
        parts.push(Prisma.sql`SELECT r.k0, r.k1, r.k2 FROM unnest(${byShape.pair.map((r) => r.last)}::text[], ${byShape.pair.map((r) => r.first)}::text[]) v(l, f)
          CROSS JOIN LATERAL (${P} AND ${Prisma.raw(LAST_KEY)} = v.l AND ${Prisma.raw(FIRST_KEY)} = v.f ${O}) r`);
      if (byShape.first.length)
        parts.push(Prisma.sql`SELECT r.k0, r.k1, r.k2 FROM unnest(${byShape.first.map((r) => r.first)}::text[]) v(f)
          CROSS JOIN LATERAL (${P} AND ${Prisma.raw(FIRST_KEY)} = v.f ${O}) r`);
    }
    // A patient may be in several ranges (a first and a last name both matching; two matching
    // condition texts): each once.
    return Prisma.sql`SELECT DISTINCT k0, k1, k2 FROM (${Prisma.join(parts, " UNION ALL ")}) d`;
  };

  const run = async (ranges: Range[]) => {
    // With no condition, PatientName counts a (last) or (first) range exactly: one past the cap is enough.
    const knownOverCap = !texts && ranges.some((r) => r.count !== null && r.count > TOTAL_CAP);
    // The page and the capped count in one statement (one round trip): the count's one row, joined
    // to the page's rows (none: one row of NULLs, dropped below).
    const rows = await prisma.$queryRaw<
      (Omit<PatientRow, "dateOfBirth" | "id"> & { id: string | null; dateOfBirth: Date; count: bigint })[]
    >`
      SELECT q.id, q.mrn, q."firstName", q."lastName", q."dateOfBirth", q.sex, q.phone, c.count
      FROM (SELECT ${knownOverCap ? Prisma.sql`${TOTAL_CAP + 1}::bigint` : Prisma.sql`count(*)`} AS count
            ${knownOverCap ? Prisma.empty : Prisma.sql`FROM (${readRanges(ranges, TOTAL_CAP + 1)}) u`}) c
      LEFT JOIN LATERAL (
        SELECT p.id, p.mrn, p."firstName", p."lastName", p."dateOfBirth", p.sex::text AS sex, p.phone, m.k0, m.k1, m.k2
        FROM (SELECT * FROM (${readRanges(ranges, n)}) u ORDER BY k0 ${dir}, k1 ${dir}, k2 ${dir} LIMIT ${query.take} OFFSET ${query.skip}) m
        JOIN "Patient" p ON p.id = m.k2
      ) q ON true
      ORDER BY q.k0 ${dir}, q.k1 ${dir}, q.k2 ${dir}`;
    const count = Number(rows[0].count);
    const items = rows
      .filter((r): r is typeof r & { id: string } => r.id !== null)
      .map(({ count: _count, ...r }) => ({ ...r, dateOfBirth: iso(r.dateOfBirth) }));
    return { items, total: Math.min(count, TOTAL_CAP), totalCapped: count > TOTAL_CAP };
  };

  // Typo matching is the fallback when nothing matches by prefix.
  for (const fuzzy of words.length ? [false, true] : [false]) {
    const ranges = await resolve(fuzzy);
    if (ranges.length * (texts?.length ?? 1) > MAX_RANGES) return null;
    if (!ranges.length) continue;
    const result = await run(ranges);
    if (result.total > 0) return result;
  }
  return empty;
}

/** The patient record linked to a PATIENT user, for their own pages. */
export async function ownPatientRecord(prisma: Db, userId: string) {
  return prisma.patient.findUnique({
    where: { userId },
    select: { id: true, mrn: true, firstName: true, lastName: true },
  });
}

export function ageOn(dateOfBirth: string, today = clock.now()): number {
  const [y, mo, d] = dateOfBirth.split("-").map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d)) age--;
  return age;
}

/**
 * One patient's record as the actor may see it, from an opened chart (which checked the scope and
 * audited the view).
 */
export function patientRecord(chart: ChartAccess) {
  const { patient: p, ctx } = chartOf(chart);
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
    emergencyContact: {
      name: p.emergencyContactName,
      phone: p.emergencyContactPhone,
      relation: p.emergencyContactRelation,
    },
    active: p.active,
    deactivationReason: p.deactivationReason,
    qrToken: p.qrToken,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    allergies: p.allergies.map(({ id: aid, substance, drugClass, reaction, severity }) => ({
      id: aid,
      substance,
      drugClass,
      reaction,
      severity,
    })),
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
export type PatientRecord = ReturnType<typeof patientRecord>;

/**
 * Opens the chart (scope checked, one audit VIEW row) and returns the record. Out of scope (another
 * patient's record) looks exactly like a missing one.
 */
export async function readPatient(prisma: Db, ctx: Ctx, id: string): Promise<PatientRecord> {
  return patientRecord(await openChart(prisma, ctx, id));
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
