// The synthetic hospital: N patients with staff, wards, five years of appointments, consultations,
// vitals, prescriptions and dispenses, admissions, invoices and payments, bulk loaded with COPY FROM
// STDIN into a migrated database.
//
// Deterministic: every patient's rows come from a PRNG seeded with (seed, patient number), ids are
// sequential with a per-table prefix, and times are counted from the start of the current UTC day
// (the same seed on the same day gives identical rows). Tables are written one after another in
// dependency order; each pass walks the patients again and re-derives what it needs, so nothing big
// is held in memory. Appointments sit on the doctors' 30-minute weekday grids (08:00–17:00): the
// k-th appointment goes to doctor k mod D at a slot of that doctor's grid given by a bijection, so a
// doctor never has two appointments at one time; beds are shared the same way between admissions.
//
// For speed the secondary indexes, foreign keys and exclusion constraints of the loaded tables are
// dropped first and recreated afterwards (PostgreSQL checks them all again then), the session runs
// with synchronous_commit off, and everything is ANALYZEd at the end. PatientName and
// PatientConditionKey are filled by their statement-level triggers as Patient and Condition go in.
//
// Measured at 1M patients (seed 42) on the shared 2-core machine (load average 3.5 → 7): 45.6M rows
// (6.0M appointments, 4.2M consultations, 5.9M diagnoses, 2.9M vitals, 1.9M prescriptions with 3.8M
// items, 3.6M invoices with 7.1M lines, 3.3M payments…) in 642 s: rows 410 s, indexes and
// constraints 228 s, ANALYZE 5 s; the database takes 11 GB. 20k patients: 0.9M rows in 12 s.
//
// CLI: npx tsx scripts/bench/generate.ts --patients 1000000 [--seed 42] [--years 5] [--database <url or name>]
import { once } from "node:events";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ICD10CM_DATA } from "../../lib/clinical/icd10cm-data";
import { DRUG_CATALOGUE } from "../../lib/pharmacy/catalogue-data";
import { CONDITIONS, FIRST_NAMES, LAST_NAMES, PHONE_PREFIXES } from "./data";

// ---- Ratios of a general hospital over five years (per patient unless said otherwise) ----------
/** One doctor per 400 registered patients, at least 20. */
const PATIENTS_PER_DOCTOR = 400;
const MIN_DOCTORS = 20;
/** Nurses per doctor. */
const NURSES_PER_DOCTOR = 1.5;
/** One pharmacist per 25 doctors (at least 2), one records officer per 20 doctors (at least 2), one admin. */
const DOCTORS_PER_PHARMACIST = 25;
const DOCTORS_PER_RECORDS_OFFICER = 20;
/** Share of patients with a portal login. */
const PATIENT_LOGIN_SHARE = 0.3;
const ALLERGY_SHARE = 0.15;
const CONDITION_SHARE = 0.35;
/** Appointments per patient over the whole period: uniform 0–12, mean 6. */
const MAX_APPOINTMENTS = 12;
/** Past appointments: completed / cancelled / no-show (the rest). Future ones (next 2 months) are booked. */
const COMPLETED_SHARE = 0.8;
const CANCELLED_SHARE = 0.12;
const FUTURE_DAYS = 61;
/** Of completed appointments: with a signed consultation. Of consultations: vitals, prescription, invoice. */
const CONSULTATION_SHARE = 0.9;
const VITALS_SHARE = 0.7;
const PRESCRIPTION_SHARE = 0.45;
const INVOICE_SHARE = 0.85;
/** Prescriptions older than a week: dispensed in full. */
const DISPENSED_SHARE = 0.85;
/** Of consultation invoices: a lab test billed too. */
const LAB_LINE_SHARE = 0.2;
/** Patients ever admitted (1–2 stays each), and one bed per 300 patients (at least 40). */
const ADMITTED_SHARE = 0.06;
const PATIENTS_PER_BED = 300;
const MIN_BEDS = 40;
/** Payments: paid in full, partly paid, the rest unpaid. */
const PAID_SHARE = 0.8;
const PARTLY_PAID_SHARE = 0.12;
/** Slot grid: 30 minutes, weekdays 08:00–17:00 (UTC, the hospital's zone for the bench). */
const SLOT_MINUTES = 30;
const DAY_START_MIN = 8 * 60;
const DAY_END_MIN = 17 * 60;
const SLOTS_PER_DAY = (DAY_END_MIN - DAY_START_MIN) / SLOT_MINUTES;

const DAY = 86_400_000;
const MINUTE = 60_000;
const CURRENCY = "USD";

