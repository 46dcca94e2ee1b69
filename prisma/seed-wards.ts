import type { Db } from "../lib/server/db";
import type { RoomType, WardType } from "../lib/generated/prisma/enums";

// Demo wards for the bed board: five wards, 40 beds; two patients in bed, one discharged two hours
// ago (their bed is being cleaned) and one bed out of service. Idempotent: skipped once wards exist.

type DemoWard = {
  name: string;
  type: WardType;
  department: string | null;
  rooms: { name: string; type: RoomType; beds: string[] }[];
};

const rooms = (count: number, type: RoomType, beds: string[], prefix = "Room") =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i + 1}`, type, beds }));

const WARDS: DemoWard[] = [
  {
    name: "General Medicine",
    type: "GENERAL",
    department: "General Medicine",
    rooms: rooms(3, "SHARED", ["A", "B", "C", "D"]),
  },
  { name: "Surgery", type: "SURGICAL", department: "Orthopedics", rooms: rooms(2, "SHARED", ["A", "B", "C", "D"]) },
  { name: "Maternity", type: "MATERNITY", department: null, rooms: rooms(4, "DOUBLE", ["A", "B"]) },
  { name: "ICU", type: "ICU", department: "Emergency", rooms: rooms(6, "ICU", ["1"], "Bay") },
  { name: "Pediatrics", type: "PEDIATRIC", department: "Pediatrics", rooms: rooms(2, "SHARED", ["A", "B", "C"]) },
];

const HOUR = 3600_000;

export async function seedWards(prisma: Db): Promise<void> {
  if ((await prisma.ward.count()) > 0) return;
  const departments = new Map(
    (await prisma.department.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]),
  );
  const beds = new Map<string, string>();
  for (const w of WARDS) {
    const ward = await prisma.ward.create({
      data: { name: w.name, type: w.type, departmentId: w.department ? departments.get(w.department) : null },
    });
    for (const r of w.rooms) {
      const room = await prisma.room.create({
        data: { wardId: ward.id, name: r.name, type: r.type, capacity: r.beds.length },
      });
      for (const label of r.beds)
        beds.set(`${w.name}/${r.name}/${label}`, (await prisma.bed.create({ data: { roomId: room.id, label } })).id);
    }
  }
  const [admin, doctor, neurologist] = await Promise.all(
    ["admin@demo.hospital", "doctor@demo.hospital", "neurologist@demo.hospital"].map((email) =>
      prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
    ),
  );
  // Patients other than the demo patient account (whose own pages stay simple).
  const patients = await prisma.patient.findMany({
    where: { userId: null, active: true },
    orderBy: { mrn: "asc" },
    take: 3,
    select: { id: true },
  });
  if (patients.length < 3) return;
  const now = Date.now();
  const stays: {
    patient: string;
    doctor: string;
    department: string;
    bed: string;
    reason: string;
    planned: number;
    admittedHoursAgo: number;
    dischargedHoursAgo?: number;
    summary?: string;
  }[] = [
    {
      patient: patients[0].id,
      doctor: doctor.id,
      department: "General Medicine",
      bed: "General Medicine/Room 1/A",
      reason: "Community-acquired pneumonia, needs IV antibiotics",
      planned: 5,
      admittedHoursAgo: 50,
    },
    {
      patient: patients[1].id,
      doctor: neurologist.id,
      department: "Emergency",
      bed: "ICU/Bay 2/1",
      reason: "Acute ischaemic stroke, monitoring after thrombolysis",
      planned: 7,
      admittedHoursAgo: 20,
    },
    {
      patient: patients[2].id,
      doctor: doctor.id,
      department: "General Medicine",
      bed: "General Medicine/Room 2/B",
      reason: "Dehydration after gastroenteritis",
      planned: 2,
      admittedHoursAgo: 74,
      dischargedHoursAgo: 2,
      summary: "Rehydrated; tolerating oral fluids. Home with oral rehydration advice.",
    },
  ];
  for (const s of stays) {
    const admittedAt = new Date(now - s.admittedHoursAgo * HOUR);
    const dischargedAt = s.dischargedHoursAgo ? new Date(now - s.dischargedHoursAgo * HOUR) : null;
    const bedId = beds.get(s.bed)!;
    await prisma.admission.create({
      data: {
        patientId: s.patient,
        attendingDoctorId: s.doctor,
        departmentId: departments.get(s.department),
        reason: s.reason,
        plannedStayDays: s.planned,
        admittedAt,
        admittedById: admin.id,
        dischargedAt,
        dischargedById: dischargedAt ? admin.id : null,
        dischargeSummary: s.summary,
        assignments: { create: { bedId, startsAt: admittedAt, endsAt: dischargedAt, createdById: admin.id } },
      },
    });
    await prisma.bed.update({
      where: { id: bedId },
      data: { state: dischargedAt ? "CLEANING" : "OCCUPIED", stateChangedAt: dischargedAt ?? admittedAt },
    });
  }
  await prisma.bed.update({ where: { id: beds.get("Surgery/Room 2/D")! }, data: { state: "OUT_OF_SERVICE" } });
}
