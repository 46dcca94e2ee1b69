import { expect, test, type APIRequestContext } from "@playwright/test";
import { DateTime } from "luxon";
import { USERS, apiToken, bearer } from "./fixtures";

// The scheduling rules through the HTTP API, including the race: many simultaneous bookings of one
// slot, sent to two app processes sharing the database, and exactly one wins. The e2e server runs
// with HOSPITAL_TIMEZONE unset (UTC).

const second = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
const inDays = (n: number) => DateTime.utc().plus({ days: n }).toISODate()!;
const at = (date: string, hhmm: string) => `${date}T${hhmm}:00Z`;

async function setup(request: APIRequestContext, tag: string) {
  const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
  const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
  const doc = await request.post("/api/v1/staff", {
    headers: admin,
    data: {
      name: `Dr ${tag}`,
      email: `dr.${tag}@demo.hospital`,
      role: "DOCTOR",
      specialty: "Cardiology",
      password: "doctor-pass-2026",
    },
  });
  expect(doc.status(), await doc.text()).toBe(201);
  const doctorId = (await doc.json()).id;
  const weekly = Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: "08:00", end: "18:00" }));
  const put = await request.put(`/api/v1/doctors/${doctorId}/availability`, {
    headers: admin,
    data: { slotMinutes: 30, weekly },
  });
  expect(put.status(), await put.text()).toBe(200);
  const patients: string[] = [];
  for (let i = 0; i < 10; i++) {
    // Ten people alike by design (one family name, one birth date): the desk confirms each is new.
    const p = await request.post("/api/v1/patients", {
      headers: records,
      data: { firstName: `Racer${i}`, lastName: tag, dateOfBirth: "1990-01-01", sex: "other", confirmDuplicate: true },
    });
    expect(p.status()).toBe(201);
    patients.push((await p.json()).id);
  }
  return { admin, records, doctorId, patients };
}

