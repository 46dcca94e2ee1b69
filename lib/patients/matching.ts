import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Sex } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";

// One matcher for every place that asks "is this person already registered?": staff registration,
// self-registration and the possible-duplicates worklist. Two halves:
//
// - scoreMatch (pure): points for each piece of evidence, documented below, summed, and compared
//   with two thresholds. Evidence against (a different national id, a different first name, a
//   birth date far apart, a different sex) subtracts, so that people who share a lot but are not
//   the same person (twins: same surname, birth date, address and phone; a family sharing one
//   phone) never reach CERTAIN.
// - findMatches (SQL): candidate retrieval by blocking keys, each an index lookup — national id,
//   birth date (and its day/month swap), a near birth date together with a similar name (pg_trgm),
//   the phone's last nine digits, the email — then scoreMatch on the few rows found. Nothing that
//   could reach POSSIBLE escapes the blocks: without a national id, a phone or an email in common,
//   a record needs the birth date (or a near one) to score POSSIBLE (see the weights).
//
// Weights (points):
//   national id   equal +60          both present and different −40
//   birth date    equal +25          near (day/month swapped, same year+month, same day+month within 10 years) +10
//                                    otherwise −15
//   last name     equal +20          similar (trigram similarity ≥ 0.45, or one edit  different −10 (names change, so less than a first name)
//                                    or transposition apart in 5+ letters) +12
//   first name    equal +20          similar +12                                   different −20 (twins)
//   (names are compared after removing case, accents and punctuation; first and last swapped
//    count as matching, at 18 each instead of 20)
//   sex           equal +5           different −15
//   phone (E.164) equal +15
//   email         equal +15
// CERTAIN ≥ 80, POSSIBLE ≥ 50. E.g. same names + birth date + sex + phone = 85 (certain); the same
// without the phone = 70 (possible); twins with the same surname, birth date, phone and email = 60
// (possible, a human decides); a parent sharing a child's phone and surname ≤ 5 (not listed); the
// same first name and birth date under another surname = 40 (not listed) unless a phone, email or
// national id agrees too.

export const CERTAIN = 80;
export const POSSIBLE = 50;

export const WEIGHTS = {
  nationalIdEqual: 60,
  nationalIdDiffers: -40,
  dobEqual: 25,
  dobNear: 10,
  dobFar: -15,
  nameEqual: 20,
  nameSwapped: 18,
  nameSimilar: 12,
  firstNameDiffers: -20,
  lastNameDiffers: -10,
  sexEqual: 5,
  sexDiffers: -15,
  phoneEqual: 15,
  emailEqual: 15,
} as const;

/** Trigram similarity at or above this counts as "similar" (a typo, a dropped letter). */
export const NAME_SIMILAR = 0.45;

export type Identity = {
  firstName: string;
  lastName: string;
  dateOfBirth: string; // YYYY-MM-DD
  sex?: Sex | null;
  nationalId?: string | null;
  phone?: string | null;
  email?: string | null;
};

export type MatchReason =
  | "nationalId"
  | "nationalIdDiffers"
  | "dob"
  | "dobNear"
  | "dobDiffers"
  | "lastName"
  | "lastNameSimilar"
  | "lastNameDiffers"
  | "firstName"
  | "firstNameSimilar"
  | "firstNameDiffers"
  | "namesSwapped"
  | "sex"
  | "sexDiffers"
  | "phone"
  | "email";

export type Level = "CERTAIN" | "POSSIBLE" | "NONE";
export type Score = { score: number; level: Level; reasons: MatchReason[] };

/** Lower case, accents and punctuation removed, spaces collapsed: "  José-María O'Neil " → "jose maria o neil". */
export function normaliseName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** pg_trgm's trigrams of a string: per word, padded with two spaces before and one after. */
function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of normaliseName(s).split(" ").filter(Boolean)) {
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm's similarity(): shared trigrams over all trigrams of both (0..1). */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** The default country for numbers typed without an international prefix (PHONE_DEFAULT_COUNTRY, ISO 3166 alpha-2). */
export function defaultCountry(): CountryCode | undefined {
  return env().PHONE_DEFAULT_COUNTRY as CountryCode | undefined;
}

/**
 * A phone number in E.164 (+15551234567), by libphonenumber: national formats read with the
 * default country. A number that cannot be parsed compares by its digits alone.
 */
export function normalisePhone(raw: string | null | undefined, country = defaultCountry()): string | null {
  if (!raw?.trim()) return null;
  const parsed = parsePhoneNumberFromString(raw, country);
  if (parsed?.isPossible()) return parsed.number;
  const digits = raw.replace(/\D/g, "");
  return digits.length >= 6 ? digits : null;
}

/**
 * Equal in E.164; or, when one of them could not be read as an international number (typed in a
 * national format with no default country configured), equal in their last nine digits.
 */
export function samePhone(
  a: string | null | undefined,
  b: string | null | undefined,
  country = defaultCountry(),
): boolean {
  const pa = normalisePhone(a, country);
  const pb = normalisePhone(b, country);
  if (!pa || !pb) return false;
  if (pa.startsWith("+") && pb.startsWith("+")) return pa === pb;
  return phoneTail(pa) === phoneTail(pb);
}

/** The last nine digits: the blocking key of Patient_phone_tail_idx. */
export function phoneTail(raw: string | null | undefined): string | null {
  const digits = raw?.replace(/\D/g, "") ?? "";
  return digits.length >= 6 ? digits.slice(-9) : null;
}

const normaliseId = (s: string | null | undefined) => s?.replace(/[\s.-]/g, "").toUpperCase() || null;
const normaliseEmail = (s: string | null | undefined) => s?.trim().toLowerCase() || null;

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y, m, d];
}

