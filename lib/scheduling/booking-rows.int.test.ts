import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { type EmailMessage, mailConfig, outboxRow, queueEmail } from "@/lib/notifications/mail";
import { notificationRow, notify } from "@/lib/notifications/service";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { bookingWrite } from "./service";

// One writer per row: the booking's one statement (bookingWrite) and the helpers audit(), notify()
// and queueEmail() write the same rows from the same inputs, column for column (ids, times, the
// audit chain and the random Message-ID apart).

const PW = "pw-0123456789";
const GENERATED = new Set(["id", "createdAt", "at", "seq", "prevHash", "hash", "messageId"]);
const strip = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !GENERATED.has(k)));
const MESSAGE_ID = /^<[0-9a-f-]{36}@[^\s>]+>$/;

describe("bookingWrite and the helpers write identical rows", () => {
  let doctorId: string, patientUserId: string, patientId: string, recordsId: string;

  beforeEach(async () => {
    await resetDatabase();
    doctorId = (
      await seedUser(db(), {
        email: "d@h.org",
        name: "Dr Heart",
        role: "DOCTOR",
        password: PW,
        specialty: "Cardiology",
      })
    ).id;
    recordsId = (await seedUser(db(), { email: "r@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW })).id;
    patientUserId = (await seedUser(db(), { email: "p@h.org", name: "Pat", role: "PATIENT", password: PW })).id;
    patientId = (
      await seedPatient(db(), {
        firstName: "Pat",
        lastName: "Ient",
        dateOfBirth: "1980-01-01",
        sex: "female",
        email: "p@h.org",
        userId: patientUserId,
      })
    ).id;
  });

  it("writes the notification, outbox and audit rows that notify(), queueEmail() and audit() write", async () => {
    const id = randomUUID();
    const startsAt = new Date(Date.UTC(2031, 2, 3, 9, 30));
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    const ctx = { actor: { id: recordsId, role: "RECORDS_OFFICER" }, ip: "10.1.2.3" };
    const toDoctor = { title: "New appointment", body: "Pat Ient, Mon 3 Mar 2031, 09:30", link: `/appointments/${id}` };
    const toPatient = { title: "Rendez-vous réservé", body: "Dr Heart, lun. 3 mars 2031, 09:30" }; // no link: a null column on both paths
    const message: EmailMessage<"appointment"> = {
      to: "p@h.org",
      locale: "fr",
      template: "appointment",
      data: {
        kind: "booked",
        patientName: "Pat Ient",
        doctorName: "Dr Heart",
        startsAt,
        reason: undefined,
        url: `http://localhost:3000/appointments/${id}`,
      },
    };
    const config = mailConfig();

    await db().$queryRaw(
      bookingWrite({
        id,
        patientId,
        doctorId,
        startsAt,
        endsAt,
        reason: "Chest pain",
        actor: ctx.actor,
        ip: ctx.ip,
        notifications: [
          { id: randomUUID(), ...notificationRow(doctorId, toDoctor) },
          { id: randomUUID(), ...notificationRow(patientUserId, toPatient) },
        ],
        emails: [{ id: randomUUID(), ...outboxRow(message, config) }],
      }),
    );
    const statement = {
      notifications: await db().notification.findMany({ orderBy: { createdAt: "asc" } }),
      emails: await db().outboxEmail.findMany(),
      audit: await db().auditEvent.findMany({ where: { entity: "Appointment", entityId: id } }),
    };
    expect(statement.notifications).toHaveLength(2);
    expect(statement.emails).toHaveLength(1);
    expect(statement.audit).toHaveLength(1);

    const before = new Set([...statement.notifications, ...statement.emails].map((r) => r.id));
    await db().$transaction(async (tx) => {
      await notify(tx, doctorId, toDoctor);
      await notify(tx, patientUserId, toPatient);
      await queueEmail(tx, message, config);
      await audit(tx, ctx, {
        action: "CREATE",
        entity: "Appointment",
        entityId: id,
        patientId,
        details: { doctorId, startsAt: startsAt.toISOString() },
      });
    });
    const helpers = {
      notifications: (await db().notification.findMany({ orderBy: { createdAt: "asc" } })).filter(
        (r) => !before.has(r.id),
      ),
      emails: (await db().outboxEmail.findMany()).filter((r) => !before.has(r.id)),
      audit: (
        await db().auditEvent.findMany({ where: { entity: "Appointment", entityId: id }, orderBy: { seq: "asc" } })
      ).slice(1),
    };

    const byUser = <T extends { userId: string }>(rows: T[]) =>
      [...rows].sort((a, b) => a.userId.localeCompare(b.userId)).map(strip);
    expect(byUser(statement.notifications)).toEqual(byUser(helpers.notifications));
    expect(statement.emails.map(strip)).toEqual(helpers.emails.map(strip));
    expect(statement.audit.map(strip)).toEqual(helpers.audit.map(strip));
    // The columns set apart above are still set, on both paths.
    for (const e of [...statement.emails, ...helpers.emails]) expect(e.messageId).toMatch(MESSAGE_ID);
    expect(statement.audit[0].details).toEqual({ doctorId, startsAt: startsAt.toISOString() });
    expect(statement.notifications.find((n) => n.userId === patientUserId)?.link).toBeNull();
  });
});