const DEPARTMENTS = [
  "General Medicine",
  "Surgery",
  "Paediatrics",
  "Obstetrics and Gynaecology",
  "Cardiology",
  "Emergency",
  "Orthopaedics",
  "Internal Medicine",
];
const SPECIALTIES = [
  "General practice",
  "General surgery",
  "Paediatrics",
  "Obstetrics",
  "Cardiology",
  "Emergency medicine",
  "Orthopaedics",
  "Internal medicine",
];
const WARD_TYPES = ["GENERAL", "SURGICAL", "PEDIATRIC", "MATERNITY", "GENERAL", "EMERGENCY", "SURGICAL", "ICU"];
const ALLERGENS: [string, string | null, string][] = [
  ["Penicillin", "penicillin", "Rash"],
  ["Sulfonamides", "sulfonamide", "Hives"],
  ["Aspirin", "salicylate", "Bronchospasm"],
  ["Ibuprofen", "nsaid", "Angioedema"],
  ["Peanuts", null, "Anaphylaxis"],
  ["Latex", null, "Contact dermatitis"],
  ["Codeine", "opioid", "Nausea"],
  ["Cephalosporins", "cephalosporin", "Rash"],
  ["Shellfish", null, "Urticaria"],
];
const REASONS = [
  "Follow-up",
  "Fever",
  "Cough",
  "Headache",
  "Abdominal pain",
  "Back pain",
  "Check-up",
  "Blood pressure review",
  "Diabetes review",
  "Chest pain",
  "Skin rash",
  "Prenatal visit",
];
const ADMISSION_REASONS = [
  "Pneumonia",
  "Severe malaria",
  "Appendicectomy",
  "Heart failure exacerbation",
  "Labour and delivery",
  "Fracture, surgical repair",
  "Diabetic ketoacidosis",
  "Gastroenteritis with dehydration",
];
const FREQUENCIES: [string, number][] = [
  ["once daily", 1],
  ["twice daily", 2],
  ["three times daily", 3],
  ["every 8 hours", 3],
];
const LAB_TESTS: [string, number][] = [
  ["Full blood count", 1500],
  ["Fasting glucose", 800],
  ["HbA1c", 2500],
  ["Creatinine", 1000],
  ["Malaria rapid test", 600],
  ["Lipid panel", 2200],
];
const ICD = ICD10CM_DATA.split("\n")
  .filter(Boolean)
  .map((l) => l.split("|") as [string, string]);
const PAYMENT_METHODS = ["CASH", "CARD", "INSURANCE", "MOBILE_MONEY"];

// ---- Deterministic randomness ------------------------------------------------------------------
/** mulberry32: a small, fast 32-bit PRNG; uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const mix = (seed: number, n: number, salt: number) =>
  Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + salt * 0x27d4eb2f, 0xc2b2ae35);
const pick = <T>(xs: readonly T[], u: number): T => xs[Math.floor(xs.length * u)];
const skewed = <T>(xs: readonly T[], u: number): T => xs[Math.floor(xs.length * u * u)];
const hex = (r: () => number, n: number) => {
  let s = "";
  while (s.length < n)
    s += Math.floor(r() * 4294967296)
      .toString(16)
      .padStart(8, "0");
  return s.slice(0, n);
};
const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
const num = (prefix: string, n: number) => prefix + String(n).padStart(Math.max(6, String(n).length), "0");

// ---- COPY text format ---------------------------------------------------------------------------
type Cell = string | number | boolean | Date | null | undefined;
const ts = (d: Date) => d.toISOString().slice(0, 23).replace("T", " ");
function cell(v: Cell): string {
  if (v === null || v === undefined) return "\\N";
  if (v instanceof Date) return ts(v);
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
const line = (cells: Cell[]) => `${cells.map(cell).join("\t")}\n`;

export type TableTiming = { table: string; rows: number; seconds: number; rowsPerSecond: number };
export type GenerateReport = {
  patients: number;
  seed: number;
  tables: TableTiming[];
  dropSeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
  totalRows: number;
};

/** Streams rows into `COPY table (columns) FROM STDIN`, waiting for the socket when its buffer is full. */
async function copyRows(
  client: pg.Client,
  table: string,
  columns: string[],
  rows: (emit: (cells: Cell[]) => void | Promise<void>) => Promise<void>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  let failed: Error | null = null;
  stream.on("error", (e: Error) => (failed = e));
  let buf = "";
  let count = 0;
  const flush = async () => {
    if (failed) throw failed;
    const ok = stream.write(buf);
    buf = "";
    if (!ok)
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          stream.off("error", onError);
          resolve();
        };
        const onError = (e: Error) => {
          stream.off("drain", onDrain);
          reject(e);
        };
        stream.once("drain", onDrain);
        stream.once("error", onError);
      });
  };
  await rows(async (cells) => {
    buf += line(cells);
    count++;
    if (buf.length >= 1 << 16) await flush();
  });
  if (buf) await flush();
  const done = Promise.race([once(stream, "finish"), once(stream, "error").then(([e]) => Promise.reject(e))]);
  stream.end();
  await done;
  if (failed) throw failed;
  return count;
}

// ---- The hospital's shape ---------------------------------------------------------------------
type Shape = {
  n: number;
  seed: number;
  now: number;
  start: number;
  doctors: number;
  nurses: number;
  pharmacists: number;
  records: number;
  beds: number;
  wards: number;
  appointments: number;
  admissions: number;
  /** Slots per doctor used (R), weekday slots in the period (G), the row permutation's step (P, Q). */
  R: number;
  G: number;
  P: number;
  Q: number;
  /** Admission windows per bed and their length. */
  J: number;
  W: number;
};

const BEDS_PER_ROOM = 4;
const ROOMS_PER_WARD = 6;

/** The per-patient draws every pass shares: counts come first, so the shape pass can stop there. */
function counts(seed: number, i: number) {
  const r = mulberry32(mix(seed, i, 1));
  const appointments = Math.floor(r() * (MAX_APPOINTMENTS + 1));
  const admissions = r() < ADMITTED_SHARE ? (r() < 0.7 ? 1 : 2) : 0;
  return { r, appointments, admissions };
}

