import { beforeEach, describe, expect, it } from "vitest";
import { completeRegistration, prepareRegistration } from "@/lib/accounts/registration";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { dismissPair, readDuplicatePairs, recordDuplicatePairs } from "./duplicates";
import { isPendingLink, pendingLinkFor, readLinkRequests, resolveLinkRequest } from "./link-requests";
import { findMatches } from "./matching";
import { ownPatientRecord, readPatient } from "./queries";
import { ZRegisterPatient, ZSelfRegister } from "./schemas";
import { registerPatient } from "./service";

const PW = "pw-0123456789";
let records: Ctx;
let nurse: Ctx;
const page = { skip: 0, take: 20 };

async function selfRegister(raw: Record<string, string>) {
  const job = await prepareRegistration(db(), parseInput(ZSelfRegister, raw), null, "en");
  await completeRegistration(db(), job, { from: "x@h.org", hospitalName: "H" });
  return db().user.findUniqueOrThrow({ where: { email: job.email }, include: { patient: true } });
}

describe("duplicates and verified self-registration", () => {
  beforeEach(async () => {
    await resetDatabase();
    const mk = async (role: "RECORDS_OFFICER" | "NURSE") => {
      const u = await seedUser(db(), { email: `${role}@h.org`, name: role, role, password: PW });
      return { actor: { id: u.id, role, name: role, email: u.email }, ip: "10.1.1.1" } as Ctx;
    };
    records = await mk("RECORDS_OFFICER");
    nurse = await mk("NURSE");
  });

  const kofi = (extra: Record<string, unknown> = {}) =>
    parseInput(ZRegisterPatient, {
      firstName: "Kofi",
      lastName: "Mensah",
      dateOfBirth: "1979-11-05",
      sex: "male",
      phone: "+233 24 123 4567",
      ...extra,
    });

  it("finds candidates through the indexed blocks: transposed names, a typo, the phone typed another way", async () => {
    const p = await registerPatient(db(), records, kofi());
    await seedPatient(db(), {
      firstName: "Ama",
      lastName: "Mensah",
      dateOfBirth: "1981-02-02",
      sex: "female",
      phone: "+233241234567",
    }); // his wife, same phone
    const swapped = await findMatches(db(), {
      firstName: "Mensah",
      lastName: "Kofi",
      dateOfBirth: "1979-11-05",
      sex: "male",
      phone: "0241234567",
    });
    expect(swapped).toEqual([
      expect.objectContaining({ patientId: p.id, level: "CERTAIN", reasons: ["dob", "namesSwapped", "sex", "phone"] }),
    ]);
    const typo = await findMatches(db(), {
      firstName: "Kofi",
      lastName: "Mensha",
      dateOfBirth: "1979-11-05",
      sex: "male",
      phone: "+233241234567",
      email: null,
    });
    expect(typo.map((m) => m.patientId)).toEqual([p.id]);
    const dayTypo = await findMatches(db(), {
      firstName: "Kofi",
      lastName: "Mensah",
      dateOfBirth: "1979-11-15",
      sex: "male",
    });
    expect(dayTypo).toEqual([
      expect.objectContaining({ patientId: p.id, score: 55, reasons: ["dobNear", "lastName", "firstName", "sex"] }),
    ]);
  });

  it("staff registration warns with scored candidates; registered anyway, the pair is on the worklist (audited per patient shown)", async () => {
    const first = await registerPatient(db(), records, kofi());
    const err = await registerPatient(db(), records, kofi({ firstName: "KOFÍ", phone: "" })).catch((e) => e);
    expect(err.code).toBe("DUPLICATE");
    expect(err.details.candidates).toEqual([
      expect.objectContaining({
        id: first.id,
        level: "POSSIBLE",
        score: 70,
        reasons: ["dob", "lastName", "firstName", "sex"],
      }),
    ]);
    const second = await registerPatient(db(), records, kofi({ firstName: "KOFÍ", phone: "", confirmDuplicate: true }));

    const list = await readDuplicatePairs(db(), records, page);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      score: 70,
      survivor: { id: first.id },
      duplicate: { id: second.id },
      mergeUrl: `/patients/${first.id}/merge?duplicateId=${second.id}`,
    });
    const views = await db().auditEvent.findMany({
      where: { action: "VIEW", actorId: records.actor.id, entity: "Patient" },
    });
    expect(views.map((v) => v.patientId).sort()).toEqual([first.id, second.id].sort());
  });

  it("twins (same surname, birth date and phone) and a family sharing a phone are not warned as duplicates", async () => {
    await registerPatient(db(), records, kofi());
    await registerPatient(db(), records, kofi({ firstName: "Kwame" }));
    await registerPatient(db(), records, kofi({ firstName: "Efua", sex: "female", dateOfBirth: "2005-06-07" }));
    expect((await readDuplicatePairs(db(), records, page)).total).toBe(0);
  });

  it("dismissing a pair is permanent: not listed again, even when the pair is found again; twice is fine; unknown is 404", async () => {
    const a = await registerPatient(db(), records, kofi());
    const b = await registerPatient(db(), records, kofi({ phone: "", confirmDuplicate: true }));
    const [pair] = (await readDuplicatePairs(db(), records, page)).items;
    await dismissPair(db(), records, pair.id);
    expect((await readDuplicatePairs(db(), records, page)).items).toEqual([]);
    await dismissPair(db(), records, pair.id);
    // Found again (a repeated job, a re-registration): still dismissed.
    await db().duplicatePair.deleteMany({});
    await recordDuplicatePairs(db(), b.id, kofi({ phone: "" }));
    expect(await db().duplicatePair.count()).toBe(1);
    expect((await readDuplicatePairs(db(), records, page)).items).toEqual([]);
    expect(await db().dismissedDuplicatePair.count()).toBe(1);
    expect(await db().auditEvent.count({ where: { entity: "DuplicatePair", patientId: { in: [a.id, b.id] } } })).toBe(
      2,
    );
    await expect(dismissPair(db(), records, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("self-registration with a certain match gets no new record, is held pending, and a records officer links it", async () => {
    const existing = await registerPatient(db(), nurse, {
      ...kofi(),
      allergies: [{ substance: "Penicillin", severity: "severe" }],
    } as never);
    const user = await selfRegister({
      email: "kofi@mail.org",
      password: "a-long-password",
      firstName: "kofi",
      lastName: "MENSAH",
      dateOfBirth: "1979-11-05",
      sex: "male",
      phone: "024 123 4567",
    });
    expect(user.patient).toBeNull();
    expect(await db().patient.count()).toBe(1);
    expect(await isPendingLink(db(), user.id)).toBe(true);

    const [request] = await readLinkRequests(db(), records);
    expect(request).toMatchObject({
      account: { userId: user.id, email: "kofi@mail.org" },
      candidates: [{ patientId: existing.id, mrn: existing.mrn, level: "CERTAIN" }],
    });
    // The check-in desk sees that this record's person waits for a link.
    expect(await pendingLinkFor(db(), existing.id)).toEqual({ id: request.id });
    // The officer's read of the candidates is audited.
    expect(
      await db().auditEvent.count({ where: { action: "VIEW", actorId: records.actor.id, patientId: existing.id } }),
    ).toBe(1);

    await expect(
      resolveLinkRequest(db(), records, request.id, { action: "link", patientId: "someone-else" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const linked = await resolveLinkRequest(db(), records, request.id, { action: "link", patientId: existing.id });
    expect(linked.id).toBe(existing.id);
    expect(await isPendingLink(db(), user.id)).toBe(false);
    expect(await pendingLinkFor(db(), existing.id)).toBeNull();
    expect((await ownPatientRecord(db(), user.id))?.id).toBe(existing.id);
    const self: Ctx = { actor: { id: user.id, role: "PATIENT", name: "Kofi", email: "kofi@mail.org" }, ip: null };
    expect((await readPatient(db(), self, existing.id)).allergies).toEqual([
      expect.objectContaining({ substance: "Penicillin" }),
    ]);
    expect(
      await db().auditEvent.count({
        where: { entity: "Patient", action: "UPDATE", patientId: existing.id, actorId: records.actor.id },
      }),
    ).toBe(1);
    // Resolved once only.
    await expect(resolveLinkRequest(db(), records, request.id, { action: "new" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect(await readLinkRequests(db(), records)).toEqual([]);
  });

  it("'Create a new record' gives the account its own record and dismisses its candidate pairs", async () => {
    const existing = await registerPatient(db(), records, kofi());
    const user = await selfRegister({
      email: "kofi2@mail.org",
      password: "a-long-password",
      firstName: "Kofi",
      lastName: "Mensah",
      dateOfBirth: "1979-11-05",
      sex: "male",
    });
    const [request] = await readLinkRequests(db(), records);
    const created = await resolveLinkRequest(db(), records, request.id, { action: "new" });
    expect(created.id).not.toBe(existing.id);
    expect((await ownPatientRecord(db(), user.id))?.id).toBe(created.id);
    await recordDuplicatePairs(db(), created.id, kofi({ phone: "" }));
    expect((await readDuplicatePairs(db(), records, page)).items).toEqual([]);
  });

  it("self-registration without a match gets its own record as before", async () => {
    await registerPatient(db(), records, kofi());
    const user = await selfRegister({
      email: "ama@mail.org",
      password: "a-long-password",
      firstName: "Ama",
      lastName: "Owusu",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    expect(user.patient).not.toBeNull();
    expect(await db().patientLinkRequest.count()).toBe(0);
  });
});
