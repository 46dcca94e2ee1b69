import { beforeEach, describe, expect, it } from "vitest";
import { listConsultations } from "@/lib/clinical/queries";
import { listRecords } from "@/lib/databrowser/queries";
import { REGISTRY } from "@/lib/databrowser/registry";
import { fhirRead } from "@/lib/fhir/handler";
import { listExports } from "@/lib/jobs/exports";
import { searchPatients } from "@/lib/patients/queries";
import { listPrescriptions } from "@/lib/prescriptions/queries";
import { getAppointment, listAppointments } from "@/lib/scheduling/queries";
import { listAdmissions } from "@/lib/wards/queries";
import { ZAdmit } from "@/lib/wards/schemas";
import { admitPatient, createBed, createRoom, createWard } from "@/lib/wards/service";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { verifyAuditChain } from "./audit";
import { db } from "./db";
import type { Ctx } from "./session";
import { parseInput } from "./validation";

// Every list that shows clinical data writes one VIEW row per patient shown (with how many of its
// rows were shown), in the read's transaction; the chain stays intact.

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string; name: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: u.name, email: u.email },
  ip: "10.0.0.9",
});
const page = { skip: 0, take: 20 };

let admin: Ctx, doctor: Ctx, pharmacist: Ctx;
let a: string, b: string, c: string;

/** The VIEW rows a read wrote: [patientId, details.list] in the order written. */
async function viewsOf(read: () => Promise<unknown>, entity: string) {
  const before = await db().auditEvent.aggregate({ _max: { seq: true } });
  await read();
  const rows = await db().auditEvent.findMany({
    where: { seq: { gt: before._max.seq ?? BigInt(0) } },
    orderBy: { seq: "asc" },
  });
  for (const r of rows)
    expect(r).toMatchObject({ action: "VIEW", entity, actorId: expect.any(String), ip: "10.0.0.9" });
  return rows.map((r) => [r.patientId, (r.details as { list?: number } | null)?.list]);
}
const sorted = (xs: unknown[][]) => [...xs].sort((x, y) => String(x[0]).localeCompare(String(y[0])));