function shapeOf(n: number, seed: number, years: number, now: number): Shape {
  let appointments = 0;
  let admissions = 0;
  for (let i = 1; i <= n; i++) {
    const c = counts(seed, i);
    appointments += c.appointments;
    admissions += c.admissions;
  }
  const doctors = Math.max(MIN_DOCTORS, Math.round(n / PATIENTS_PER_DOCTOR));
  const wards = Math.ceil(Math.max(MIN_BEDS, Math.ceil(n / PATIENTS_PER_BED)) / (BEDS_PER_ROOM * ROOMS_PER_WARD));
  const beds = wards * ROOMS_PER_WARD * BEDS_PER_ROOM;
  // The period starts on a Monday `years` back and runs FUTURE_DAYS past today.
  const back = now - Math.round(years * 365.25) * DAY;
  const start = back - ((new Date(back).getUTCDay() + 6) % 7) * DAY;
  const weekdays = Math.floor(((now + FUTURE_DAYS * DAY - start) / DAY / 7) * 5);
  const G = weekdays * SLOTS_PER_DAY;
  const R = Math.max(1, Math.ceil(appointments / doctors));
  if (R > G) throw new Error(`${R} appointments per doctor do not fit ${G} slots`);
  let P = Math.max(1, Math.floor(R * 0.618));
  while (gcd(P, R) !== 1) P++;
  const Q = Math.floor(R / (MAX_APPOINTMENTS + 2)) + 1;
  const J = Math.max(1, Math.ceil(admissions / beds));
  const W = Math.floor((now - start) / J);
  return {
    n,
    seed,
    now,
    start,
    doctors,
    beds,
    wards,
    appointments,
    admissions,
    R,
    G,
    P,
    Q,
    J,
    W,
    nurses: Math.ceil(doctors * NURSES_PER_DOCTOR),
    pharmacists: Math.max(2, Math.ceil(doctors / DOCTORS_PER_PHARMACIST)),
    records: Math.max(2, Math.ceil(doctors / DOCTORS_PER_RECORDS_OFFICER)),
  };
}

/** Start of weekday slot g of the grid. */
function slotTime(s: Shape, g: number): number {
  const day = Math.floor(g / SLOTS_PER_DAY);
  const date = s.start + (Math.floor(day / 5) * 7 + (day % 5)) * DAY;
  return date + (DAY_START_MIN + (g % SLOTS_PER_DAY) * SLOT_MINUTES) * MINUTE;
}

const doctorId = (d: number) => `gud${d}`;
const nurseId = (d: number) => `gun${d}`;
const pharmacistId = (d: number) => `gup${d}`;
const recordsId = (d: number) => `gur${d}`;
const ADMIN_ID = "gua0";
const drugPrice = (i: number) => 20 + ((i * 37) % 180);
const doctorFee = (d: number) => 2500 + (d % 5) * 500;
const wardRate = (w: number) => (WARD_TYPES[w % WARD_TYPES.length] === "ICU" ? 45000 : 12000 + (w % 3) * 1500);

type Appt = {
  k: number;
  id: string;
  doctor: number;
  startsAt: number;
  status: string;
  reason: string;
  consult: boolean;
  u: () => number;
};
type Stay = {
  a: number;
  id: string;
  bed: number;
  admittedAt: number;
  dischargedAt: number | null;
  days: number;
  reason: string;
  doctor: number;
};

/** Everything about patient i, re-derived identically by every pass. */
function patientPlan(s: Shape, i: number, k0: number, a0: number) {
  const { r, appointments: nAppts, admissions: nStays } = counts(s.seed, i);
  const first = skewed(FIRST_NAMES, r());
  const last = skewed(LAST_NAMES, r());
  const u = Array.from({ length: 8 }, () => r());
  const login = r() < PATIENT_LOGIN_SHARE;
  const allergies = r() < ALLERGY_SHARE ? (r() < 0.8 ? 1 : 2) : 0;
  const conditions = r() < CONDITION_SHARE ? (r() < 0.7 ? 1 : r() < 0.7 ? 2 : 3) : 0;
  const createdAt = s.start - Math.floor(u[0] * 365 * DAY);
  const appts: Appt[] = [];
  const taken = new Set<number>();
  for (let m = 0; m < nAppts; m++) {
    const k = k0 + m;
    const doctor = k % s.doctors;
    const row = (Math.floor(k / s.doctors) * s.P + doctor * s.Q) % s.R;
    const g = Math.floor((row * s.G) / s.R);
    const startsAt = slotTime(s, g);
    const ar = mulberry32(mix(s.seed, k, 2));
    const v = ar();
    let status =
      startsAt >= s.now
        ? "BOOKED"
        : v < COMPLETED_SHARE
          ? "COMPLETED"
          : v < COMPLETED_SHARE + CANCELLED_SHARE
            ? "CANCELLED"
            : "NO_SHOW";
    // One patient's two grid slots may coincide: a live one would break the patient's exclusion.
    if (taken.has(g) && status === "BOOKED") status = "CANCELLED";
    taken.add(g);
    appts.push({
      k,
      id: `gap${k}`,
      doctor,
      startsAt,
      status,
      reason: pick(REASONS, ar()),
      consult: status === "COMPLETED" && ar() < CONSULTATION_SHARE,
      u: ar,
    });
  }
  const stays: Stay[] = [];
  const windows = new Set<number>();
  for (let m = 0; m < nStays; m++) {
    const a = a0 + m;
    const bed = a % s.beds;
    const t = (Math.floor(a / s.beds) + bed) % s.J;
    if (windows.has(t)) continue; // two stays of one patient in one window would overlap
    windows.add(t);
    const sr = mulberry32(mix(s.seed, a, 3));
    // The last window ends today: its stays began in the last fortnight, and the longer ones are still running.
    const admittedAt =
      t === s.J - 1
        ? s.now - Math.floor((sr() * Math.min(0.5 * s.W, 14 * DAY)) / MINUTE) * MINUTE - 60 * MINUTE
        : s.start + t * s.W + Math.floor((sr() * 0.2 * s.W) / MINUTE) * MINUTE;
    const days = 1 + Math.floor(sr() * sr() * Math.max(1, Math.min(20, (0.6 * s.W) / DAY)));
    let dischargedAt: number | null = admittedAt + days * DAY;
    if (dischargedAt > s.now) dischargedAt = null; // still in: the bed board's current patients
    stays.push({
      a,
      id: `gad${a}`,
      bed,
      admittedAt,
      dischargedAt,
      days,
      reason: pick(ADMISSION_REASONS, sr()),
      doctor: Math.floor(sr() * s.doctors),
    });
  }
  return { id: `gpt${i}`, first, last, u, login, allergies, conditions, createdAt, appts, stays, nAppts, nStays };
}

