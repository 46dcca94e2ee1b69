// Demo clinical record: the lab catalogue, and for the demo patient a signed consultation, a few
// vitals, a nurse note and two resulted lab orders (one abnormal). Skipped once the patient has one.
import { ensureLabCatalogue } from "../lib/clinical/lab-catalogue";
import type { Db } from "../lib/server/db";

const DAY = 86_400_000;

export async function seedClinical(prisma: Db): Promise<void> {
  await ensureLabCatalogue(prisma);
  const [doctor, nurse, patientUser] = await Promise.all(
    ["doctor@demo.hospital", "nurse@demo.hospital", "patient@demo.hospital"].map((email) =>
      prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
    ),
  );
  const patient = await prisma.patient.findUniqueOrThrow({ where: { userId: patientUser.id }, select: { id: true } });
  if (await prisma.consultation.findFirst({ where: { patientId: patient.id }, select: { id: true } })) return;
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const signedAt = at(20);
  await prisma.consultation.create({
    data: {
      patientId: patient.id,
      doctorId: doctor.id,
      updatedById: doctor.id,
      createdAt: at(20),
      updatedAt: at(20),
      signedAt,
      signedById: doctor.id,
      lockedAt: new Date(signedAt.getTime() + DAY),
      hpi: "Headaches in the morning for two weeks; no visual disturbance.",
      exam: "BP 152/96 both arms, otherwise unremarkable.",
      assessment: "Newly diagnosed essential hypertension.",
      plan: "Lifestyle advice, start amlodipine 5 mg daily, review in four weeks with lipids and creatinine.",
      nextVisitOn: new Date(
        Date.UTC(
          new Date(now + 8 * DAY).getUTCFullYear(),
          new Date(now + 8 * DAY).getUTCMonth(),
          new Date(now + 8 * DAY).getUTCDate(),
        ),
      ),
      diagnoses: { create: [{ code: "I10", description: "Essential (primary) hypertension", position: 0 }] },
    },
  });
  const readings = [
    [20, 152, 96, 84, 36.8],
    [13, 144, 92, 80, 36.6],
    [6, 138, 88, 76, 36.9],
  ] as const;
  await prisma.vitalSign.createMany({
    data: readings.map(([d, systolic, diastolic, pulse, temperatureC]) => ({
      patientId: patient.id,
      recordedById: nurse.id,
      takenAt: at(d),
      createdAt: at(d),
      systolic,
      diastolic,
      pulse,
      temperatureC,
      spo2: 98,
      weightKg: 82,
      heightCm: 176,
      lockedAt: new Date(at(d).getTime() + DAY),
    })),
  });
  await prisma.nurseNote.create({
    data: {
      patientId: patient.id,
      authorId: nurse.id,
      shift: "DAY",
      category: "OBSERVATION",
      text: "Blood pressure taken seated after 5 minutes' rest. Patient reports taking amlodipine daily.",
      createdAt: at(6),
      lockedAt: new Date(at(6).getTime() + DAY),
    },
  });
  const tests = new Map(
    (
      await prisma.labTest.findMany({
        where: { code: { in: ["CREA", "CHOL"] } },
        select: { id: true, code: true, unit: true, refLow: true, refHigh: true },
      })
    ).map((t) => [t.code, t]),
  );
  for (const [code, value, flag] of [
    ["CREA", 88, "NORMAL"],
    ["CHOL", 6.1, "HIGH"],
  ] as const) {
    const t = tests.get(code)!;
    await prisma.labOrder.create({
      data: {
        patientId: patient.id,
        orderedById: doctor.id,
        testId: t.id,
        status: "RESULTED",
        orderedAt: at(19),
        results: {
          create: {
            value,
            unit: t.unit,
            refLow: t.refLow,
            refHigh: t.refHigh,
            flag,
            enteredById: nurse.id,
            resultedAt: at(18),
          },
        },
      },
    });
  }
}
