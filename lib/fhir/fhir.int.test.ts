import type * as R4 from "fhir/r4";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import type { AppError } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { fhirProblems } from "@/tests/fhir-structure";
import { recordVitals } from "@/lib/clinical/service";
import { ZVitals } from "@/lib/clinical/schemas";
import { acknowledgeOverride } from "@/lib/pharmacy/service";
import { prescribe } from "@/lib/prescriptions/service";
import { ZPrescribe } from "@/lib/prescriptions/schemas";
import { parseInput } from "@/lib/server/validation";
import { fhirRead } from "./handler";
import { SYSTEM } from "./mappers";

const PW = "pw-0123456789";
const BASE = "https://hospital.example";
const ctxOf = (u: { id: string; email: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: role, email: u.email },
  ip: null,
});
const err = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );

/** A GET of /fhir/R4/<path> as the actor, through the same dispatch as the route. */
const get = (ctx: Ctx, path: string, strict = false) => {
  const url = new URL(`/fhir/R4/${path}`, BASE);
  const segments = url.pathname.split("/").slice(3).filter(Boolean);
  return fhirRead(db(), ctx, segments, { base: BASE, url, software: "Test Hospital", now: new Date(), strict });
};
const bundle = async (ctx: Ctx, path: string) => (await get(ctx, path)) as R4.Bundle;
const resources = (b: R4.Bundle) => (b.entry ?? []).map((e) => e.resource!);
const ofType = <T extends R4.FhirResource["resourceType"]>(b: R4.Bundle, type: T) =>
  resources(b).filter((r): r is Extract<R4.FhirResource, { resourceType: T }> => r.resourceType === type);
const codes = (c: R4.CodeableConcept | undefined) => (c?.coding ?? []).map((x) => `${x.system}|${x.code}`);

let doctor: Ctx, nurse: Ctx, pharmacist: Ctx, records: Ctx, amara: Ctx, other: Ctx;
let patientId: string, otherPatientId: string, mrn: string;
let ids: {
  consultation: string;
  diagnosis: string;
  unsigned: string;
  admission: string;
  vital: string;
  lab: string;
  line: string;
  appointment: string;
  allergy: string;
  problem: string;
  doctorId: string;
};

