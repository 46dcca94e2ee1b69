// The list part of `npm run bench` (issue 15 §3): what the audit rows of list reads cost. Every
// list that shows clinical data writes one VIEW row per patient shown, in the same transaction as
// the read; this times the lists as their routes call them, in-process, on a generated hospital
// (generate.ts), one call after another: the prescriptions list (no patient), the admissions list,
// the appointments list, the patient search by condition, the lab worklist and the data browser's
// consultations. Target: each list's p95 within 20 % of the same list before its audit rows (the
// figures measured on main before the change, BEFORE below, same machine and settings).
import { listLabOrders } from "../../lib/clinical/queries";
import { listRecords } from "../../lib/databrowser/queries";
import { REGISTRY } from "../../lib/databrowser/registry";
import type { Role } from "../../lib/generated/prisma/client";
import { searchPatients } from "../../lib/patients/queries";
import { listPrescriptions } from "../../lib/prescriptions/queries";
import { listAppointments } from "../../lib/scheduling/queries";
import { createDb, type Db } from "../../lib/server/db";
import type { Ctx } from "../../lib/server/session";
import { listAdmissions } from "../../lib/wards/queries";
import { createTestDatabase } from "../../tests/test-db";
import { percentiles, round, type Percentiles } from "./common";
import { generateHospital } from "./generate";

export type ListsOptions = { runs: number; patients: number; keep: boolean; log: (s: string) => void };
export type ListName =
  | "prescriptions"
  | "admissions"
  | "appointments"
  | "conditionSearch"
  | "labWorklist"
  | "dataBrowser";
export type ListsResult = {
  patients: number;
  pageSize: number;
  lists: Record<ListName, Percentiles & { runs: number; rows: number; auditRows: number }>;
};

/**
 * p95 of each list before its audit rows: main at 1545ae1 (issue 15 before §3) with this file
 * (commit dc009bf), `npm run bench -- --only lists --runs 200` on the shared 2-core machine (load
 * average 3.7), 20,000 patients, 400 runs, page of 20; run back to back with the after figures.
 */
export const BEFORE: Record<ListName, number> = {
  prescriptions: 40.16,
  admissions: 19.13,
  appointments: 8.85,
  conditionSearch: 8.78,
  labWorklist: 7.54,
  dataBrowser: 96.01,
};
export const MAX_RATIO = 1.2;

const PAGE = 20;

async function actor(prisma: Db, role: Role): Promise<Ctx> {
  const u = await prisma.user.findFirstOrThrow({
    where: { role, active: true },
    orderBy: { id: "asc" },
    select: { id: true, name: true, email: true },
  });
  return { actor: { id: u.id, role, name: u.name, email: u.email }, ip: "127.0.0.1" };
}

async function timeIt(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchLists(opts: ListsOptions): Promise<ListsResult> {
  const { log } = opts;
  log(`\n== lists: audited list reads, ${opts.patients.toLocaleString("en")} patients ==`);
  const database = await createTestDatabase("hospital_bench_lists");
  try {
    await generateHospital(database.url, { patients: opts.patients, seed: 42, log: (s) => log(`    ${s}`) });
    const prisma = createDb(database.url);
    try {
      const admin = await actor(prisma, "ADMIN");
      const doctor = await actor(prisma, "DOCTOR");
      const audits = async () =>
        Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AuditEvent"`)[0].n);
      const page = { skip: 0, take: PAGE };
      const conditions = ["diab", "hyper", "asth", "malar", "hiv"];
      const browse = REGISTRY.get("consultations")!;
      const today = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
      const runs: Record<ListName, (i: number) => Promise<{ items: unknown[] }>> = {
        prescriptions: () => listPrescriptions(prisma, doctor, {}, { ...page, desc: true }),
        admissions: () => listAdmissions(prisma, admin, {}, page),
        appointments: (i) =>
          listAppointments(
            prisma,
            admin,
            {
              from: new Date(today.getTime() - ((i % 30) + 8) * 86_400_000),
              to: new Date(today.getTime() - ((i % 30) + 1) * 86_400_000),
            },
            page,
          ),
        conditionSearch: (i) =>
          searchPatients(prisma, admin, {
            q: "",
            page: 1,
            pageSize: PAGE,
            skip: 0,
            take: PAGE,
            sort: { field: "lastName", dir: "asc" },
            condition: conditions[i % conditions.length],
          }),
        labWorklist: () => listLabOrders(prisma, admin, { status: "RESULTED" }, page),
        dataBrowser: () =>
          listRecords(
            prisma,
            admin,
            browse,
            { q: "", page: 1, pageSize: PAGE, skip: 0, take: PAGE, sort: { field: "createdAt", dir: "desc" } },
            {},
          ),
      };
      const lists = {} as ListsResult["lists"];
      for (const [name, run] of Object.entries(runs) as [ListName, (i: number) => Promise<{ items: unknown[] }>][]) {
        const before = await audits();
        const rows = (await run(0)).items.length;
        const auditRows = (await audits()) - before;
        const samples = await timeIt(opts.runs, run);
        lists[name] = { ...percentiles(samples), runs: opts.runs, rows, auditRows };
        log(
          `  ${name}: ${rows} rows, ${auditRows} audit rows per read; p50 ${lists[name].p50} ms, p95 ${lists[name].p95} ms${BEFORE[name] ? ` (before: ${BEFORE[name]} ms, ${round(lists[name].p95 / BEFORE[name])}×)` : ""}`,
        );
      }
      return { patients: opts.patients, pageSize: PAGE, lists };
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    if (opts.keep) log(`  kept: ${database.url}`);
    else await database.drop();
  }
}
