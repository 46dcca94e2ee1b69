// Seed builders shared by the demo seed and the tests.
import type { Db } from "../lib/server/db";
import type { Role, Sex } from "../lib/generated/prisma/enums";
import { hashPassword } from "../lib/server/password";

let hashCache: { plain: string; hash: Promise<string> } | undefined;
/** argon2 is deliberately slow: hash one shared demo password once per process. */
function cachedHash(plain: string): Promise<string> {
  if (hashCache?.plain !== plain) hashCache = { plain, hash: hashPassword(plain) };
  return hashCache.hash;
}

export async function seedDepartment(prisma: Db, name: string, description?: string) {
  return prisma.department.upsert({ where: { name }, update: {}, create: { name, description } });
}

export async function seedUser(
  prisma: Db,
  input: {
    email: string;
    name: string;
    role: Role;
    password: string;
    departmentId?: string;
    specialty?: string;
    active?: boolean;
  },
) {
  const email = input.email.toLowerCase();
  const passwordHash = await cachedHash(input.password);
  const staff = input.role === "PATIENT" ? undefined : { departmentId: input.departmentId, specialty: input.specialty };
  return prisma.user.upsert({
    where: { email },
    update: {},
    create: {
      email,
      name: input.name,
      role: input.role,
      passwordHash,
      active: input.active ?? true,
      ...(staff ? { staffProfile: { create: staff } } : {}),
    },
  });
}

export async function seedPatient(
  prisma: Db,
  input: {
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    sex: Sex;
    phone?: string;
    email?: string;
    userId?: string;
  },
) {
  return prisma.patient.create({ data: { ...input, dateOfBirth: new Date(`${input.dateOfBirth}T00:00:00Z`) } });
}

/** Weekly hours and a slot length for a doctor, unless the doctor already has some (kept as they are). */
export async function seedAvailability(
  prisma: Db,
  doctorId: string,
  input: { slotMinutes: number; weekly: { weekday: number; start: string; end: string }[] },
) {
  if (await prisma.doctorAvailability.findUnique({ where: { doctorId }, select: { doctorId: true } })) return;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  await prisma.$transaction([
    prisma.doctorAvailability.create({ data: { doctorId, slotMinutes: input.slotMinutes } }),
    prisma.weeklyHours.createMany({
      data: input.weekly.map((w) => ({
        doctorId,
        weekday: w.weekday,
        startMin: minutes(w.start),
        endMin: minutes(w.end),
      })),
    }),
  ]);
}