describe("list reads of clinical data are audited, one row per patient shown", () => {
  beforeEach(async () => {
    await resetDatabase();
    const dep = await seedDepartment(db(), "Medicine");
    admin = ctxOf(await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW }), "ADMIN");
    doctor = ctxOf(
      await seedUser(db(), { email: "d@h.org", name: "Dr House", role: "DOCTOR", password: PW, departmentId: dep.id }),
      "DOCTOR",
    );
    pharmacist = ctxOf(
      await seedUser(db(), { email: "ph@h.org", name: "Pharma", role: "PHARMACIST", password: PW }),
      "PHARMACIST",
    );
    a = (await seedPatient(db(), { firstName: "Amina", lastName: "Diallo", dateOfBirth: "1980-01-01", sex: "female" }))
      .id;
    b = (await seedPatient(db(), { firstName: "Moussa", lastName: "Bah", dateOfBirth: "1975-01-01", sex: "male" })).id;
    c = (await seedPatient(db(), { firstName: "Léa", lastName: "Martin", dateOfBirth: "1990-01-01", sex: "female" }))
      .id;
    await db().condition.createMany({
      data: [
        { patientId: a, text: "Type 2 diabetes mellitus" },
        { patientId: b, text: "Diabetes, gestational" },
        { patientId: c, text: "Asthma" },
      ],
    });
    const t = (h: number) => new Date(Date.UTC(2030, 0, 7, h));
    await db().appointment.createMany({
      data: [
        { patientId: a, doctorId: doctor.actor.id, startsAt: t(9), endsAt: t(10), reason: "Follow-up" },
        { patientId: a, doctorId: doctor.actor.id, startsAt: t(11), endsAt: t(12) },
        { patientId: b, doctorId: doctor.actor.id, startsAt: t(13), endsAt: t(14) },
      ],
    });
    const exp = new Date(Date.UTC(2099, 0, 1));
    await db().prescription.createMany({
      data: [
        { patientId: a, prescriberId: doctor.actor.id, token: "t1", expiresAt: exp },
        { patientId: c, prescriberId: doctor.actor.id, token: "t2", expiresAt: exp },
        { patientId: c, prescriberId: doctor.actor.id, token: "t3", expiresAt: exp },
      ],
    });
    const ward = await createWard(db(), admin, { name: "General", type: "GENERAL", departmentId: dep.id });
    const room = await createRoom(db(), admin, { wardId: ward.id, name: "R1", type: "SHARED", capacity: 4 });
    for (const [patientId, label] of [
      [a, "A"],
      [c, "B"],
    ]) {
      const bed = await createBed(db(), admin, { roomId: room.id, label });
      await admitPatient(
        db(),
        admin,
        parseInput(ZAdmit, {
          patientId,
          bedId: bed.id,
          attendingDoctorId: doctor.actor.id,
          departmentId: dep.id,
          reason: "Pneumonia",
        }),
      );
    }
  });

  it("the prescriptions list without a patient", async () => {
    expect(sorted(await viewsOf(() => listPrescriptions(db(), pharmacist, {}, page), "Prescription"))).toEqual(
      sorted([
        [a, 1],
        [c, 2],
      ]),
    );
    // Nothing shown, nothing written.
    expect(
      await viewsOf(() => listPrescriptions(db(), pharmacist, { status: "DISPENSED" }, page), "Prescription"),
    ).toEqual([]);
  });

  it("the admissions list", async () => {
    expect(sorted(await viewsOf(() => listAdmissions(db(), admin, {}, page), "Admission"))).toEqual(
      sorted([
        [a, 1],
        [c, 1],
      ]),
    );
    expect(await viewsOf(() => listAdmissions(db(), admin, { patientId: c }, page), "Admission")).toEqual([[c, 1]]);
  });

  it("REST appointments: the list and one appointment", async () => {
    const listed = await viewsOf(() => listAppointments(db(), doctor, {}, page), "Appointment");
    expect(listed).toEqual([
      [a, 2],
      [b, 1],
    ]);
    const { items } = await listAppointments(db(), admin, { patientId: b }, page);
    const before = await db().auditEvent.count({ where: { entity: "Appointment", entityId: items[0].id } });
    await getAppointment(db(), doctor, items[0].id);
    expect(
      await db().auditEvent.count({
        where: { entity: "Appointment", entityId: items[0].id, patientId: b, action: "VIEW" },
      }),
    ).toBe(before + 1);
  });

  it("the patient search by condition (not the name search, which shows demographics only)", async () => {
    const q = {
      q: "",
      page: 1,
      pageSize: 20,
      skip: 0,
      take: 20,
      sort: { field: "lastName" as const, dir: "asc" as const },
    };
    expect(
      sorted(await viewsOf(() => searchPatients(db(), doctor, { ...q, condition: "diabetes" }), "Patient")),
    ).toEqual(
      sorted([
        [a, 1],
        [b, 1],
      ]),
    );
    expect(await viewsOf(() => searchPatients(db(), doctor, { ...q, q: "amina" }), "Patient")).toEqual([]);
  });

  it("the data browser's clinical entities (and not its other ones)", async () => {
    const q = (sort: string) => ({
      q: "",
      page: 1,
      pageSize: 20,
      skip: 0,
      take: 20,
      sort: { field: sort, dir: "desc" as const },
    });
    expect(
      sorted(await viewsOf(() => listRecords(db(), admin, REGISTRY.get("conditions")!, q("createdAt"), {}), "Patient")),
    ).toEqual(
      sorted([
        [a, 1],
        [b, 1],
        [c, 1],
      ]),
    );
    expect(
      sorted(
        await viewsOf(() => listRecords(db(), admin, REGISTRY.get("appointments")!, q("startsAt"), {}), "Appointment"),
      ),
    ).toEqual(
      sorted([
        [a, 2],
        [b, 1],
      ]),
    );
    expect(
      sorted(await viewsOf(() => listRecords(db(), admin, REGISTRY.get("patients")!, q("createdAt"), {}), "Patient")),
    ).toEqual(
      sorted([
        [a, 1],
        [b, 1],
        [c, 1],
      ]),
    );
    expect(
      await viewsOf(() => listRecords(db(), admin, REGISTRY.get("departments")!, q("name"), {}), "Department"),
    ).toEqual([]);
  });

  it("the consultations list across patients and the exports list", async () => {
    await db().consultation.createMany({
      data: [
        { patientId: b, doctorId: doctor.actor.id },
        { patientId: b, doctorId: doctor.actor.id },
      ],
    });
    expect(await viewsOf(() => listConsultations(db(), doctor, {}, page), "Consultation")).toEqual([[b, 2]]);
    await db().export.createMany({ data: [{ kind: "treatment-history", requesterId: doctor.actor.id, patientId: c }] });
    expect(await viewsOf(() => listExports(db(), doctor), "Export")).toEqual([[c, 1]]);
  });

  it("FHIR Patient search: one row per patient in the bundle", async () => {
    const req = {
      url: new URL(`http://x/fhir/R4/Patient?_id=${a},${c}`),
      base: "http://x/fhir/R4",
      software: "t",
      now: new Date(),
    };
    const rows = await viewsOf(() => fhirRead(db(), doctor, ["Patient"], req), "FHIR/Patient");
    expect(rows.map((r) => r[0]).sort()).toEqual([a, c].sort());
  });

  it("leaves the audit chain intact", async () => {
    await Promise.all([
      listAppointments(db(), doctor, {}, page),
      listAdmissions(db(), admin, {}, page),
      listPrescriptions(db(), pharmacist, {}, page),
    ]);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
