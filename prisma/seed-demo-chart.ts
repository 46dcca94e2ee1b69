import { news2Score, type News2Input } from "../lib/clinical/news2";
import { checkSafety } from "../lib/prescriptions/safety";
import { issueRxToken } from "../lib/prescriptions/token";
import type { Prisma } from "../lib/generated/prisma/client";
import type { Db } from "../lib/server/db";
import { PENICILLIN_PATIENT } from "./seed-prescriptions";

// A full demo chart for Amara Bello (the README's demo patient with a severe penicillin allergy):
// a past episode of community-acquired pneumonia — a signed consultation, an admission (discharged),
// vitals through the stay whose NEWS2 rose to the medium band and fell, laboratory results (two
// abnormal), and amoxicillin prescribed despite the allergy finding, with the override's reason.
// The episode lies 40 days back, so the prescription has expired: it is no current medicine for the
// safety check of a new prescription. Added records only; skipped once she has a consultation.

const DAY = 86_400_000;
const HOUR = 3_600_000;

export async function seedDemoChart(prisma: Db): Promise<void> {
  const { firstName, lastName, dateOfBirth } = PENICILLIN_PATIENT;
  const patient = await prisma.patient.findFirst({
    where: { firstName, lastName, dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`) },
    select: { id: true },
  });
  if (!patient || (await prisma.consultation.findFirst({ where: { patientId: patient.id }, select: { id: true } })))
    return;
  const [doctor, nurse, admin] = await Promise.all(
    ["doctor@demo.hospital", "nurse@demo.hospital", "admin@demo.hospital"].map((email) =>
      prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
    ),
  );
  const now = Date.now();
  const at = (daysAgo: number, hours = 0) => new Date(now - daysAgo * DAY + hours * HOUR);
  const locked = (d: Date) => new Date(d.getTime() + DAY);

  const seen = at(41);
  const consultation = await prisma.consultation.create({
    data: {
      patientId: patient.id,
      doctorId: doctor.id,
      updatedById: doctor.id,
      createdAt: seen,
      updatedAt: seen,
      signedAt: seen,
      signedById: doctor.id,
      lockedAt: locked(seen),
      hpi: "Three days of fever, productive cough and breathlessness; wheeze not relieved by her salbutamol inhaler.",
      exam: "Temp 38.6 °C, RR 22, SpO2 94 % on air, HR 112. Bronchial breathing and crackles at the right base.",
      assessment: "Right lower lobe community-acquired pneumonia (CURB-65: 1) with an asthma exacerbation.",
      plan: "Admit to General Medicine. Oral amoxicillin after the supervised challenge she tolerated (allergy team letter on file), nebulised salbutamol, prednisolone 40 mg for five days. Vitals 4-hourly; repeat CRP in 48 hours.",
      diagnoses: {
        create: [
          { code: "J18.9", description: "Pneumonia, unspecified organism", position: 0 },
          { code: "J45.901", description: "Unspecified asthma with (acute) exacerbation", position: 1 },
        ],
      },
    },
    select: { id: true },
  });

  // The stay: admitted on the day of the consultation, discharged five days later (the bed is long free again).
  const bed = await prisma.bed.findFirst({
    where: { label: "C", room: { name: "Room 3", ward: { name: "General Medicine" } } },
    select: { id: true },
  });
  const department = await prisma.department.findUnique({ where: { name: "General Medicine" }, select: { id: true } });
  const admittedAt = at(41, 2);
  const dischargedAt = at(36, 5);
  if (bed) {
    await prisma.admission.create({
      data: {
        patientId: patient.id,
        attendingDoctorId: doctor.id,
        departmentId: department?.id,
        reason: "Community-acquired pneumonia with an asthma exacerbation",
        plannedStayDays: 5,
        admittedAt,
        admittedById: admin.id,
        dischargedAt,
        dischargedById: doctor.id,
        dischargeSummary:
          "Afebrile for 48 hours, SpO2 97 % on air, CRP falling. Completes amoxicillin at home; asthma review in clinic in two weeks.",
        assignments: { create: { bedId: bed.id, startsAt: admittedAt, endsAt: dischargedAt, createdById: admin.id } },
      },
    });
  }

  // Vitals through the stay, NEWS2 scored as recorded: 6 (medium) on arrival, 5 on oxygen, then low.
  const sets: [
    number,
    number,
    Omit<News2Input, "consciousness"> & { consciousness?: News2Input["consciousness"]; diastolic: number },
  ][] = [
    [
      41,
      3,
      {
        respiratoryRate: 22,
        spo2: 94,
        supplementalOxygen: false,
        systolic: 112,
        diastolic: 68,
        pulse: 112,
        temperatureC: 38.6,
      },
    ],
    [
      41,
      8,
      {
        respiratoryRate: 21,
        spo2: 96,
        supplementalOxygen: true,
        systolic: 116,
        diastolic: 70,
        pulse: 98,
        temperatureC: 37.9,
      },
    ],
    [
      40,
      6,
      {
        respiratoryRate: 20,
        spo2: 95,
        supplementalOxygen: false,
        systolic: 118,
        diastolic: 74,
        pulse: 96,
        temperatureC: 37.6,
      },
    ],
    [
      38,
      6,
      {
        respiratoryRate: 18,
        spo2: 96,
        supplementalOxygen: false,
        systolic: 122,
        diastolic: 78,
        pulse: 84,
        temperatureC: 37.1,
      },
    ],
    [
      36,
      3,
      {
        respiratoryRate: 16,
        spo2: 97,
        supplementalOxygen: false,
        systolic: 124,
        diastolic: 78,
        pulse: 76,
        temperatureC: 36.8,
      },
    ],
  ];
  await prisma.vitalSign.createMany({
    data: sets.map(([d, h, v]) => {
      const input: News2Input = { ...v, consciousness: v.consciousness ?? "A" };
      const n = news2Score(input);
      const takenAt = at(d, h);
      return {
        patientId: patient.id,
        recordedById: nurse.id,
        takenAt,
        createdAt: takenAt,
        lockedAt: locked(takenAt),
        respiratoryRate: v.respiratoryRate,
        spo2: v.spo2,
        supplementalOxygen: v.supplementalOxygen,
        systolic: v.systolic,
        diastolic: v.diastolic,
        pulse: v.pulse,
        temperatureC: v.temperatureC,
        consciousness: input.consciousness,
        weightKg: 68,
        heightCm: 165,
        news2Score: n.score,
        news2Band: n.band,
        news2Subscores: n.subscores,
        news2Scale: n.scale,
      };
    }),
  });
  await prisma.nurseNote.create({
    data: {
      patientId: patient.id,
      authorId: nurse.id,
      shift: "DAY",
      category: "OBSERVATION",
      text: "NEWS2 6 on arrival: doctor informed, oxygen 2 L/min by nasal cannula started, repeat observations in one hour.",
      createdAt: at(41, 4),
      lockedAt: locked(at(41, 4)),
    },
  });

  // Laboratory: WBC and CRP high on admission, creatinine normal; CRP falling two days later.
  const tests = new Map(
    (
      await prisma.labTest.findMany({
        where: { code: { in: ["WBC", "CRP", "CREA"] } },
        select: { id: true, code: true, unit: true, refLow: true, refHigh: true },
      })
    ).map((t) => [t.code, t]),
  );
  for (const [code, value, daysAgo] of [
    ["WBC", 15.8, 41],
    ["CRP", 142, 41],
    ["CREA", 74, 41],
    ["CRP", 38, 39],
  ] as const) {
    const t = tests.get(code);
    if (!t) continue;
    const flag =
      t.refHigh !== null && value > t.refHigh ? "HIGH" : t.refLow !== null && value < t.refLow ? "LOW" : "NORMAL";
    await prisma.labOrder.create({
      data: {
        patientId: patient.id,
        orderedById: doctor.id,
        consultationId: consultation.id,
        testId: t.id,
        status: "RESULTED",
        orderedAt: at(daysAgo, 2),
        results: {
          create: {
            value,
            unit: t.unit,
            refLow: t.refLow,
            refHigh: t.refHigh,
            flag,
            enteredById: nurse.id,
            resultedAt: at(daysAgo, 6),
          },
        },
      },
    });
  }

  // Amoxicillin despite the penicillin allergy: the findings the safety check gives, and the prescriber's reason.
  const amoxicillin = await prisma.drug.findFirst({
    where: { genericName: "amoxicillin", form: "capsule" },
    select: { id: true, genericName: true, brandName: true, drugClass: true },
  });
  if (amoxicillin) {
    const [allergies, catalogue] = await Promise.all([
      prisma.allergy.findMany({
        where: { patientId: patient.id },
        select: { substance: true, drugClass: true, severity: true },
      }),
      prisma.drug.findMany({ select: { genericName: true, brandName: true, drugClass: true } }),
    ]);
    const findings: Prisma.InputJsonValue = checkSafety({ allergies, lines: [amoxicillin], live: [], catalogue });
    const issuedAt = at(41, 3);
    await prisma.prescription.create({
      data: {
        patientId: patient.id,
        prescriberId: doctor.id,
        consultationId: consultation.id,
        findings,
        overrideReason:
          "Tolerated a supervised amoxicillin challenge in 2025 (allergy team letter on file); no alternative with equal cover for her pneumonia.",
        token: issueRxToken(),
        issuedAt,
        createdAt: issuedAt,
        expiresAt: new Date(issuedAt.getTime() + 30 * DAY),
        items: {
          create: [
            {
              drugId: amoxicillin.id,
              dose: "500 mg",
              route: "oral",
              frequency: "three times daily",
              durationDays: 7,
              quantity: 21,
              instructions: "Stop and seek help at once if a rash, swelling or breathlessness appears.",
              position: 0,
            },
          ],
        },
      },
    });
  }
}
