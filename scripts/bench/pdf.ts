// The prescription PDF part of `npm run bench` (issue 5): a fresh database with the drug catalogue,
// one doctor, one patient with allergies and one 5-line prescription, then
// - in-process: renderPrescriptionPdf as the route calls it (scoped read, audit row, layout, QR
//   code, compression) and buildPrescriptionPdf alone (layout, QR code, compression), `runs` each;
// - HTTP: GET /api/v1/prescriptions/{id}/pdf through `next start`, one request after another
//   (A4 and US Letter alternately), with a doctor's bearer token.
// Nothing is cached between runs: every PDF is built from the prescription's data.
import { ensureDrugCatalogue } from "../../lib/pharmacy/catalogue";
import { buildPrescriptionPdf, pdfData, renderPrescriptionPdf, type Paper } from "../../lib/prescriptions/pdf";
import { parseInput } from "../../lib/server/validation";
import { ZPrescribe } from "../../lib/prescriptions/schemas";
import { prescribe } from "../../lib/prescriptions/service";
import { createDb } from "../../lib/server/db";
import type { Ctx } from "../../lib/server/session";
import { issueApiToken } from "../../lib/server/tokens";
import { seedPatient, seedUser } from "../../prisma/builders";
import { createTestDatabase } from "../../tests/test-db";
import { capturingDb, sessionRead, statementCount, withFloor } from "./capture";
import { percentiles, startServer, stopServer, type Percentiles } from "./common";

export type PdfOptions = { port: number; runs: number; keep: boolean; log: (s: string) => void };
export type PdfResult = {
  lines: number;
  bytes: { A4: number; LETTER: number };
  inProcess: { render: Percentiles & { runs: number }; layout: Percentiles & { runs: number } };
  http: Percentiles & { runs: number; failures: number };
  /** The same requests answered with the route's SQL only, through pg behind bare node:http. */
  floor: Percentiles & { runs: number; statements: number };
};

const LINES: [string, string, string, number][] = [
  ["paracetamol", "1000 mg", "every 6 hours", 3],
  ["omeprazole", "20 mg", "once daily", 28],
  ["amlodipine", "5 mg", "once daily", 30],
  ["metformin", "500 mg", "twice daily", 30],
  ["cetirizine", "10 mg", "once daily at night", 14],
];

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<Percentiles & { runs: number }> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(i); // warm the JIT, fonts and the pool
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return { runs, ...percentiles(samples) };
}

const paperOf = (i: number): Paper => (i % 2 ? "LETTER" : "A4");

/**
 * The PDF's floor: its SQL only (the session check, then what renderPrescriptionPdf sends: the
 * scoped read and the audit row), captured in-process and replayed through pg behind bare
 * node:http; no layout. Timed as the app was (sequential requests, A4 and Letter alternately).
 */
