// The demo hospital, loaded by `npm run db:seed` (scripts/db/cli.ts). Safe to run twice: existing
// users are kept as they are.
import type { Db } from "../lib/server/db";
import type { Role } from "../lib/generated/prisma/enums";
import { seedAvailability, seedDepartment, seedPatient, seedUser } from "./builders";
import { seedBilling } from "./seed-billing";
import { seedClinical } from "./seed-clinical";
import { seedDemoChart } from "./seed-demo-chart";
import { seedPharmacy } from "./seed-pharmacy";
import { seedPrescriptions } from "./seed-prescriptions";
import { seedWards } from "./seed-wards";

export const DEMO_PASSWORD = "Demo-pass-2026";

export const DEMO_USERS: { email: string; name: string; role: Role; department?: string; specialty?: string }[] = [
  { email: "admin@demo.hospital", name: "Ada Admin", role: "ADMIN" },
  {
    email: "doctor@demo.hospital",
    name: "Dr. Grace Okafor",
    role: "DOCTOR",
    department: "Cardiology",
    specialty: "Cardiology",
  },
  {
    email: "neurologist@demo.hospital",
    name: "Dr. Tomás Lindqvist",
    role: "DOCTOR",
    department: "Neurology",
    specialty: "Neurology",
  },
  { email: "nurse@demo.hospital", name: "Nina Nurse", role: "NURSE", department: "General Medicine" },
  { email: "pharmacist@demo.hospital", name: "Paul Pharmacist", role: "PHARMACIST" },
  { email: "records@demo.hospital", name: "Rita Records", role: "RECORDS_OFFICER" },
  { email: "patient@demo.hospital", name: "Sam Patient", role: "PATIENT" },
];

const DEPARTMENTS: [string, string][] = [
  ["Cardiology", "Heart and circulation"],
  ["General Medicine", "Adult general medicine"],
  ["Pediatrics", "Children's care"],
  ["Emergency", "Emergency and trauma"],
  ["Orthopedics", "Bones, joints and muscles"],
  ["Neurology", "Brain and nerves"],
];

const FIRST = [
  "Amina",
  "Bruno",
  "Chloé",
  "David",
  "Esther",
  "Fatou",
  "Gabriel",
  "Hana",
  "Ibrahim",
  "Julia",
  "Kofi",
  "Léa",
  "Moussa",
  "Nadia",
  "Omar",
];
// Each first name's usual sex, so a demo record never reads as "Gabriel, female".
const SEX_OF: Record<string, "female" | "male"> = {
  Amina: "female",
  Bruno: "male",
  Chloé: "female",
  David: "male",
  Esther: "female",
  Fatou: "female",
  Gabriel: "male",
  Hana: "female",
  Ibrahim: "male",
  Julia: "female",
  Kofi: "male",
  Léa: "female",
  Moussa: "male",
  Nadia: "female",
  Omar: "male",
};
const LAST = ["Diallo", "Martin", "Nguyen", "Okafor", "Schmidt", "Traoré", "Dubois", "Mensah", "Haddad", "Kowalski"];

export async function seedDemo(prisma: Db): Promise<void> {
  const departments = new Map<string, string>();
  for (const [name, description] of DEPARTMENTS)
    departments.set(name, (await seedDepartment(prisma, name, description)).id);
  for (const u of DEMO_USERS) {
    await seedUser(prisma, {
      ...u,
      password: DEMO_PASSWORD,
      departmentId: u.department ? departments.get(u.department) : undefined,
    });
  }
  // The cardiologist works every day, so "free tomorrow" always holds; the neurologist on weekdays.
  const doctors = await prisma.user.findMany({
    where: { email: { in: ["doctor@demo.hospital", "neurologist@demo.hospital"] } },
    select: { id: true, email: true },
  });
  const byEmail = new Map(doctors.map((d) => [d.email, d.id]));
  await seedAvailability(prisma, byEmail.get("doctor@demo.hospital")!, {
    slotMinutes: 30,
    weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: "08:00", end: "16:00" })),
  });
  await seedAvailability(prisma, byEmail.get("neurologist@demo.hospital")!, {
    slotMinutes: 20,
    weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: "09:00", end: "12:30" },
      { weekday, start: "13:30", end: "17:00" },
    ]),
  });
  const patientUser = await prisma.user.findUniqueOrThrow({
    where: { email: "patient@demo.hospital" },
    select: { id: true },
  });
  if (!(await prisma.patient.findUnique({ where: { userId: patientUser.id } }))) {
    await seedPatient(prisma, {
      firstName: "Sam",
      lastName: "Patient",
      dateOfBirth: "1985-04-12",
      sex: "male",
      email: "patient@demo.hospital",
      userId: patientUser.id,
    });
  }
  if ((await prisma.patient.count()) < 20) {
    for (let i = 0; i < 30; i++) {
      const year = 1940 + ((i * 7) % 80);
      await seedPatient(prisma, {
        firstName: FIRST[i % FIRST.length],
        lastName: LAST[(i * 3) % LAST.length],
        dateOfBirth: `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
        sex: SEX_OF[FIRST[i % FIRST.length]],
        phone: `+22890${String(100000 + i * 137).slice(0, 6)}`,
      });
    }
  }
  await seedPharmacy(prisma);
  await seedPrescriptions(prisma);
  await seedClinical(prisma);
  await seedWards(prisma);
  await seedBilling(prisma);
  await seedDemoChart(prisma);
}