/** Walks every patient in order with the running appointment and admission counters. */
async function eachPatient(s: Shape, fn: (p: ReturnType<typeof patientPlan>, i: number) => void | Promise<void>) {
  let k = 0;
  let a = 0;
  for (let i = 1; i <= s.n; i++) {
    const p = patientPlan(s, i, k, a);
    k += p.nAppts;
    a += p.nStays;
    await fn(p, i);
  }
}

/** A consultation's derived facts (from its appointment's own PRNG, after the appointment's draws). */
function consultPlan(s: Shape, ap: Appt) {
  const r = ap.u;
  const at = ap.startsAt + 5 * MINUTE;
  const signedAt = ap.startsAt + SLOT_MINUTES * MINUTE;
  const diagnoses = 1 + (r() < 0.4 ? 1 : 0);
  const codes = Array.from({ length: diagnoses }, () => pick(ICD, r() * r()));
  const vitals = r() < VITALS_SHARE;
  const rx = r() < PRESCRIPTION_SHARE;
  const items = rx
    ? Array.from({ length: 1 + Math.floor(r() * 3) }, () => {
        const drug = Math.floor(r() * DRUG_CATALOGUE.length);
        const [frequency, perDay] = pick(FREQUENCIES, r());
        const durationDays = 3 + Math.floor(r() * 12);
        return { drug, frequency, durationDays, quantity: perDay * durationDays };
      })
    : [];
  const dispensed = rx && signedAt < s.now - 7 * DAY && r() < DISPENSED_SHARE;
  const invoiced = r() < INVOICE_SHARE;
  const lab = invoiced && r() < LAB_LINE_SHARE ? pick(LAB_TESTS, r()) : null;
  const pay = r();
  const method = pick(PAYMENT_METHODS, r());
  const vit = [
    36 + r() * 2.5,
    55 + Math.floor(r() * 50),
    12 + Math.floor(r() * 10),
    100 + Math.floor(r() * 60),
    60 + Math.floor(r() * 35),
    92 + Math.floor(r() * 9),
    45 + Math.round(r() * 600) / 10,
    150 + Math.floor(r() * 40),
  ];
  return {
    at,
    signedAt,
    codes,
    vitals,
    vit,
    rx,
    items,
    dispensed,
    invoiced,
    lab,
    pay,
    method,
    nurse: ap.k % s.nurses,
    pharmacist: ap.k % s.pharmacists,
  };
}

/** Totals and payment of an invoice: the same arithmetic for the invoice, line and payment passes. */
function paymentOf(total: number, u: number, issuedAt: number, now: number): number {
  if (u < PAID_SHARE || (issuedAt < now - 90 * DAY && u < PAID_SHARE + PARTLY_PAID_SHARE / 2)) return total;
  if (u < PAID_SHARE + PARTLY_PAID_SHARE) return Math.max(1, Math.floor(total / 2));
  return 0;
}

type BillLine = {
  kind: string;
  description: string;
  quantity: number;
  unitAmount: number;
  sourceId: string | null;
  doctorId: string | null;
};

function consultInvoiceLines(ap: Appt, c: ReturnType<typeof consultPlan>): BillLine[] {
  const lines: BillLine[] = [
    {
      kind: "CONSULTATION",
      description: "Consultation",
      quantity: 1,
      unitAmount: doctorFee(ap.doctor),
      sourceId: `gco${ap.k}`,
      doctorId: doctorId(ap.doctor),
    },
  ];
  if (c.lab)
    lines.push({
      kind: "LAB_TEST",
      description: c.lab[0],
      quantity: 1,
      unitAmount: c.lab[1],
      sourceId: null,
      doctorId: null,
    });
  if (c.dispensed)
    c.items.forEach((it, j) => {
      const d = DRUG_CATALOGUE[it.drug];
      lines.push({
        kind: "DRUG",
        description: `${d.genericName} ${d.strength} ${d.form}`,
        quantity: it.quantity,
        unitAmount: drugPrice(it.drug),
        sourceId: `gdl${ap.k}_${j}`,
        doctorId: null,
      });
    });
  return lines;
}

function stayInvoiceLines(st: Stay): BillLine[] {
  const ward = Math.floor(st.bed / (ROOMS_PER_WARD * BEDS_PER_ROOM));
  return [
    {
      kind: "BED_DAY",
      description: `Bed-days, ward ${ward + 1}`,
      quantity: st.days,
      unitAmount: wardRate(ward),
      sourceId: st.id,
      doctorId: null,
    },
  ];
}

// ---- The load ----------------------------------------------------------------------------------
const LOADED = [
  "User",
  "Patient",
  "Allergy",
  "Condition",
  "Appointment",
  "Consultation",
  "Diagnosis",
  "VitalSign",
  "Prescription",
  "PrescriptionItem",
  "Dispense",
  "DispenseLine",
  "Admission",
  "BedAssignment",
  "Invoice",
  "InvoiceLine",
  "Payment",
  "PatientName",
  "PatientConditionKey",
  "StaffProfile",
];