async function pdfFloor(url: string, opts: PdfOptions, ctx: Ctx, id: string): Promise<PdfResult["floor"]> {
  const cap = capturingDb(url);
  const script: Record<string, Awaited<ReturnType<typeof cap.capture>>> = {};
  try {
    for (const paper of ["A4", "LETTER"] as const)
      script[`${ctx.actor.id} /api/v1/prescriptions/${id}/pdf?paper=${paper}`] = await cap.capture(async (p) => {
        await sessionRead(p, ctx.actor.id);
        await renderPrescriptionPdf(p, ctx, id, paper, "en");
      });
  } finally {
    await cap.disconnect();
  }
  const port = opts.port + 1;
  return withFloor(url, port, "pdf", script, async () => {
    const t = await time(opts.runs, async (i) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/prescriptions/${id}/pdf?paper=${paperOf(i)}`, {
        headers: { authorization: `Bearer ${ctx.actor.id}` },
      });
      await res.text();
      if (res.status !== 200) throw new Error(`floor GET …/pdf: ${res.status}`);
    });
    return { ...t, statements: statementCount(Object.values(script)[0]) };
  });
}

export async function benchPdf(opts: PdfOptions): Promise<PdfResult> {
  opts.log("\n== prescription PDF ==");
  const database = await createTestDatabase("hospital_bench_pdf");
  const prisma = createDb(database.url);
  try {
    await ensureDrugCatalogue(prisma);
    const doctor = await seedUser(prisma, {
      email: "bench.dr@bench.hospital",
      name: "Dr. Bench Prescriber",
      role: "DOCTOR",
      password: "Bench-pass-2026",
    });
    await prisma.staffProfile.update({ where: { userId: doctor.id }, data: { qualification: "MBBS, MRCP" } });
    const patient = await seedPatient(prisma, {
      firstName: "Adaeze",
      lastName: "Okonkwo-Whitfield",
      dateOfBirth: "1961-02-14",
      sex: "female",
    });
    await prisma.allergy.createMany({
      data: [
        { patientId: patient.id, substance: "Latex", severity: "mild" },
        { patientId: patient.id, substance: "Codeine", severity: "moderate" },
      ],
    });
    const drugs = new Map(
      (
        await prisma.drug.findMany({
          where: { genericName: { in: LINES.map((l) => l[0]) }, form: { in: ["tablet", "capsule"] } },
        })
      ).map((d) => [d.genericName, d.id]),
    );
    const ctx: Ctx = {
      actor: { id: doctor.id, role: "DOCTOR", name: doctor.name, email: doctor.email },
      ip: "127.0.0.1",
    };
    const rx = await prescribe(
      prisma,
      ctx,
      parseInput(ZPrescribe, {
        patientId: patient.id,
        items: LINES.map(([name, dose, frequency, durationDays]) => ({
          drugId: drugs.get(name),
          dose,
          route: "oral",
          frequency,
          durationDays,
          instructions: name === "metformin" ? "With breakfast and the evening meal" : undefined,
        })),
      }),
    );
    opts.log(`  in-process: ${opts.runs} runs of renderPrescriptionPdf and of the layout alone…`);
    const render = await time(opts.runs, (i) => renderPrescriptionPdf(prisma, ctx, rx.id, paperOf(i), "en"));
    const withAllergies = await prisma.patient.findUniqueOrThrow({
      where: { id: patient.id },
      select: { dateOfBirth: true, allergies: { select: { substance: true, severity: true } } },
    });
    const data = pdfData(rx, withAllergies, { qualification: "MBBS, MRCP", registrationNumber: "GMC 7654321" }, "en");
    const layout = await time(opts.runs, (i) => buildPrescriptionPdf(data, paperOf(i), "en"));
    const bytes = {
      A4: (await buildPrescriptionPdf(data, "A4", "en")).length,
      LETTER: (await buildPrescriptionPdf(data, "LETTER", "en")).length,
    };
    opts.log(
      `  in-process render p50 ${render.p50} ms, p95 ${render.p95} ms; layout alone p50 ${layout.p50} ms, p95 ${layout.p95} ms`,
    );

    const server = await startServer(database.url, opts.port);
    try {
      const { token } = await issueApiToken({ userId: doctor.id, role: "DOCTOR", sessionVersion: 0 });
      let failures = 0;
      const http = await time(opts.runs, async (i) => {
        const res = await fetch(`http://127.0.0.1:${opts.port}/api/v1/prescriptions/${rx.id}/pdf?paper=${paperOf(i)}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = Buffer.from(await res.arrayBuffer());
        if (
          res.status !== 200 ||
          res.headers.get("content-type") !== "application/pdf" ||
          body.subarray(0, 5).toString() !== "%PDF-"
        )
          failures++;
      });
      opts.log(`  HTTP p50 ${http.p50} ms, p95 ${http.p95} ms, ${failures} failures`);
      await stopServer(server);
      const floor = await pdfFloor(database.url, opts, ctx, rx.id);
      opts.log(`  floor (SQL only, ${floor.statements} statements): p50 ${floor.p50} ms, p95 ${floor.p95} ms`);
      return { lines: LINES.length, bytes, inProcess: { render, layout }, http: { ...http, failures }, floor };
    } finally {
      await stopServer(server);
    }
  } finally {
    await prisma.$disconnect();
    if (opts.keep) opts.log(`  kept: ${database.url}`);
    else await database.drop();
  }
}
