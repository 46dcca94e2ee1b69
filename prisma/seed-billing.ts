import type { Db } from "../lib/server/db";

// Demo prices (in minor units of the hospital's currency) on the catalogues that have none yet, and
// one demo invoice for the demo patient so the billing pages have something to show. Idempotent.

const WARD_RATES: Record<string, number> = { ICU: 45000, Surgery: 18000, Maternity: 15000, Pediatrics: 12000 };

export async function seedBilling(prisma: Db): Promise<void> {
  const doctors = await prisma.staffProfile.findMany({
    where: { consultationFee: null, user: { role: "DOCTOR" } },
    select: { userId: true },
  });
  for (const [i, d] of doctors.entries())
    await prisma.staffProfile.update({ where: { userId: d.userId }, data: { consultationFee: 4000 + (i % 4) * 1000 } });
  const tests = await prisma.labTest.findMany({
    where: { price: null },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  for (const [i, t] of tests.entries())
    await prisma.labTest.update({ where: { id: t.id }, data: { price: 1500 + (i % 5) * 500 } });
  const drugs = await prisma.drug.findMany({
    where: { unitPrice: null },
    select: { id: true },
    orderBy: { genericName: "asc" },
  });
  for (const [i, d] of drugs.entries())
    await prisma.drug.update({ where: { id: d.id }, data: { unitPrice: 25 + (i % 6) * 35 } });
  for (const w of await prisma.ward.findMany({ where: { bedDayRate: null }, select: { id: true, name: true } })) {
    await prisma.ward.update({ where: { id: w.id }, data: { bedDayRate: WARD_RATES[w.name] ?? 10000 } });
  }

  if ((await prisma.invoice.count()) > 0) return;
  const [patient, records] = await Promise.all([
    prisma.patient.findFirst({ where: { email: "patient@demo.hospital" }, select: { id: true } }),
    prisma.user.findUnique({ where: { email: "records@demo.hospital" }, select: { id: true } }),
  ]);
  if (!patient || !records) return;
  await prisma.invoice.create({
    data: {
      patientId: patient.id,
      currency: process.env.HOSPITAL_CURRENCY || "USD",
      createdById: records.id,
      lines: {
        create: [
          { kind: "OTHER", description: "Medical certificate", quantity: 1, unitAmount: 2500, amount: 2500 },
          { kind: "OTHER", description: "Copy of records", quantity: 2, unitAmount: 750, amount: 1500 },
        ],
      },
    },
  });
}