export async function generateHospital(
  url: string,
  opts: { patients: number; seed?: number; years?: number; now?: Date; log?: (s: string) => void },
): Promise<GenerateReport> {
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? 42;
  const now = opts.now ? opts.now.getTime() : Math.floor(Date.now() / DAY) * DAY;
  const t0 = performance.now();
  const s = shapeOf(opts.patients, seed, opts.years ?? 5, now);
  log(
    `  shape: ${s.doctors} doctors, ${s.nurses} nurses, ${s.beds} beds, ${s.appointments} appointments, ${s.admissions} admissions`,
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables: TableTiming[] = [];
  try {
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");
    const td = performance.now();
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [LOADED],
    );
    const { rows: constraints } = await client.query<{ table: string; name: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c WHERE c.contype IN ('f', 'x') AND c.conrelid::regclass::text = ANY($1)`,
      [LOADED.map((t) => `"${t}"`)],
    );
    for (const c of constraints) await client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
    for (const i of indexes) await client.query(`DROP INDEX "${i.indexname}"`);
    const dropSeconds = (performance.now() - td) / 1000;

    const load = async (
      table: string,
      columns: string[],
      rows: (emit: (cells: Cell[]) => void | Promise<void>) => Promise<void>,
    ) => {
      const t = performance.now();
      const n = await copyRows(client, table, columns, rows);
      const seconds = (performance.now() - t) / 1000;
      const timing = {
        table,
        rows: n,
        seconds: Math.round(seconds * 100) / 100,
        rowsPerSecond: Math.round(n / Math.max(seconds, 1e-3)),
      };
      tables.push(timing);
      log(
        `  ${table.padEnd(18)} ${String(n).padStart(10)} rows ${seconds.toFixed(1).padStart(7)} s ${String(timing.rowsPerSecond).padStart(9)} rows/s`,
      );
    };
    const created = new Date(s.start - 400 * DAY);

    // Reference data and staff.
    await load("Department", ["id", "name", "description", "createdAt", "updatedAt"], async (emit) => {
      DEPARTMENTS.forEach((d, j) => emit([`gdp${j}`, d, null, created, created]));
    });
    const staff: [string, string, string, string][] = [];
    const staffName = (j: number, salt: number) =>
      `${pick(FIRST_NAMES, mulberry32(mix(seed, j, salt))())} ${pick(LAST_NAMES, mulberry32(mix(seed, j, salt + 1))())}`;
    for (let d = 0; d < s.doctors; d++)
      staff.push([doctorId(d), `doctor${d}@hospital.example`, `Dr ${staffName(d, 10)}`, "DOCTOR"]);
    for (let d = 0; d < s.nurses; d++)
      staff.push([nurseId(d), `nurse${d}@hospital.example`, staffName(d, 12), "NURSE"]);
    for (let d = 0; d < s.pharmacists; d++)
      staff.push([pharmacistId(d), `pharmacist${d}@hospital.example`, staffName(d, 14), "PHARMACIST"]);
    for (let d = 0; d < s.records; d++)
      staff.push([recordsId(d), `records${d}@hospital.example`, staffName(d, 16), "RECORDS_OFFICER"]);
    staff.push([ADMIN_ID, "admin@hospital.example", "Hospital Admin", "ADMIN"]);
    await load("User", ["id", "email", "name", "role", "createdAt", "updatedAt"], async (emit) => {
      for (const [id, email, name, role] of staff) await emit([id, email, name, role, created, created]);
      await eachPatient(s, (p, i) =>
        p.login
          ? emit([
              `gup_${i}`,
              `patient${i}@example.org`,
              `${p.first} ${p.last}`,
              "PATIENT",
              new Date(p.createdAt),
              new Date(p.createdAt),
            ])
          : undefined,
      );
    });
    await load(
      "StaffProfile",
      ["userId", "departmentId", "specialty", "yearsOfExperience", "consultationFee"],
      async (emit) => {
        for (let d = 0; d < s.doctors; d++)
          await emit([
            doctorId(d),
            `gdp${d % DEPARTMENTS.length}`,
            SPECIALTIES[d % SPECIALTIES.length],
            2 + (d % 25),
            doctorFee(d),
          ]);
        for (let d = 0; d < s.nurses; d++)
          await emit([nurseId(d), `gdp${d % DEPARTMENTS.length}`, null, 1 + (d % 20), null]);
      },
    );
    await load("DoctorAvailability", ["doctorId", "slotMinutes", "updatedAt"], async (emit) => {
      for (let d = 0; d < s.doctors; d++) await emit([doctorId(d), SLOT_MINUTES, created]);
    });
    await load("WeeklyHours", ["id", "doctorId", "weekday", "startMin", "endMin"], async (emit) => {
      for (let d = 0; d < s.doctors; d++)
        for (let w = 1; w <= 5; w++) await emit([`gwh${d}_${w}`, doctorId(d), w, DAY_START_MIN, DAY_END_MIN]);
    });
    await load(
      "Drug",
      [
        "id",
        "genericName",
        "brandName",
        "form",
        "strength",
        "drugClass",
        "unitPrice",
        "reorderLevel",
        "createdAt",
        "updatedAt",
      ],
      async (emit) => {
        for (const [j, d] of DRUG_CATALOGUE.entries())
          await emit([
            `gdr${j}`,
            d.genericName,
            d.brandName,
            d.form,
            d.strength,
            d.drugClass,
            drugPrice(j),
            d.reorderLevel,
            created,
            created,
          ]);
      },
    );
    await load("StockBatch", ["id", "drugId", "lot", "expiresOn", "quantity", "receivedAt"], async (emit) => {
      for (let j = 0; j < DRUG_CATALOGUE.length; j++)
        await emit([
          `gsb${j}`,
          `gdr${j}`,
          `LOT-${1000 + j}`,
          new Date(now + 400 * DAY).toISOString().slice(0, 10),
          500 + (j % 7) * 100,
          new Date(now - 30 * DAY),
        ]);
    });
    await load("Ward", ["id", "name", "departmentId", "type", "bedDayRate", "createdAt", "updatedAt"], async (emit) => {
      for (let w = 0; w < s.wards; w++)
        await emit([
          `gwd${w}`,
          `Ward ${w + 1}`,
          `gdp${w % DEPARTMENTS.length}`,
          WARD_TYPES[w % WARD_TYPES.length],
          wardRate(w),
          created,
          created,
        ]);
    });
    await load("Room", ["id", "wardId", "name", "type", "capacity", "createdAt", "updatedAt"], async (emit) => {
      for (let w = 0; w < s.wards; w++)
        for (let m = 0; m < ROOMS_PER_WARD; m++)
          await emit([`grm${w}_${m}`, `gwd${w}`, `Room ${m + 1}`, "SHARED", BEDS_PER_ROOM, created, created]);
    });
    await load("Bed", ["id", "roomId", "label", "state", "stateChangedAt", "createdAt"], async (emit) => {
      for (let b = 0; b < s.beds; b++) {
        const w = Math.floor(b / (ROOMS_PER_WARD * BEDS_PER_ROOM));
        const m = Math.floor(b / BEDS_PER_ROOM) % ROOMS_PER_WARD;
        await emit([
          `gbd${b}`,
          `grm${w}_${m}`,
          String.fromCharCode(65 + (b % BEDS_PER_ROOM)),
          "FREE",
          created,
          created,
        ]);
      }
    });

    // Patients and their records.
    await load(
      "Patient",
      [
        "id",
        "mrn",
        "firstName",
        "lastName",
        "dateOfBirth",
        "sex",
        "nationalId",
        "phone",
        "email",
        "address",
        "bloodGroup",
        "qrToken",
        "userId",
        "active",
        "createdAt",
        "updatedAt",
      ],
      (emit) =>
        eachPatient(s, (p, i) => {
          const u = p.u;
          const bg = ["A_POS", "A_NEG", "B_POS", "B_NEG", "AB_POS", "AB_NEG", "O_POS", "O_NEG"];
          return emit([
            p.id,
            num("H-", i),
            p.first,
            p.last,
            new Date(Date.UTC(1930, 0, 1) + Math.floor(u[1] * 34000) * DAY).toISOString().slice(0, 10),
            u[2] < 0.49 ? "female" : u[2] < 0.98 ? "male" : u[2] < 0.99 ? "other" : "unknown",
            u[3] < 0.6 ? `NID${String(Math.floor(u[3] * 1e9)).padStart(9, "0")}` : null,
            u[4] < 0.9 ? pick(PHONE_PREFIXES, u[4] / 0.9) + String(Math.floor(u[5] * 1e6)).padStart(6, "0") : null,
            p.login || u[5] < 0.4 ? `patient${i}@example.org` : null,
            u[6] < 0.5 ? `${i} Avenue de la Paix, Lomé` : null,
            u[6] < 0.7 ? bg[Math.floor((u[6] / 0.7) * 8)] : null,
            `q${i}x${Math.floor(u[7] * 1e9).toString(16)}`,
            p.login ? `gup_${i}` : null,
            u[7] >= 0.02,
            new Date(p.createdAt),
            new Date(p.createdAt),
          ]);
        }),
    );
    await load("Allergy", ["id", "patientId", "substance", "drugClass", "reaction", "severity", "createdAt"], (emit) =>
      eachPatient(s, async (p, i) => {
        for (let m = 0; m < p.allergies; m++) {
          const [substance, cls, reaction] = ALLERGENS[(i * 7 + m * 3) % ALLERGENS.length];
          await emit([
            `gal${i}_${m}`,
            p.id,
            substance,
            cls,
            reaction,
            ["mild", "moderate", "severe"][(i + m) % 3],
            new Date(p.createdAt),
          ]);
        }
      }),
    );
    await load("Condition", ["id", "patientId", "text", "code", "createdAt"], (emit) =>
      eachPatient(s, async (p, i) => {
        for (let m = 0; m < p.conditions; m++) {
          const [text, code] = CONDITIONS[Math.floor(CONDITIONS.length * ((p.u[m] * 7.31 + m * 0.37) % 1) ** 1.5)];
          await emit([`gcn${i}_${m}`, p.id, text, code, new Date(p.createdAt)]);
        }
      }),
    );
    await load(
      "Appointment",
      [
        "id",
        "patientId",
        "doctorId",
        "startsAt",
        "endsAt",
        "status",
        "reason",
        "cancelReason",
        "createdById",
        "createdAt",
        "updatedAt",
      ],
      (emit) =>
        eachPatient(s, async (p) => {
          for (const ap of p.appts) {
            const bookedAt = new Date(ap.startsAt - 14 * DAY);
            await emit([
              ap.id,
              p.id,
              doctorId(ap.doctor),
              new Date(ap.startsAt),
              new Date(ap.startsAt + SLOT_MINUTES * MINUTE),
              ap.status,
              ap.reason,
              ap.status === "CANCELLED" ? "Patient request" : null,
              recordsId(ap.k % s.records),
              bookedAt,
              new Date(Math.min(ap.startsAt + SLOT_MINUTES * MINUTE, now)),
            ]);
          }
        }),
    );

    // Consultations and everything hanging off them: one plan per completed appointment, re-derived per pass.
    const eachConsult = (
      fn: (p: ReturnType<typeof patientPlan>, ap: Appt, c: ReturnType<typeof consultPlan>) => void | Promise<void>,
    ) =>
      eachPatient(s, async (p) => {
        for (const ap of p.appts) if (ap.consult) await fn(p, ap, consultPlan(s, ap));
      });
    await load(
      "Consultation",
      [
        "id",
        "patientId",
        "doctorId",
        "appointmentId",
        "hpi",
        "assessment",
        "plan",
        "version",
        "signedAt",
        "signedById",
        "lockedAt",
        "createdAt",
        "updatedAt",
      ],
      (emit) =>
        eachConsult((p, ap, c) =>
          emit([
            `gco${ap.k}`,
            p.id,
            doctorId(ap.doctor),
            ap.id,
            ap.reason,
            c.codes[0][1],
            "Review in four weeks.",
            1,
            new Date(c.signedAt),
            doctorId(ap.doctor),
            new Date(c.signedAt + DAY),
            new Date(c.at),
            new Date(c.signedAt),
          ]),
        ),
    );
    await load("Diagnosis", ["id", "consultationId", "code", "description", "position"], (emit) =>
      eachConsult(async (_p, ap, c) => {
        for (const [j, [code, description]] of c.codes.entries())
          await emit([`gdx${ap.k}_${j}`, `gco${ap.k}`, code, description, j]);
      }),
    );
    await load(
      "VitalSign",
      [
        "id",
        "patientId",
        "recordedById",
        "takenAt",
        "temperatureC",
        "pulse",
        "respiratoryRate",
        "systolic",
        "diastolic",
        "spo2",
        "weightKg",
        "heightCm",
        "lockedAt",
        "createdAt",
        "updatedAt",
      ],
      (emit) =>
        eachConsult((p, ap, c) =>
          c.vitals
            ? emit([
                `gvs${ap.k}`,
                p.id,
                nurseId(c.nurse),
                new Date(c.at),
                Math.round(c.vit[0] * 10) / 10,
                c.vit[1],
                c.vit[2],
                c.vit[3],
                c.vit[4],
                c.vit[5],
                c.vit[6],
                c.vit[7],
                new Date(c.at + DAY),
                new Date(c.at),
                new Date(c.at),
              ])
            : undefined,
        ),
    );
    let prescriptions = 0;
    await load(
      "Prescription",
      [
        "id",
        "number",
        "patientId",
        "prescriberId",
        "consultationId",
        "status",
        "findings",
        "token",
        "issuedAt",
        "expiresAt",
        "createdAt",
        "updatedAt",
      ],
      (emit) =>
        eachConsult((p, ap, c) => {
          if (!c.rx) return;
          const expiresAt = c.signedAt + 30 * DAY;
          const status = c.dispensed ? "DISPENSED" : expiresAt < now ? "EXPIRED" : "ACTIVE";
          return emit([
            `grx${ap.k}`,
            num("RX-", ++prescriptions),
            p.id,
            doctorId(ap.doctor),
            `gco${ap.k}`,
            status,
            "[]",
            `rx${ap.k}t${hex(mulberry32(mix(seed, ap.k, 4)), 16)}`,
            new Date(c.signedAt),
            new Date(expiresAt),
            new Date(c.signedAt),
            new Date(c.signedAt),
          ]);
        }),
    );
    await load(
      "PrescriptionItem",
      [
        "id",
        "prescriptionId",
        "drugId",
        "dose",
        "route",
        "frequency",
        "durationDays",
        "quantity",
        "dispensedQuantity",
        "position",
      ],
      (emit) =>
        eachConsult(async (_p, ap, c) => {
          for (const [j, it] of c.items.entries())
            await emit([
              `gri${ap.k}_${j}`,
              `grx${ap.k}`,
              `gdr${it.drug}`,
              "1 unit",
              DRUG_CATALOGUE[it.drug].form === "injection" ? "IV" : "oral",
              it.frequency,
              it.durationDays,
              it.quantity,
              c.dispensed ? it.quantity : 0,
              j,
            ]);
        }),
    );
    await load("Dispense", ["id", "prescriptionId", "pharmacistId", "dispensedAt"], (emit) =>
      eachConsult((_p, ap, c) =>
        c.dispensed
          ? emit([`gds${ap.k}`, `grx${ap.k}`, pharmacistId(c.pharmacist), new Date(c.signedAt + 2 * 3600_000)])
          : undefined,
      ),
    );
    await load("DispenseLine", ["id", "dispenseId", "itemId", "batchId", "quantity"], (emit) =>
      eachConsult(async (_p, ap, c) => {
        if (c.dispensed)
          for (const [j, it] of c.items.entries())
            await emit([`gdl${ap.k}_${j}`, `gds${ap.k}`, `gri${ap.k}_${j}`, `gsb${it.drug}`, it.quantity]);
      }),
    );

    // Admissions.
    await load(
      "Admission",
      [
        "id",
        "patientId",
        "departmentId",
        "attendingDoctorId",
        "reason",
        "plannedStayDays",
        "admittedAt",
        "admittedById",
        "dischargedAt",
        "dischargedById",
        "dischargeSummary",
        "createdAt",
        "updatedAt",
      ],
      (emit) =>
        eachPatient(s, async (p) => {
          for (const st of p.stays)
            await emit([
              st.id,
              p.id,
              `gdp${st.doctor % DEPARTMENTS.length}`,
              doctorId(st.doctor),
              st.reason,
              st.days,
              new Date(st.admittedAt),
              nurseId(st.a % s.nurses),
              st.dischargedAt === null ? null : new Date(st.dischargedAt),
              st.dischargedAt === null ? null : doctorId(st.doctor),
              st.dischargedAt === null ? null : "Recovered; discharged home.",
              new Date(st.admittedAt),
              new Date(st.dischargedAt ?? st.admittedAt),
            ]);
        }),
    );
    await load("BedAssignment", ["id", "admissionId", "bedId", "startsAt", "endsAt", "createdById"], (emit) =>
      eachPatient(s, async (p) => {
        for (const st of p.stays)
          await emit([
            `gba${st.a}`,
            st.id,
            `gbd${st.bed}`,
            new Date(st.admittedAt),
            st.dischargedAt === null ? null : new Date(st.dischargedAt),
            nurseId(st.a % s.nurses),
          ]);
      }),
    );

    // Billing: invoices for most consultations and every discharged stay, numbered in this order.
    type Bill = {
      id: string;
      patientId: string;
      appointmentId: string | null;
      admissionId: string | null;
      issuedAt: number;
      lines: BillLine[];
      pay: number;
      method: string;
      key: number;
    };
    const eachBill = (fn: (b: Bill) => void | Promise<void>) =>
      eachPatient(s, async (p) => {
        for (const ap of p.appts) {
          if (!ap.consult) continue;
          const c = consultPlan(s, ap);
          if (c.invoiced)
            await fn({
              id: `giv${ap.k}`,
              patientId: p.id,
              appointmentId: ap.id,
              admissionId: null,
              issuedAt: c.signedAt,
              lines: consultInvoiceLines(ap, c),
              pay: c.pay,
              method: c.method,
              key: ap.k,
            });
        }
        for (const st of p.stays) {
          if (st.dischargedAt === null) continue;
          const r = mulberry32(mix(seed, st.a, 5));
          await fn({
            id: `gia${st.a}`,
            patientId: p.id,
            appointmentId: null,
            admissionId: st.id,
            issuedAt: st.dischargedAt,
            lines: stayInvoiceLines(st),
            pay: r(),
            method: pick(PAYMENT_METHODS, r()),
            key: st.a,
          });
        }
      });
    let invoices = 0;
    await load(
      "Invoice",
      [
        "id",
        "number",
        "patientId",
        "appointmentId",
        "admissionId",
        "currency",
        "status",
        "issuedAt",
        "dueAt",
        "createdById",
      ],
      (emit) =>
        eachBill((b) =>
          emit([
            b.id,
            num("INV-", ++invoices),
            b.patientId,
            b.appointmentId,
            b.admissionId,
            CURRENCY,
            "OPEN",
            new Date(b.issuedAt),
            new Date(b.issuedAt + 30 * DAY),
            recordsId(b.key % s.records),
          ]),
        ),
    );
    await load(
      "InvoiceLine",
      ["id", "invoiceId", "kind", "description", "quantity", "unitAmount", "amount", "sourceId", "doctorId"],
      (emit) =>
        eachBill(async (b) => {
          for (const [j, l] of b.lines.entries())
            await emit([
              `${b.id}_${j}`,
              b.id,
              l.kind,
              l.description,
              l.quantity,
              l.unitAmount,
              l.quantity * l.unitAmount,
              l.sourceId,
              l.doctorId,
            ]);
        }),
    );
    let receipts = 0;
    await load(
      "Payment",
      ["id", "invoiceId", "amount", "method", "receivedById", "receivedAt", "receiptNumber"],
      (emit) =>
        eachBill((b) => {
          const total = b.lines.reduce((t, l) => t + l.quantity * l.unitAmount, 0);
          const amount = paymentOf(total, b.pay, b.issuedAt, now);
          return amount > 0
            ? emit([
                `${b.id}p`,
                b.id,
                amount,
                b.method,
                recordsId(b.key % s.records),
                new Date(b.issuedAt + 3600_000),
                num("RCPT-", ++receipts),
              ])
            : undefined;
        }),
    );

    // Sequences past the generated numbers; beds with a patient in them are occupied.
    await client.query(
      `SELECT setval('patient_mrn_seq', $1), setval('invoice_number_seq', $2), setval('receipt_number_seq', $3), setval('prescription_number_seq', $4)`,
      [Math.max(1, s.n), Math.max(1, invoices), Math.max(1, receipts), Math.max(1, prescriptions)],
    );
    await client.query(
      `UPDATE "Bed" b SET state = 'OCCUPIED' FROM "BedAssignment" a WHERE a."bedId" = b.id AND a."endsAt" IS NULL`,
    );

    // Indexes two at a time, then the constraints (PostgreSQL checks every row again).
    const ti = performance.now();
    const builders = new pg.Pool({ connectionString: url, max: 2, options: "-c maintenance_work_mem=256MB" });
    try {
      await Promise.all(indexes.map((i) => builders.query(i.indexdef)));
    } finally {
      await builders.end();
    }
    for (const c of constraints) await client.query(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def}`);
    const indexSeconds = (performance.now() - ti) / 1000;
    log(`  indexes and constraints: ${indexes.length} + ${constraints.length} in ${indexSeconds.toFixed(1)} s`);
    const ta = performance.now();
    await client.query("ANALYZE");
    const analyzeSeconds = (performance.now() - ta) / 1000;
    const totalSeconds = (performance.now() - t0) / 1000;
    const totalRows = tables.reduce((t, x) => t + x.rows, 0);
    log(
      `  total: ${totalRows} rows in ${totalSeconds.toFixed(1)} s (${Math.round(totalRows / totalSeconds)} rows/s; analyze ${analyzeSeconds.toFixed(1)} s)`,
    );
    return { patients: s.n, seed, tables, dropSeconds, indexSeconds, analyzeSeconds, totalSeconds, totalRows };
  } finally {
    await client.end();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const patients = Number(arg("patients") ?? 10_000);
  const seed = Number(arg("seed") ?? 42);
  const years = Number(arg("years") ?? 5);
  const database = arg("database");
  let url: string;
  if (database) {
    if (/^postgres(ql)?:\/\//.test(database)) url = database;
    else {
      const u = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
      u.pathname = `/${database}`;
      url = u.toString();
    }
  } else {
    const { createTestDatabase } = await import("../../tests/test-db");
    url = (await createTestDatabase(`hospital_gen_${patients}`)).url;
  }
  console.log(`Generating ${patients} patients (seed ${seed}) into ${new URL(url).pathname.slice(1)}…`);
  await generateHospital(url, { patients, seed, years, log: console.log });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
