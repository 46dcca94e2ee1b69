import { DateTime } from "luxon";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { seedAvailability, seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { purgeIdempotencyKeys } from "./idempotency";

// Issue 15 §4: a booking committed while its connection was reset left the client unable to retry
// safely. The creating POSTs honour an Idempotency-Key: the same key and body within 24 h give the
// first answer without doing it again; another body with the key is 422; concurrent requests with
// one key run once. Through the real routes (apiRoute → authorize), with the signed-in actor faked.

type Actor = { id: string; role: Role; name: string; email: string };
const session = vi.hoisted(() => ({ actor: null as null | Actor }));
vi.mock("@/lib/server/session", () => ({ currentCtx: async () => ({ actor: session.actor, ip: null }) }));

const { POST: book } = await import("@/app/api/v1/appointments/route");
const { POST: note } = await import("@/app/api/v1/patients/[id]/nurse-notes/route");
const { POST: register } = await import("@/app/api/v1/patients/route");

const PW = "pw-0123456789";
const day = DateTime.utc().plus({ days: 2 }).toISODate()!;
const request = (path: string, body: unknown, key?: string) =>
  new NextRequest(`http://localhost/api/v1${path}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...(key === undefined ? {} : { "Idempotency-Key": key }) },
  });
const noParams = { params: Promise.resolve({}) };
const answer = async (res: Response) => ({
  status: res.status,
  body: await res.json(),
  replayed: res.headers.get("Idempotent-Replayed"),
});

let records: Actor, records2: Actor, nurse: Actor, nurse2: Actor, doctorId: string, patientId: string;
const as = (a: Actor) => (session.actor = a);
const actor = (u: { id: string; name: string; email: string }, role: Role): Actor => ({
  id: u.id,
  role,
  name: u.name,
  email: u.email,
});
const booking = (hhmm: string) => ({ patientId, doctorId, startsAt: `${day}T${hhmm}:00Z`, reason: "Palpitations" });
const noteOf = (text: string) => ({ shift: "DAY", category: "OBSERVATION", text });
const postNote = (body: unknown, key?: string) =>
  note(request(`/patients/${patientId}/nurse-notes`, body, key), { params: Promise.resolve({ id: patientId }) });

describe("Idempotency-Key on creating POSTs", () => {
  beforeEach(async () => {
    await resetDatabase();
    records = actor(
      await seedUser(db(), { email: "r@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW }),
      "RECORDS_OFFICER",
    );
    records2 = actor(
      await seedUser(db(), { email: "r2@h.org", name: "Records Two", role: "RECORDS_OFFICER", password: PW }),
      "RECORDS_OFFICER",
    );
    nurse = actor(await seedUser(db(), { email: "n@h.org", name: "Nurse Joy", role: "NURSE", password: PW }), "NURSE");
    nurse2 = actor(
      await seedUser(db(), { email: "n2@h.org", name: "Nurse Kim", role: "NURSE", password: PW }),
      "NURSE",
    );
    doctorId = (
      await seedUser(db(), {
        email: "d@h.org",
        name: "Dr Heart",
        role: "DOCTOR",
        password: PW,
        specialty: "Cardiology",
      })
    ).id;
    await seedAvailability(db(), doctorId, {
      slotMinutes: 30,
      weekly: Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: "08:00", end: "12:00" })),
    });
    patientId = (
      await seedPatient(db(), { firstName: "Amara", lastName: "Bello", dateOfBirth: "1990-01-01", sex: "female" })
    ).id;
  });

  it("gives the first answer back for the same key and body, without booking twice; the caller's own key only", async () => {
    as(records);
    const first = await answer(await book(request("/appointments", booking("09:00"), "book-7f3a"), noParams));
    const again = await answer(await book(request("/appointments", booking("09:00"), "book-7f3a"), noParams));
    expect(first).toMatchObject({ status: 201, replayed: null });
    expect(again).toEqual({ ...first, replayed: "true" });
    expect(await db().appointment.count()).toBe(1);
    // The body's bytes, not its meaning, make the request: the same JSON spelled otherwise is another request.
    expect(
      (await book(request("/appointments", JSON.stringify(booking("09:00"), null, 2), "book-7f3a"), noParams)).status,
    ).toBe(422);

    // Another officer's identical key is theirs alone: it runs (and meets the booked slot).
    as(records2);
    const theirs = await answer(await book(request("/appointments", booking("09:00"), "book-7f3a"), noParams));
    expect(theirs).toMatchObject({ status: 409, body: { error: { code: "SLOT_TAKEN" } }, replayed: null });
    // A refusal by the rules is an answer too: kept and given back.
    expect(await answer(await book(request("/appointments", booking("09:00"), "book-7f3a"), noParams))).toEqual({
      ...theirs,
      replayed: "true",
    });
    expect(await db().appointment.count()).toBe(1);
  });

  it("refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED), writing nothing", async () => {
    as(records);
    expect((await book(request("/appointments", booking("09:00"), "k-1"), noParams)).status).toBe(201);
    const other = await answer(await book(request("/appointments", booking("10:00"), "k-1"), noParams));
    expect(other).toMatchObject({
      status: 422,
      body: {
        error: {
          code: "IDEMPOTENCY_KEY_REUSED",
          message: "This Idempotency-Key was already used with a different request.",
        },
      },
    });
    expect(await db().appointment.findMany({ select: { startsAt: true } })).toEqual([
      { startsAt: new Date(`${day}T09:00:00Z`) },
    ]);
    // Another path with the same key is another request too.
    as(nurse);
    expect((await postNote(noteOf("Comfortable"), "k-1")).status).toBe(201);
    as(records);
    const reg = await register(
      request("/patients", { firstName: "Otto", lastName: "Other", dateOfBirth: "1980-01-01", sex: "male" }, "k-1"),
      noParams,
    );
    expect(reg.status).toBe(422);
    expect(await db().patient.count()).toBe(1);
  });

  it("runs concurrent requests with one key once: the others are told it is in use (409) or get its answer", async () => {
    as(nurse);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => postNote(noteOf("Pain 3/10 after mobilising"), "note-42").then(answer)),
    );
    expect(await db().nurseNote.count()).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((a) => a.replayed === null)).toHaveLength(1);
    for (const a of created) expect(a.body).toEqual(created[0].body);
    for (const a of answers.filter((x) => x.status !== 201))
      expect(a).toMatchObject({ status: 409, body: { error: { code: "IDEMPOTENCY_KEY_IN_USE" } } });
    // Without a key nothing changes: each request is its own.
    as(nurse2);
    await Promise.all([postNote(noteOf("Asleep")), postNote(noteOf("Asleep"))]);
    expect(await db().nurseNote.count()).toBe(3);
  });

  it("keeps no answer to a request it did not understand: the key may be sent again with the request put right", async () => {
    as(nurse);
    const bad = await answer(await postNote({ shift: "DAY", category: "OBSERVATION", text: "" }, "fix-me"));
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED" } } });
    const fixed = await answer(await postNote(noteOf("Drinking well"), "fix-me"));
    expect(fixed).toMatchObject({ status: 201, replayed: null });
    expect(await answer(await postNote(noteOf("Drinking well"), "fix-me"))).toEqual({ ...fixed, replayed: "true" });
    expect(await db().nurseNote.count()).toBe(1);

    // A malformed key is a 400 naming the header, and nothing is written.
    for (const key of ["", "with space", "é", "x".repeat(256)]) {
      const res = await answer(await postNote(noteOf("Never"), key));
      expect(res).toMatchObject({
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            fields: { "Idempotency-Key": "Use 1 to 255 visible ASCII characters, e.g. a UUID" },
          },
        },
      });
    }
    // The draft's Structured Field form ("…") names the same key as the bare token.
    expect(await answer(await postNote(noteOf("Drinking well"), '"fix-me"'))).toEqual({ ...fixed, replayed: "true" });
    expect(await db().nurseNote.count()).toBe(1);
  });

  it("forgets keys after 24 hours (a key is new again, and the purge job deletes it), and takes over a key whose first request died", async () => {
    as(nurse);
    expect((await postNote(noteOf("Day one"), "daily")).status).toBe(201);
    await db().idempotencyKey.updateMany({ data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    expect((await answer(await postNote(noteOf("Day two"), "daily"))).replayed).toBeNull();
    expect(await db().nurseNote.count()).toBe(2);
    await db().idempotencyKey.create({
      data: { actorId: nurse.id, key: "old", fingerprint: "x", createdAt: new Date(Date.now() - 25 * 3600_000) },
    });
    expect(await purgeIdempotencyKeys(db())).toEqual({ deleted: 1 });
    expect(await db().idempotencyKey.findMany({ select: { key: true } })).toEqual([{ key: "daily" }]);

    // A first request still running: 409 with Retry-After. One abandoned over a minute ago: taken over.
    await postNote(noteOf("Restless"), "crashed");
    await db().idempotencyKey.updateMany({ where: { key: "crashed" }, data: { status: null, body: null } });
    await db().nurseNote.deleteMany({ where: { text: "Restless" } });
    const busy = await postNote(noteOf("Restless"), "crashed");
    expect(busy.status).toBe(409);
    expect(busy.headers.get("Retry-After")).toBe("1");
    await db().idempotencyKey.updateMany({
      where: { key: "crashed" },
      data: { createdAt: new Date(Date.now() - 120_000) },
    });
    expect((await postNote(noteOf("Restless"), "crashed")).status).toBe(201);
    expect(await db().nurseNote.count({ where: { text: "Restless" } })).toBe(1);
  });
});