/** Day/month swapped, same year and month (a day typo), or same day and month within ten years. */
export function nearDates(a: string, b: string): boolean {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  if (ya === yb && ma === db && da === mb) return true;
  if (ya === yb && ma === mb) return true;
  return ma === mb && da === db && Math.abs(ya - yb) <= 10;
}

type NameVerdict = "equal" | "similar" | "differs";
function compareName(a: string, b: string): NameVerdict {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (!na || !nb) return "differs";
  if (na === nb || na.replace(/ /g, "") === nb.replace(/ /g, "")) return "equal";
  if (trigramSimilarity(na, nb) >= NAME_SIMILAR) return "similar";
  // Two letters swapped, one dropped, added or mistyped in a name of five letters or more
  // ("Amnia" for "Amina"): short names share too few trigrams for the similarity to see it.
  return Math.min(na.length, nb.length) >= 5 && editDistance(na, nb) <= 1 ? "similar" : "differs";
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const levelOf = (score: number): Level => (score >= CERTAIN ? "CERTAIN" : score >= POSSIBLE ? "POSSIBLE" : "NONE");

/** The score of `a` against `b`, with the evidence that made it. Symmetric. */
export function scoreMatch(a: Identity, b: Identity, country = defaultCountry()): Score {
  const W = WEIGHTS;
  let score = 0;
  const reasons: MatchReason[] = [];
  const add = (points: number, reason: MatchReason) => {
    score += points;
    reasons.push(reason);
  };

  const ida = normaliseId(a.nationalId);
  const idb = normaliseId(b.nationalId);
  if (ida && idb) {
    if (ida === idb) add(W.nationalIdEqual, "nationalId");
    else add(W.nationalIdDiffers, "nationalIdDiffers");
  }

  if (a.dateOfBirth === b.dateOfBirth) add(W.dobEqual, "dob");
  else if (nearDates(a.dateOfBirth, b.dateOfBirth)) add(W.dobNear, "dobNear");
  else add(W.dobFar, "dobDiffers");

  // Names as given, or first and last swapped: whichever agrees more.
  const straight = [compareName(a.lastName, b.lastName), compareName(a.firstName, b.firstName)] as const;
  const crossed = [compareName(a.lastName, b.firstName), compareName(a.firstName, b.lastName)] as const;
  const rank = (v: NameVerdict) => (v === "equal" ? 2 : v === "similar" ? 1 : 0);
  const useCrossed =
    rank(crossed[0]) + rank(crossed[1]) > rank(straight[0]) + rank(straight[1]) &&
    crossed.every((v) => v !== "differs");
  if (useCrossed) {
    const points = (v: NameVerdict) => (v === "equal" ? W.nameSwapped : W.nameSimilar);
    score += points(crossed[0]) + points(crossed[1]);
    reasons.push("namesSwapped");
  } else {
    const [last, first] = straight;
    if (last === "equal") add(W.nameEqual, "lastName");
    else if (last === "similar") add(W.nameSimilar, "lastNameSimilar");
    else add(W.lastNameDiffers, "lastNameDiffers");
    if (first === "equal") add(W.nameEqual, "firstName");
    else if (first === "similar") add(W.nameSimilar, "firstNameSimilar");
    else add(W.firstNameDiffers, "firstNameDiffers");
  }

  if (a.sex && b.sex) {
    if (a.sex === b.sex) add(W.sexEqual, "sex");
    else add(W.sexDiffers, "sexDiffers");
  }

  if (samePhone(a.phone, b.phone, country)) add(W.phoneEqual, "phone");

  const ea = normaliseEmail(a.email);
  const eb = normaliseEmail(b.email);
  if (ea && eb && ea === eb) add(W.emailEqual, "email");

  return { score, level: levelOf(score), reasons };
}

export type Match = Score & {
  patientId: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  nationalId: string | null;
};

type Row = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  sex: Sex;
  nationalId: string | null;
  phone: string | null;
  email: string | null;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);