test("many simultaneous bookings of one slot across two app processes: exactly one wins", async ({
  request,
  playwright,
}) => {
  const { records, doctorId, patients } = await setup(request, "race");
  const other = await playwright.request.newContext({ baseURL: second });
  const slot = at(inDays(3), "10:00");
  const responses = await Promise.all(
    patients.map((patientId, i) =>
      (i % 2 ? other : request).post("/api/v1/appointments", {
        headers: records,
        data: { patientId, doctorId, startsAt: slot },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(patients.length - 1);
  for (const r of responses.filter((x) => x.status() === 409)) expect((await r.json()).error.code).toBe("SLOT_TAKEN");
  const slots = await (
    await request.get(`/api/v1/doctors/${doctorId}/slots?date=${inDays(3)}`, { headers: records })
  ).json();
  expect(slots.items.find((s: { startsAt: string }) => s.startsAt === slot).free).toBe(false);
  const list = await (
    await request.get(`/api/v1/appointments?doctorId=${doctorId}&status=BOOKED`, { headers: records })
  ).json();
  expect(list.total).toBe(1);
  await other.dispose();
});

test("booking rules: past, off-grid, outside hours, patient busy elsewhere, lifecycle", async ({ request }) => {
  const { admin, records, doctorId, patients } = await setup(request, "rules");
  const book = (data: Record<string, unknown>) => request.post("/api/v1/appointments", { headers: records, data });
  const fields = async (r: Awaited<ReturnType<typeof book>>) => (await r.json()).error.fields;

  const past = await book({ patientId: patients[0], doctorId, startsAt: at(inDays(-1), "10:00") });
  expect(past.status()).toBe(400);
  expect(await fields(past)).toEqual({ startsAt: "Choose a time in the future" });
  const offGrid = await book({ patientId: patients[0], doctorId, startsAt: at(inDays(2), "10:15") });
  expect(await fields(offGrid)).toEqual({ startsAt: "Choose one of the doctor's available slots" });
  const outside = await book({ patientId: patients[0], doctorId, startsAt: at(inDays(2), "19:00") });
  expect(await fields(outside)).toEqual({ startsAt: "Choose one of the doctor's available slots" });
  const noOffset = await book({ patientId: patients[0], doctorId, startsAt: `${inDays(2)}T10:00:00` });
  expect(noOffset.status()).toBe(400);

  const ok = await book({ patientId: patients[0], doctorId, startsAt: at(inDays(2), "10:00"), reason: "Palpitations" });
  expect(ok.status()).toBe(201);
  const appt = await ok.json();
  expect(appt).toMatchObject({
    status: "BOOKED",
    startsAt: at(inDays(2), "10:00"),
    reason: "Palpitations",
    doctor: { id: doctorId },
  });

  // The same patient with the demo cardiologist at the same time: the patient is busy.
  const demoDoctors = await (await request.get("/api/v1/doctors?q=Okafor", { headers: records })).json();
  const demoDoctor = demoDoctors.items[0].id;
  await request.put(`/api/v1/doctors/${demoDoctor}/availability`, {
    headers: admin,
    data: {
      slotMinutes: 30,
      weekly: Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: "08:00", end: "16:00" })),
    },
  });
  const busy = await book({ patientId: patients[0], doctorId: demoDoctor, startsAt: at(inDays(2), "10:00") });
  expect(busy.status()).toBe(409);
  expect((await busy.json()).error).toMatchObject({
    code: "SLOT_TAKEN",
    message: "The patient already has an appointment at that time.",
  });

  const moved = await request.patch(`/api/v1/appointments/${appt.id}`, {
    headers: records,
    data: { startsAt: at(inDays(2), "11:00") },
  });
  expect(moved.status()).toBe(200);
  expect((await moved.json()).startsAt).toBe(at(inDays(2), "11:00"));
  const noReason = await request.patch(`/api/v1/appointments/${appt.id}`, {
    headers: records,
    data: { status: "CANCELLED" },
  });
  expect(noReason.status()).toBe(400);
  const cancelled = await request.patch(`/api/v1/appointments/${appt.id}`, {
    headers: records,
    data: { status: "CANCELLED", reason: "Patient request" },
  });
  expect((await cancelled.json()).status).toBe("CANCELLED");
  const complete = await request.patch(`/api/v1/appointments/${appt.id}`, {
    headers: records,
    data: { status: "COMPLETED" },
  });
  expect(complete.status()).toBe(409);
  expect((await complete.json()).error.code).toBe("INVALID_TRANSITION");
  const history = (await (await request.get(`/api/v1/appointments/${appt.id}`, { headers: records })).json()).history;
  expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual(["BOOKED", "BOOKED", "CANCELLED"]);
});

test("a patient books for themself and sees only their own appointments", async ({ request }) => {
  const { records, doctorId, patients } = await setup(request, "self");
  const theirs = await request.post("/api/v1/appointments", {
    headers: records,
    data: { patientId: patients[0], doctorId, startsAt: at(inDays(4), "11:00") },
  });
  expect(theirs.status()).toBe(201);
  const me = bearer((await apiToken(request, USERS.PATIENT)).token);
  const res = await request.post("/api/v1/appointments", {
    headers: me,
    data: { doctorId, startsAt: at(inDays(4), "09:00") },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).id;
  const mine = await (await request.get("/api/v1/appointments", { headers: me })).json();
  expect(mine.items.map((a: { id: string }) => a.id)).toContain(id);
  expect(mine.items.every((a: { patient: { name: string } }) => a.patient.name === "Sam Patient")).toBe(true);
  const foreign = await request.get(`/api/v1/appointments/${(await theirs.json()).id}`, { headers: me });
  expect(foreign.status()).toBe(404);
  expect((await foreign.json()).error.code).toBe("NOT_FOUND");
  const doctors = await (
    await request.get(`/api/v1/doctors?specialty=Cardiology&availableOn=${inDays(1)}`, { headers: me })
  ).json();
  expect(doctors.items.map((d: { id: string }) => d.id)).toContain(doctorId);
});
