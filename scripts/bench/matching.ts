// The matching part of `npm run bench` (issue 17): one registration matched against a register of
// `patients` records (default 1,000,000), in-process, as staff and self-registration call it
// (lib/patients/matching.ts findMatches: indexed candidate blocks, then scoring). A fresh database
// seeded by seed.ts (set-based SQL, the migrations' indexes rebuilt, ANALYZE), then `runs` probes
// one after another, a quarter of each kind: an existing patient typed again (with the phone in
// another format), the names transposed, a typo in the last name and the day of birth, and a new
// person. Target: p95 ≤ 50 ms.
import pg from "pg";
import { findMatches, type Identity } from "../../lib/patients/matching";
import { createDb } from "../../lib/server/db";
import { createTestDatabase } from "../../tests/test-db";
import { percentiles, type Percentiles } from "./common";
import { mulberry32 } from "./generate";
import { seedHospital } from "./seed";

export type MatchingOptions = { patients: number; runs: number; keep: boolean; log: (s: string) => void };
export type MatchingResult = Percentiles & {
  patients: number;
  runs: number;
  found: Record<string, number>;
  seedSeconds: number;
};

type Row = {
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  sex: Identity["sex"];
  phone: string | null;
  email: string | null;
};

export async function benchMatching(opts: MatchingOptions): Promise<MatchingResult> {
  const { log } = opts;
  log(`\n== matching: one registration against ${opts.patients.toLocaleString("en")} patients ==`);
  const database = await createTestDatabase("hospital_bench_matching");
  const t0 = performance.now();
  try {
    await seedHospital(database.url, opts.patients, log);
    const seedSeconds = (performance.now() - t0) / 1000;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<Row>(
      `SELECT "firstName", "lastName", "dateOfBirth", sex::text AS sex, phone, email FROM "Patient" TABLESAMPLE SYSTEM (1) REPEATABLE (7) WHERE active LIMIT $1`,
      [opts.runs],
    );
    await client.end();
    const rnd = mulberry32(17);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const kinds = ["same", "transposed", "typo", "new"] as const;
    const probes = rows.map((r, i): { kind: (typeof kinds)[number]; who: Identity } => {
      const base: Identity = {
        firstName: r.firstName,
        lastName: r.lastName,
        dateOfBirth: iso(r.dateOfBirth),
        sex: r.sex,
        phone: r.phone,
        email: r.email,
      };
      const kind = kinds[i % 4];
      if (kind === "same")
        return { kind, who: { ...base, phone: r.phone?.replace(/^\+(\d{3})(\d{2})/, "+$1 $2 ") ?? null } };
      if (kind === "transposed") return { kind, who: { ...base, firstName: r.lastName, lastName: r.firstName } };
      if (kind === "typo") {
        const d = r.dateOfBirth.getUTCDate();
        const day = new Date(r.dateOfBirth);
        day.setUTCDate(d > 20 ? d - 2 : d + 2);
        return {
          kind,
          who: {
            ...base,
            lastName: `${r.lastName.slice(0, -1)}${r.lastName.at(-1) === "a" ? "e" : "a"}`,
            dateOfBirth: iso(day),
          },
        };
      }
      const year = 1930 + Math.floor(rnd() * 90);
      return {
        kind,
        who: {
          firstName: "Zephyrine",
          lastName: `Newperson${i}`,
          dateOfBirth: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
          sex: "female",
          phone: `+2289${Math.floor(1e7 + rnd() * 8e7)}`,
          email: `new${i}@example.org`,
        },
      };
    });
    const prisma = createDb(database.url);
    try {
      for (const p of probes.slice(0, 20)) await findMatches(prisma, p.who); // warm-up
      const times: number[] = [];
      const found: Record<string, number> = { same: 0, transposed: 0, typo: 0, new: 0 };
      for (const p of probes) {
        const t = performance.now();
        const matches = await findMatches(prisma, p.who);
        times.push(performance.now() - t);
        if (matches.length) found[p.kind]++;
      }
      const r = {
        ...percentiles(times),
        patients: opts.patients,
        runs: probes.length,
        found,
        seedSeconds: Math.round(seedSeconds),
      };
      log(
        `  ${probes.length} probes: p50 ${r.p50} ms, p95 ${r.p95} ms, max ${r.max} ms; found a candidate for ${JSON.stringify(found)} (of ${probes.length / 4} each)`,
      );
      return r;
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    if (!opts.keep) await database.drop();
  }
}