// Exactly the expression of Patient_phone_tail_idx (its migration), so the index serves it.
const PHONE_TAIL = Prisma.raw(`right(regexp_replace(p.phone, '\\D', '', 'g'), 9)`);

/** Rows per block: a common birth date in a million records holds a few dozen people. */
const BLOCK_LIMIT = 200;

/**
 * Active records that may be the same person as `who`, scored, at or above POSSIBLE, best first
 * (at most `limit`). `excludeId`: the record itself, when matching a stored one.
 */
export async function findMatches(
  prisma: Db,
  who: Identity,
  opts: { excludeId?: string; limit?: number } = {},
): Promise<Match[]> {
  const [y, m, d] = parts(who.dateOfBirth);
  const dob = day(who.dateOfBirth);
  const blocks: Prisma.Sql[] = [];
  const block = (where: Prisma.Sql) =>
    blocks.push(Prisma.sql`(SELECT p.id FROM "Patient" p WHERE p.active AND ${where} LIMIT ${BLOCK_LIMIT})`);

  const nid = normaliseId(who.nationalId);
  if (nid && who.nationalId) block(Prisma.sql`p."nationalId" IN (${who.nationalId.trim()}, ${nid})`);
  // The birth date, and the same with day and month swapped (a valid date only): an index-only
  // scan of Patient_match_dob_idx.
  const swapped = d <= 12 && d !== m ? new Date(Date.UTC(y, d - 1, m)) : null;
  block(swapped ? Prisma.sql`p."dateOfBirth" IN (${dob}, ${swapped})` : Prisma.sql`p."dateOfBirth" = ${dob}`);
  // A near birth date (same month, or same day and month within ten years) scores POSSIBLE only
  // with both names matching (straight or swapped): the dates are read from Patient_match_dob_idx
  // (index-only, behind an OFFSET 0 fence so the planner never starts from the trigram indexes of
  // a common name), then both names filtered by pg_trgm's similarity operator.
  const [last, first] = [normaliseName(who.lastName), normaliseName(who.firstName)];
  if (last && first) {
    const sameDay = Array.from({ length: 21 }, (_, i) => new Date(Date.UTC(y - 10 + i, m - 1, d))).filter(
      (x) => x.getUTCDate() === d,
    );
    const bothNames = Prisma.sql`((n."lastName" % ${last} AND n."firstName" % ${first}) OR (n."lastName" % ${first} AND n."firstName" % ${last}))`;
    const near = (dates: Prisma.Sql) =>
      blocks.push(
        Prisma.sql`(SELECT n.id FROM (SELECT p.id, p."firstName", p."lastName" FROM "Patient" p WHERE p.active AND ${dates} OFFSET 0) n WHERE ${bothNames} LIMIT ${BLOCK_LIMIT})`,
      );
    near(Prisma.sql`p."dateOfBirth" BETWEEN ${new Date(Date.UTC(y, m - 1, 1))} AND ${new Date(Date.UTC(y, m, 0))}`);
    near(Prisma.sql`p."dateOfBirth" IN (${Prisma.join(sameDay)})`);
  }
  const tail = phoneTail(who.phone);
  if (tail) block(Prisma.sql`${PHONE_TAIL} = ${tail} AND p.phone IS NOT NULL`);
  const email = normaliseEmail(who.email);
  if (email) block(Prisma.sql`lower(p.email) = ${email} AND p.email IS NOT NULL`);

  const rows = await prisma.$queryRaw<Row[]>`
    SELECT p.id, p.mrn, p."firstName", p."lastName", p."dateOfBirth", p.sex::text AS sex, p."nationalId", p.phone, p.email
    FROM (${Prisma.join(blocks, " UNION ")}) c JOIN "Patient" p ON p.id = c.id`;
  const country = defaultCountry();
  return rows
    .filter((r) => r.id !== opts.excludeId)
    .map((r) => {
      const s = scoreMatch(who, { ...r, dateOfBirth: iso(r.dateOfBirth) }, country);
      return {
        ...s,
        patientId: r.id,
        mrn: r.mrn,
        firstName: r.firstName,
        lastName: r.lastName,
        dateOfBirth: iso(r.dateOfBirth),
        nationalId: r.nationalId,
      };
    })
    .filter((x) => x.score >= POSSIBLE)
    .sort((a, b) => b.score - a.score || a.mrn.localeCompare(b.mrn))
    .slice(0, opts.limit ?? 10);
}