describe("FHIR R4 API against the database", () => {
  beforeAll(async () => {
    await resetDatabase();
    const dep = await seedDepartment(db(), "Cardiology");
    const seed = (
      email: string,
      name: string,
      role: Ctx["actor"]["role"],
      extra: { departmentId?: string; specialty?: string } = {},
    ) => seedUser(db(), { email, name, role, password: PW, ...extra });
    const [d, d2, n, ph, ro, pu, ou] = await Promise.all([
      seed("doc@h.org", "Dr Grace Okafor", "DOCTOR", { departmentId: dep.id, specialty: "Cardiology" }),
      seed("doc2@h.org", "Dr Other", "DOCTOR"),
      seed("n@h.org", "Nurse Joy", "NURSE"),
      seed("ph@h.org", "Pharma", "PHARMACIST"),
      seed("ro@h.org", "Records", "RECORDS_OFFICER"),
      seed("amara@h.org", "Amara Bello", "PATIENT"),
      seed("tunde@h.org", "Tunde Ade", "PATIENT"),
    ]);
    doctor = ctxOf(d, "DOCTOR");
    nurse = ctxOf(n, "NURSE");
    pharmacist = ctxOf(ph, "PHARMACIST");
    records = ctxOf(ro, "RECORDS_OFFICER");
    amara = ctxOf(pu, "PATIENT");
    other = ctxOf(ou, "PATIENT");
    const p = await seedPatient(db(), {
      firstName: "Amara",
      lastName: "Bello",
      dateOfBirth: "1985-04-12",
      sex: "female",
      phone: "+234 801 000 0000",
      userId: pu.id,
    });
    const o = await seedPatient(db(), {
      firstName: "Tunde",
      lastName: "Ade",
      dateOfBirth: "1979-02-01",
      sex: "male",
      userId: ou.id,
    });
    patientId = p.id;
    otherPatientId = o.id;
    mrn = p.mrn;

    const now = new Date();
    const hour = (h: number) => new Date(now.getTime() + h * 3_600_000);
    const apt = await db().appointment.create({
      data: {
        patientId,
        doctorId: d.id,
        startsAt: hour(-3),
        endsAt: hour(-2.5),
        status: "COMPLETED",
        reason: "Chest pain",
      },
    });
    // A doctor's appointment the second doctor does not see (doctors see their own appointments).
    await db().appointment.create({
      data: { patientId, doctorId: d2.id, startsAt: hour(48), endsAt: hour(48.5), status: "BOOKED" },
    });
    const c = await db().consultation.create({
      data: {
        patientId,
        doctorId: d.id,
        appointmentId: apt.id,
        assessment: "Hypertension",
        signedAt: hour(-2),
        signedById: d.id,
        lockedAt: hour(22),
        diagnoses: { create: [{ code: "I10", description: "Essential (primary) hypertension" }] },
      },
      include: { diagnoses: true },
    });
    // A draft: staff see it, the patient does not.
    const draft = await db().consultation.create({
      data: {
        patientId,
        doctorId: d.id,
        assessment: "Draft",
        diagnoses: { create: [{ code: "E11.9", description: "Type 2 diabetes mellitus without complications" }] },
      },
    });
    const adm = await db().admission.create({
      data: {
        patientId,
        departmentId: dep.id,
        attendingDoctorId: d.id,
        reason: "Hypertensive urgency",
        admittedById: n.id,
        admittedAt: hour(-1),
      },
    });
    const v = await db().vitalSign.create({
      data: {
        patientId,
        recordedById: n.id,
        takenAt: hour(-2.7),
        temperatureC: 37.1,
        pulse: 88,
        systolic: 150,
        diastolic: 95,
        spo2: 98,
        weightKg: 80,
        heightCm: 170,
        lockedAt: hour(21),
      },
    });
    const test = await db().labTest.create({
      data: {
        code: "GLU-F",
        loinc: "14771-0",
        name: "Glucose, fasting",
        specimen: "Plasma",
        unit: "mmol/L",
        refLow: 3.9,
        refHigh: 5.5,
      },
    });
    const order = await db().labOrder.create({
      data: { patientId, orderedById: d.id, consultationId: c.id, testId: test.id, status: "RESULTED" },
    });
    const result = await db().labResult.create({
      data: {
        orderId: order.id,
        value: 7.4,
        unit: "mmol/L",
        refLow: 3.9,
        refHigh: 5.5,
        flag: "HIGH",
        enteredById: n.id,
      },
    });
    const allergy = await db().allergy.create({
      data: {
        patientId,
        substance: "Penicillin",
        drugClass: "penicillin",
        reaction: "Anaphylaxis",
        severity: "severe",
      },
    });
    const problem = await db().condition.create({ data: { patientId, text: "Asthma", code: "J45.909" } });
    const drug = await db().drug.create({
      data: { genericName: "amlodipine", form: "tablet", strength: "5 mg", drugClass: "calcium-channel-blocker" },
    });
    const rx = await db().prescription.create({
      data: {
        patientId,
        prescriberId: d.id,
        consultationId: c.id,
        token: "tok-fhir-1",
        expiresAt: hour(24 * 30),
        items: {
          create: [
            { drugId: drug.id, dose: "5 mg", route: "oral", frequency: "once daily", durationDays: 30, quantity: 30 },
          ],
        },
      },
      include: { items: true },
    });
    await db().allergy.create({ data: { patientId: otherPatientId, substance: "Latex" } });
    ids = {
      consultation: c.id,
      diagnosis: c.diagnoses[0].id,
      unsigned: draft.id,
      admission: adm.id,
      vital: v.id,
      lab: result.id,
      line: rx.items[0].id,
      appointment: apt.id,
      allergy: allergy.id,
      problem: problem.id,
      doctorId: d.id,
    };
  });

  it("$everything: the patient and each resource, with references to the patient and the codes (ICD-10-CM, LOINC, UCUM)", async () => {
    const b = await bundle(doctor, `Patient/${patientId}/$everything`);
    expect(b).toMatchObject({ resourceType: "Bundle", type: "searchset" });
    expect(fhirProblems(b)).toEqual([]);
    expect(resources(b)[0]).toMatchObject({ resourceType: "Patient", id: patientId });
    expect(ofType(b, "Patient")[0].identifier?.[0]).toMatchObject({ system: SYSTEM.mrn, value: mrn });

    // The second doctor's appointment is not this doctor's to see; everything else is.
    const counts = Object.fromEntries(
      ["Encounter", "Condition", "AllergyIntolerance", "Observation", "MedicationRequest", "Appointment"].map((t) => [
        t,
        resources(b).filter((r) => r.resourceType === t).length,
      ]),
    );
    expect(counts).toEqual({
      Encounter: 3,
      Condition: 3,
      AllergyIntolerance: 1,
      Observation: 8,
      MedicationRequest: 1,
      Appointment: 1,
    });
    expect(b.total).toBe(1 + 3 + 3 + 1 + 8 + 1 + 1);

    const encounters = ofType(b, "Encounter");
    expect(encounters.find((e) => e.id === ids.consultation)).toMatchObject({
      status: "finished",
      class: { code: "AMB" },
      appointment: [{ reference: `Appointment/${ids.appointment}` }],
      diagnosis: [{ condition: { reference: `Condition/${ids.diagnosis}` } }],
    });
    expect(encounters.find((e) => e.id === ids.unsigned)?.status).toBe("in-progress");
    expect(encounters.find((e) => e.id === ids.admission)).toMatchObject({
      class: { system: SYSTEM.actCode, code: "IMP" },
      serviceProvider: { display: "Cardiology" },
    });

    const dx = ofType(b, "Condition").find((c) => c.id === ids.diagnosis)!;
    expect(codes(dx.code)).toEqual([`${SYSTEM.icd10cm}|I10`]);
    expect(dx.encounter?.reference).toBe(`Encounter/${ids.consultation}`);
    expect(codes(ofType(b, "Condition").find((c) => c.id === ids.problem)!.category?.[0])).toEqual([
      `${SYSTEM.conditionCategory}|problem-list-item`,
    ]);

    const obs = ofType(b, "Observation");
    const byLoinc: Record<string, R4.Observation> = Object.fromEntries(obs.map((o) => [o.code.coding?.[0].code, o]));
    expect(Object.keys(byLoinc).sort()).toEqual(
      ["14771-0", "2708-6", "29463-7", "39156-5", "8302-2", "8310-5", "85354-9", "8867-4"].sort(),
    );
    expect(byLoinc["8867-4"]).toMatchObject({
      id: `${ids.vital}-hr`,
      valueQuantity: { value: 88, system: SYSTEM.ucum, code: "/min" },
    });
    expect(byLoinc["85354-9"].component?.map((c) => c.valueQuantity?.value)).toEqual([150, 95]);
    expect(byLoinc["14771-0"]).toMatchObject({
      id: ids.lab,
      valueQuantity: { value: 7.4, code: "mmol/L" },
      referenceRange: [{ low: { value: 3.9 }, high: { value: 5.5 } }],
    });
    expect(codes(byLoinc["14771-0"].interpretation?.[0])).toEqual([`${SYSTEM.interpretation}|H`]);

    expect(ofType(b, "MedicationRequest")[0]).toMatchObject({
      id: ids.line,
      status: "active",
      intent: "order",
      requester: { reference: `Practitioner/${ids.doctorId}` },
      medicationCodeableConcept: { text: "amlodipine 5 mg tablet" },
    });
    expect(ofType(b, "AllergyIntolerance")[0]).toMatchObject({
      id: ids.allergy,
      criticality: "high",
      code: { text: "Penicillin" },
    });
    expect(ofType(b, "Appointment")[0]).toMatchObject({ id: ids.appointment, status: "fulfilled" });

    // Every resource but the Patient points at the patient.
    for (const r of resources(b).slice(1)) {
      const subject =
        (r as { subject?: R4.Reference; patient?: R4.Reference }).subject ?? (r as { patient?: R4.Reference }).patient;
      const ref = subject?.reference ?? (r as R4.Appointment).participant?.[0].actor?.reference;
      expect(ref, `${r.resourceType}/${r.id}`).toBe(`Patient/${patientId}`);
    }
    const audited = await db().auditEvent.findMany({
      where: { entity: "FHIR/Patient/$everything", patientId },
      select: { actorId: true, action: true },
    });
    expect(audited).toEqual([{ actorId: doctor.actor.id, action: "VIEW" }]);
  });

  it("$everything pages with _count and _offset across resource types, the next link leading on", async () => {
    const first = await bundle(doctor, `Patient/${patientId}/$everything?_count=5`);
    const all = await bundle(doctor, `Patient/${patientId}/$everything`);
    expect(first.entry).toHaveLength(5);
    const next = first.link!.find((l) => l.relation === "next")!.url;
    expect(next).toBe(`${BASE}/fhir/R4/Patient/${patientId}/$everything?_count=5&_offset=5`);
    const seen: string[] = [];
    for (let offset = 0; offset < all.total!; offset += 5)
      seen.push(
        ...resources(await bundle(doctor, `Patient/${patientId}/$everything?_count=5&_offset=${offset}`)).map(
          (r) => `${r.resourceType}/${r.id}`,
        ),
      );
    expect(seen).toEqual(resources(all).map((r) => `${r.resourceType}/${r.id}`));
  });

  it("a patient fetches their own $everything (signed consultations only) and not another patient's", async () => {
    const mine = await bundle(amara, `Patient/${patientId}/$everything`);
    const encounterIds = ofType(mine, "Encounter").map((e) => e.id);
    expect(encounterIds).toContain(ids.consultation);
    expect(encounterIds).not.toContain(ids.unsigned);
    expect(
      ofType(mine, "Condition")
        .map((c) => c.id)
        .sort(),
    ).toEqual([ids.diagnosis, ids.problem].sort());
    expect(ofType(mine, "Appointment")).toHaveLength(2);
    const denied = await err(get(amara, `Patient/${otherPatientId}/$everything`));
    expect(denied).toMatchObject({ code: "NOT_FOUND" });
    expect(await err(get(other, `Patient/${patientId}`))).toMatchObject({ code: "NOT_FOUND" });
    expect(await err(get(other, `Observation?patient=${patientId}`))).toMatchObject({ code: "NOT_FOUND" });
    expect(await err(get(other, `Observation/${ids.lab}`))).toMatchObject({ code: "NOT_FOUND" });
    expect(await err(get(amara, `Encounter/${ids.unsigned}`))).toMatchObject({ code: "NOT_FOUND" });
    // A patient's Patient search finds only themself.
    expect(resources(await bundle(other, "Patient?name=amara"))).toEqual([]);
  });

  it("reads each type by id, audited with the patient", async () => {
    for (const [type, id] of [
      ["Patient", patientId],
      ["Encounter", ids.admission],
      ["Condition", ids.problem],
      ["AllergyIntolerance", ids.allergy],
      ["Observation", `${ids.vital}-bmi`],
      ["MedicationRequest", ids.line],
      ["Appointment", ids.appointment],
    ] as const) {
      const r = await get(nurse, `${type}/${id}`);
      expect(r).toMatchObject({ resourceType: type, id });
      expect(fhirProblems(r)).toEqual([]);
      expect(
        await db().auditEvent.count({
          where: { entity: `FHIR/${type}`, entityId: id, patientId, actorId: nurse.actor.id },
        }),
      ).toBe(1);
    }
    expect(await get(amara, `Practitioner/${ids.doctorId}`)).toMatchObject({
      resourceType: "Practitioner",
      name: [{ text: "Dr Grace Okafor" }],
      qualification: [{ code: { text: "Cardiology" } }],
    });
    expect(await err(get(nurse, `Observation/${ids.vital}-pain`))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("searches: Patient by name and by identifier, Observation by patient and category", async () => {
    const byName = await bundle(records, "Patient?name=bel");
    expect(resources(byName).map((r) => r.id)).toEqual([patientId]);
    expect((await bundle(records, "Patient?name=amara bello")).total).toBe(1);
    expect((await bundle(records, "Patient?name=zzz")).total).toBe(0);
    expect(
      resources(await bundle(doctor, `Patient?identifier=${encodeURIComponent(`${SYSTEM.mrn}|${mrn}`)}`)).map(
        (r) => r.id,
      ),
    ).toEqual([patientId]);
    expect(resources(await bundle(doctor, `Patient?identifier=${mrn}`)).map((r) => r.id)).toEqual([patientId]);
    expect(await err(get(doctor, "Patient?identifier=http://other.org|1"))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { identifier: expect.any(String) },
    });

    const obs = await bundle(doctor, `Observation?patient=${patientId}`);
    expect(obs.total).toBe(8);
    expect(fhirProblems(obs)).toEqual([]);
    const labs = await bundle(doctor, `Observation?patient=Patient/${patientId}&category=laboratory`);
    expect(resources(labs).map((r) => r.id)).toEqual([ids.lab]);
    const vitals = await bundle(doctor, `Observation?patient=${patientId}&category=vital-signs&_count=3`);
    expect(vitals.total).toBe(7);
    expect(vitals.entry).toHaveLength(3);
    expect(vitals.link?.find((l) => l.relation === "next")?.url).toContain("_offset=3");
    const page3 = await bundle(doctor, `Observation?patient=${patientId}&category=vital-signs&_count=3&_page=3`);
    expect(page3.entry).toHaveLength(1);

    expect(resources(await bundle(amara, "Practitioner?name=okafor")).map((r) => r.id)).toEqual([ids.doctorId]);
    expect((await bundle(amara, `Practitioner?_id=${ids.doctorId}`)).total).toBe(1);
    expect((await bundle(amara, "Practitioner")).total).toBe(4);
    expect((await bundle(doctor, `AllergyIntolerance?patient=${patientId}`)).total).toBe(1);
    expect((await bundle(pharmacist, `MedicationRequest?patient=${patientId}`)).total).toBe(1);
    expect(
      await db().auditEvent.count({ where: { entity: "FHIR/Observation", patientId, entityId: null } }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("bad input and missing rights: 400 with the field, 403 by permission", async () => {
    expect(await err(get(doctor, "Observation"))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { patient: expect.any(String) },
    });
    expect(await err(get(doctor, `Observation?patient=${patientId}&_count=0`))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { _count: expect.any(String) },
    });
    // An unknown parameter is refused when the client asks for strict handling …
    expect(await err(get(doctor, `Observation?patient=${patientId}&code=8867-4`, true))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { code: expect.any(String) },
    });
    expect(await err(get(doctor, `Observation/${ids.lab}?code=8867-4`, true))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { code: expect.any(String) },
    });
    expect(await err(get(doctor, "Medication/1"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await err(get(pharmacist, `Observation?patient=${patientId}`))).toMatchObject({ code: "FORBIDDEN" });
    expect(await err(get(records, `Patient/${patientId}/$everything`))).toMatchObject({ code: "FORBIDDEN" });
    expect(await get(records, `AllergyIntolerance/${ids.allergy}`)).toMatchObject({
      resourceType: "AllergyIntolerance",
    });
  });
  it("an unknown parameter is ignored by default and listed as an OperationOutcome warning in the Bundle", async () => {
    const b = await bundle(doctor, `Observation?patient=${patientId}&code=8867-4&_count=100`);
    expect(b.total).toBe(8);
    const matches = (b.entry ?? []).filter((e) => e.search?.mode === "match");
    expect(matches).toHaveLength(8);
    const outcome = (b.entry ?? []).filter((e) => e.search?.mode === "outcome");
    expect(outcome).toHaveLength(1);
    expect(outcome[0].resource).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ severity: "warning", code: "not-supported", expression: ["code"] }],
    });
    expect(fhirProblems(b)).toEqual([]);
    // A read ignores them too.
    expect(await get(doctor, `Observation/${ids.lab}?code=8867-4`)).toMatchObject({
      resourceType: "Observation",
      id: ids.lab,
    });
  });

  it("the national id goes out with NATIONAL_ID_SYSTEM, and identifier=system|value finds it", async () => {
    await db().patient.update({ where: { id: patientId }, data: { nationalId: "NI-7788" } });
    const system = SYSTEM.nationalId; // the default of NATIONAL_ID_SYSTEM
    const p = (await get(doctor, `Patient/${patientId}`)) as R4.Patient;
    expect(p.identifier).toContainEqual(expect.objectContaining({ system, value: "NI-7788" }));
    expect(
      resources(await bundle(doctor, `Patient?identifier=${encodeURIComponent(`${system}|NI-7788`)}`)).map((r) => r.id),
    ).toEqual([patientId]);
    expect(resources(await bundle(doctor, "Patient?identifier=NI-7788")).map((r) => r.id)).toEqual([patientId]);
    // The national id is not an MRN, nor the MRN a national id.
    expect((await bundle(doctor, `Patient?identifier=${encodeURIComponent(`${SYSTEM.mrn}|NI-7788`)}`)).total).toBe(0);
    expect((await bundle(doctor, `Patient?identifier=${encodeURIComponent(`${system}|${mrn}`)}`)).total).toBe(0);
  });

  it("$everything takes _type, start, end and _since", async () => {
    const ids_ = async (q: string) =>
      resources(await bundle(doctor, `Patient/${patientId}/$everything?${q}`)).map((r) => r.resourceType);
    expect((await ids_("_type=Condition,AllergyIntolerance")).sort()).toEqual([
      "AllergyIntolerance",
      "Condition",
      "Condition",
      "Condition",
    ]);
    expect(await ids_("_type=Patient")).toEqual(["Patient"]);
    expect(await err(get(doctor, `Patient/${patientId}/$everything?_type=Medication`))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { _type: expect.any(String) },
    });
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    expect(await ids_(`_type=Observation&start=${day(-1)}&end=${day(1)}`)).toHaveLength(8);
    expect(await ids_(`_type=Observation&start=${day(2)}`)).toEqual([]);
    expect(await ids_(`_type=Observation&end=${day(-2)}`)).toEqual([]);
    // end names a whole day: today's observations are within end=today.
    expect(await ids_(`_type=Observation&end=${day(0)}`)).toHaveLength(8);
    expect(await err(get(doctor, `Patient/${patientId}/$everything?start=yesterday`))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { start: expect.any(String) },
    });
    for (const bad of ["2026-02-31", "0050", "2026-05-01T08:00:00", "2026-13"])
      expect(await err(get(doctor, `Patient/${patientId}/$everything?end=${bad}`)), bad).toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { end: expect.any(String) },
      });
    // _since: only what changed since — a new allergy, not the rest (nor the unchanged Patient).
    const since = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const added = await db().allergy.create({
      data: { patientId, substance: "Cashew nuts", reaction: "Hives", severity: "moderate" },
    });
    const changed = await bundle(
      doctor,
      `Patient/${patientId}/$everything?_since=${encodeURIComponent(since.toISOString())}`,
    );
    expect(resources(changed).map((r) => `${r.resourceType}/${r.id}`)).toEqual([`AllergyIntolerance/${added.id}`]);
    // Coded from the cited table (lib/fhir/terminology.ts).
    expect(codes(ofType(changed, "AllergyIntolerance")[0].code)).toEqual([`${SYSTEM.snomed}|227493005`]);
    expect((await bundle(doctor, `Patient/${patientId}/$everything?_since=${day(-1)}&_count=1`)).entry).toHaveLength(1);
  });

  it("Practitioner: active practitioners only, with public fields; an admin also sees deactivated ones", async () => {
    const gone = await seedUser(db(), { email: "gone@h.org", name: "Nurse Gone", role: "NURSE", password: PW });
    await db().user.update({ where: { id: gone.id }, data: { active: false } });
    const admin = ctxOf(
      await seedUser(db(), { email: "adm@h.org", name: "Admin", role: "ADMIN", password: PW }),
      "ADMIN",
    );
    for (const ctx of [amara, doctor, records]) {
      const all = await bundle(ctx, "Practitioner?_count=100");
      expect(resources(all).map((r) => r.id)).not.toContain(gone.id);
      expect(all.total).toBe(4);
      expect((await bundle(ctx, "Practitioner?name=gone")).total).toBe(0);
      expect((await bundle(ctx, `Practitioner?_id=${gone.id}`)).total).toBe(0);
      expect(await err(get(ctx, `Practitioner/${gone.id}`))).toMatchObject({ code: "NOT_FOUND" });
      // Only public fields: never an email address, phone or the account's role.
      const text = JSON.stringify(all);
      for (const secret of ["@h.org", "telecom", "DOCTOR", "NURSE"]) expect(text).not.toContain(secret);
    }
    expect(await get(admin, `Practitioner/${gone.id}`)).toMatchObject({
      resourceType: "Practitioner",
      active: false,
      name: [{ text: "Nurse Gone" }],
    });
    expect((await bundle(admin, "Practitioner?_count=100")).total).toBe(5);
  });
});

