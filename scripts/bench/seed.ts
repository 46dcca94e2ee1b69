// Seeds a synthetic hospital with set-based SQL (INSERT … SELECT FROM generate_series): a million
// patients in about a minute. Secondary indexes are dropped first and rebuilt afterwards, exactly as
// the migrations defined them (their definitions are read back from pg_indexes), two at a time.
import pg from "pg";
import { CONDITIONS, FIRST_NAMES, LAST_NAMES, PHONE_PREFIXES, sqlArray } from "./data";

// PatientName and PatientConditionKey are filled by Patient's and Condition's triggers as the rows go in.
const TABLES = ["Patient", "Condition", "PatientName", "PatientConditionKey"];

export type SeedTimings = {
  insertMs: number;
  indexMs: number;
  analyzeMs: number;
  patients: number;
  conditions: number;
};

export async function seedHospital(
  url: string,
  patients: number,
  log: (s: string) => void = () => {},
): Promise<SeedTimings> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '256MB'; SET synchronous_commit = off");
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [TABLES],
    );
    for (const i of indexes) await client.query(`DROP INDEX "${i.indexname}"`);

    const t0 = performance.now();
    await client.query("SELECT setseed(0.42)");
    // Every random draw is a column of the inner select, so it is drawn once per row. u² skews names
    // towards the start of the arrays: a few common surnames, a long tail of rare ones.
    await client.query(`
      INSERT INTO "Patient" (id, mrn, "firstName", "lastName", "dateOfBirth", sex, phone, email, "nationalId",
                             "bloodGroup", address, active, "createdAt", "updatedAt")
      SELECT 'bench' || lpad(g::text, 9, '0'),
             'H-' || lpad(g::text, greatest(6, length(g::text)), '0'),
             (${sqlArray(FIRST_NAMES)})[1 + floor(${FIRST_NAMES.length} * r1 * r1)::int],
             (${sqlArray(LAST_NAMES)})[1 + floor(${LAST_NAMES.length} * r2 * r2)::int],
             date '1930-01-01' + floor(r3 * 34000)::int,
             (CASE WHEN r4 < 0.49 THEN 'female' WHEN r4 < 0.98 THEN 'male' WHEN r4 < 0.99 THEN 'other' ELSE 'unknown' END)::"Sex",
             CASE WHEN r5 < 0.9 THEN (${sqlArray(PHONE_PREFIXES)})[1 + floor(${PHONE_PREFIXES.length} * r5 / 0.9)::int] || lpad(floor(r6 * 1000000)::int::text, 6, '0') END,
             CASE WHEN r6 < 0.4 THEN 'patient' || g || '@example.org' END,
             CASE WHEN r7 < 0.6 THEN 'NID' || lpad(floor(r7 * 1e9)::bigint::text, 9, '0') END,
             CASE WHEN r8 < 0.7 THEN (enum_range(NULL::"BloodGroup"))[1 + floor(r8 / 0.7 * 8)::int] END,
             CASE WHEN r8 < 0.5 THEN g || ' Avenue de la Paix, Lomé' END,
             r9 >= 0.02,
             now() - r3 * interval '5 years',
             now() - r3 * interval '1 year'
      FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                   random() r8, random() r9
            FROM generate_series(1, ${patients}) g) s`);
    // MRNs are numbered here rather than by the column default: from the millionth patient on,
    // the default's lpad(…, 6) truncates (H-1000000 becomes H-100000, a duplicate).
    await client.query(`SELECT setval('patient_mrn_seq', ${patients})`);
    log(`  patients: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // About half the patients have a condition, a few have several; common ones come first.
    await client.query(`
      INSERT INTO "Condition" (id, "patientId", text, code, "createdAt")
      SELECT id, "patientId", (${sqlArray(CONDITIONS.map((c) => c[0]))})[n], (${sqlArray(CONDITIONS.map((c) => c[1]))})[n], "createdAt"
      FROM (SELECT p.id || '-c' || i AS id, p.id AS "patientId", p."createdAt",
                   1 + floor(${CONDITIONS.length} * power(random(), 1.5))::int AS n
            FROM (SELECT id, "createdAt", floor(random() * random() * 4)::int AS k FROM "Patient") p
            CROSS JOIN LATERAL generate_series(1, p.k) i) c`);
    const insertMs = performance.now() - t0;
    log(`  rows inserted in ${(insertMs / 1000).toFixed(1)} s; rebuilding ${indexes.length} indexes…`);

    const t1 = performance.now();
    const queue = [...indexes];
    const worker = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query("SET maintenance_work_mem = '256MB'");
        for (let i = queue.shift(); i; i = queue.shift()) await c.query(i.indexdef);
      } finally {
        await c.end();
      }
    };
    await Promise.all([worker(), worker()]);
    const indexMs = performance.now() - t1;

    const t2 = performance.now();
    for (const t of TABLES) await client.query(`VACUUM (ANALYZE) "${t}"`);
    const analyzeMs = performance.now() - t2;
    const { rows } = await client.query<{ p: string; c: string }>(
      `SELECT (SELECT count(*) FROM "Patient") p, (SELECT count(*) FROM "Condition") c`,
    );
    return { insertMs, indexMs, analyzeMs, patients: Number(rows[0].p), conditions: Number(rows[0].c) };
  } finally {
    await client.end();
  }
}
