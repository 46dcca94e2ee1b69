import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { USERS, apiToken, bearer } from "./fixtures";

// Issue 15 §4: a booking committed while its connection was reset left the client unable to retry
// safely; a retry booked again (or met its own booking as SLOT_TAKEN). With an Idempotency-Key the
// retry, even to the other app process on the same database, gets the first answer and books nothing.

const second = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

test("a booking POSTed twice with the same Idempotency-Key books once, and both answers are the same", async ({
  request,
  playwright,
}) => {
  const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
  const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
  const tag = randomUUID().slice(0, 8);
  const doc = await request.post("/api/v1/staff", {
    headers: admin,
    data: {
      name: `Dr Retry ${tag}`,
      email: `dr.retry.${tag}@demo.hospital`,
      role: "DOCTOR",
      specialty: "Cardiology",
      password: "doctor-pass-2026",
    },
  });
  expect(doc.status(), await doc.text()).toBe(201);
  const doctorId = (await doc.json()).id;
  const weekly = Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: "08:00", end: "18:00" }));
  expect(
    (
      await request.put(`/api/v1/doctors/${doctorId}/availability`, {
        headers: admin,
        data: { slotMinutes: 30, weekly },
      })
    ).status(),
  ).toBe(200);
  const patient = await request.post("/api/v1/patients", {
    headers: records,
    data: { firstName: "Retry", lastName: `Client ${tag}`, dateOfBirth: "1985-05-05", sex: "female" },
  });
  expect(patient.status()).toBe(201);
  const patientId = (await patient.json()).id;

  const booking = {
    patientId,
    doctorId,
    startsAt: `${DateTime.utc().plus({ days: 4 }).toISODate()}T09:30:00Z`,
    reason: "Follow-up",
  };
  const key = { "Idempotency-Key": randomUUID() };
  const other = await playwright.request.newContext({ baseURL: second });
  try {
    const first = await request.post("/api/v1/appointments", { headers: { ...records, ...key }, data: booking });
    const retry = await other.post("/api/v1/appointments", { headers: { ...records, ...key }, data: booking });
    expect(first.status(), await first.text()).toBe(201);
    expect(retry.status()).toBe(first.status());
    expect(await retry.json()).toEqual(await first.json());
    expect(retry.headers()["idempotent-replayed"]).toBe("true");

    const list = await request.get(`/api/v1/appointments?doctorId=${doctorId}`, { headers: records });
    expect((await list.json()).total).toBe(1);

    // The same key with another request is refused, and books nothing either.
    const changed = await request.post("/api/v1/appointments", {
      headers: { ...records, ...key },
      data: { ...booking, reason: "Something else" },
    });
    expect(changed.status()).toBe(422);
    expect((await changed.json()).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(
      (await (await request.get(`/api/v1/appointments?doctorId=${doctorId}`, { headers: records })).json()).total,
    ).toBe(1);
  } finally {
    await other.dispose();
  }
});