// NEWS2 and safety overrides, written by the services (not seeded rows), read back through the FHIR
// dispatch: the columns the mappers need are the ones the FHIR queries select.
describe("FHIR R4: NEWS2 and safety overrides as the services record them", () => {
  it("a complete set of vitals reads back with its NEWS2 Observation (FHIR-NEWS2 code, sub-scores, derivedFrom the set)", async () => {
    const v = await recordVitals(
      db(),
      nurse,
      patientId,
      parseInput(ZVitals, {
        respiratoryRate: 22,
        spo2: 97,
        supplementalOxygen: false,
        systolic: 125,
        diastolic: 80,
        pulse: 115,
        consciousness: "A",
        temperatureC: 38.5,
      }),
    );
    const n = (await get(doctor, `Observation/${v.id}-news2`)) as R4.Observation;
    expect(codes(n.code)).toEqual(["http://snomed.info/sct|1104051000000101"]);
    expect(n.valueQuantity).toMatchObject({ value: 5 });
    expect(n.component!.map((c) => c.valueQuantity!.value)).toEqual([2, 0, 0, 0, 2, 0, 1]);
    expect(n.derivedFrom!.map((r) => r.reference)).toEqual(
      ["rr", "spo2", "o2", "bp", "hr", "acvpu", "temp"].map((k) => `Observation/${v.id}-${k}`),
    );
    const acvpu = (await get(doctor, `Observation/${v.id}-acvpu`)) as R4.Observation;
    expect(acvpu.valueCodeableConcept?.coding?.length).toBeGreaterThan(0);
    const o2 = (await get(doctor, `Observation/${v.id}-o2`)) as R4.Observation;
    expect(codes(o2.valueCodeableConcept)).toEqual(["http://snomed.info/sct|722742002"]);
    expect(fhirProblems(n)).toEqual([]);
  });

  it("a prescription signed despite an allergy finding carries it as a contained DetectedIssue, with the override and the pharmacist's acknowledgement", async () => {
    // A patient of their own (the other tests add allergies to Amara): one allergy, one finding.
    const ngozi = await seedPatient(db(), {
      firstName: "Ngozi",
      lastName: "Eze",
      dateOfBirth: "1970-03-03",
      sex: "female",
    });
    await db().allergy.create({
      data: { patientId: ngozi.id, substance: "Penicillin", drugClass: "penicillin", severity: "severe" },
    });
    const drug = await db().drug.create({
      data: { genericName: "amoxicillin", form: "capsule", strength: "500 mg", drugClass: "penicillin" },
    });
    const rx = await prescribe(
      db(),
      doctor,
      parseInput(ZPrescribe, {
        patientId: ngozi.id,
        items: [{ drugId: drug.id, dose: "500 mg", route: "oral", frequency: "three times a day", durationDays: 5 }],
        overrideReason: "Tolerated amoxicillin in 2024",
      }),
    );
    const lineId = (await db().prescriptionItem.findFirstOrThrow({ where: { prescriptionId: rx.id } })).id;
    const before = (await get(doctor, `MedicationRequest/${lineId}`)) as R4.MedicationRequest;
    expect(before.detectedIssue).toEqual([{ reference: "#issue-1" }]);
    const [issue] = before.contained as R4.DetectedIssue[];
    expect(issue).toMatchObject({ resourceType: "DetectedIssue", severity: "high" });
    expect(issue.mitigation!.map((m) => m.action.text)).toEqual([
      "Prescribed despite the finding: Tolerated amoxicillin in 2024",
    ]);
    await acknowledgeOverride(db(), pharmacist, rx.id);
    const after = (await get(doctor, `MedicationRequest/${lineId}`)) as R4.MedicationRequest;
    expect((after.contained as R4.DetectedIssue[])[0].mitigation!.map((m) => m.action.text)).toEqual([
      "Prescribed despite the finding: Tolerated amoxicillin in 2024",
      "Acknowledged by the dispensing pharmacist",
    ]);
    expect(fhirProblems(after)).toEqual([]);
  });
});
