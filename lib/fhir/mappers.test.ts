import type * as R4 from "fhir/r4";
import { describe, expect, it } from "vitest";
import { fhirProblems } from "@/tests/fhir-structure";
import { operationOutcome, searchset } from "./bundle";
import { capabilityStatement } from "./capability";
import {
  admissionEncounter,
  consultationEncounter,
  diagnosisCondition,
  labObservation,
  medicationStatus,
  problemCondition,
  SYSTEM,
  toAllergy,
  toAppointment,
  toMedicationRequest,
  toPatient,
  toPractitioner,
  vitalKeysOf,
  vitalObservation,
  type VitalRow,
} from "./mappers";
import { AppError } from "@/lib/server/errors";
import { E } from "@/lib/i18n/error-keys";

const at = (s: string) => new Date(s);
const patient = {
  id: "pat1",
  mrn: "H-000123",
  firstName: "Amara",
  lastName: "Bello",
  dateOfBirth: at("1985-04-12T00:00:00Z"),
  sex: "female" as const,
  nationalId: null,
  phone: "+234 801 000 0000",
  email: null,
  address: "12 Marina Rd, Lagos",
  active: true,
  updatedAt: at("2026-11-01T10:00:00Z"),
};
const vital: VitalRow = {
  id: "vit1",
  patientId: "pat1",
  recordedById: "nurse1",
  takenAt: at("2026-11-02T08:00:00Z"),
  createdAt: at("2026-11-02T08:05:00Z"),
  temperatureC: 38.2,
  pulse: 96,
  respiratoryRate: 18,
  systolic: 142,
  diastolic: 91,
  spo2: 97,
  weightKg: 70,
  heightCm: 175,
  painScore: null,
  consciousness: null,
  supplementalOxygen: null,
  news2Score: null,
  news2Subscores: null,
  news2Scale: null,
};
const lab = (flag: "NORMAL" | "HIGH" | "LOW", value: number | null, valueText: string | null = null) => ({
  id: `lab-${flag}`,
  value,
  valueText,
  unit: null,
  refLow: 3.9,
  refHigh: 5.5,
  flag,
  enteredById: "nurse1",
  resultedAt: at("2026-11-03T09:00:00Z"),
  order: {
    patientId: "pat1",
    consultationId: "con1",
    test: { code: "GLU-F", loinc: "14771-0", name: "Glucose, fasting", unit: "mmol/L" },
  },
});
const line = {
  id: "line1",
  dose: "500 mg",
  route: "oral",
  frequency: "three times a day",
  durationDays: 7,
  quantity: 21,
  dispensedQuantity: 0,
  instructions: "After meals",
  drug: { genericName: "amoxicillin", brandName: null, form: "capsule", strength: "500 mg" },
  prescription: {
    id: "rx1",
    patientId: "pat1",
    prescriberId: "doc1",
    consultationId: "con1",
    issuedAt: at("2026-11-02T10:00:00Z"),
    expiresAt: at("2026-12-02T10:00:00Z"),
    prescriber: { name: "Dr Okafor" },
    findings: [],
    overrideReason: null,
    overrideAcknowledgedAt: null,
    overrideAcknowledgedBy: null,
  },
};
const codes = (c: { coding?: { system?: string; code?: string }[] } | undefined) =>
  (c?.coding ?? []).map((x) => `${x.system}|${x.code}`);

describe("FHIR mappers", () => {
  it("Patient: MRN identifier with the hospital's system, name, administrative gender, birthDate, telecom and address", () => {
    const p = toPatient(patient);
    expect(p).toMatchObject({
      resourceType: "Patient",
      id: "pat1",
      active: true,
      gender: "female",
      birthDate: "1985-04-12",
      name: [{ family: "Bello", given: ["Amara"] }],
      telecom: [{ system: "phone", value: "+234 801 000 0000" }],
      address: [{ text: "12 Marina Rd, Lagos" }],
    });
    expect(p.identifier?.[0]).toMatchObject({ system: SYSTEM.mrn, value: "H-000123" });
    expect(toPatient({ ...patient, sex: "unknown", phone: null, address: null })).not.toHaveProperty("telecom");
    expect(fhirProblems(p)).toEqual([]);
  });

  it("Patient: a merge links the duplicate (replaced-by) and the survivor (replaces); no merge, no link", () => {
    expect(toPatient(patient)).not.toHaveProperty("link");
    const dup = toPatient({ ...patient, active: false, mergedIntoId: "pat2" });
    expect(dup.link).toEqual([{ other: { reference: "Patient/pat2" }, type: "replaced-by" }]);
    expect(toPatient({ ...patient, id: "pat2", mergedFrom: [{ id: "pat1" }] }).link).toEqual([
      { other: { reference: "Patient/pat1" }, type: "replaces" },
    ]);
    expect(fhirProblems(dup)).toEqual([]);
  });

  it("Practitioner: name and qualification, nothing empty", () => {
    const p = toPractitioner({
      id: "doc1",
      name: "Dr Grace Okafor",
      role: "DOCTOR",
      active: true,
      staffProfile: { specialty: "Cardiology", qualification: "MBBS, FWACP" },
    });
    expect(p.name).toEqual([{ text: "Dr Grace Okafor" }]);
    expect(p.qualification?.map((q) => q.code.text)).toEqual(["MBBS, FWACP", "Cardiology"]);
    expect(
      toPractitioner({ id: "n1", name: "Nurse", role: "NURSE", active: true, staffProfile: null }),
    ).not.toHaveProperty("qualification");
    expect(fhirProblems(p)).toEqual([]);
  });

  it("Encounter: a consultation is ambulatory, an admission inpatient (v3 ActCode), with status, subject, participant and period", () => {
    const c = consultationEncounter({
      id: "con1",
      patientId: "pat1",
      doctorId: "doc1",
      appointmentId: "apt1",
      createdAt: at("2026-11-02T09:40:00Z"),
      updatedAt: at("2026-11-02T10:00:00Z"),
      signedAt: at("2026-11-02T10:00:00Z"),
      doctor: { name: "Dr Okafor", staffProfile: { department: { name: "Cardiology" } } },
      appointment: { startsAt: at("2026-11-02T09:30:00Z") },
      diagnoses: [{ id: "dx1", position: 0 }],
    });
    expect(c).toMatchObject({
      status: "finished",
      class: { system: SYSTEM.actCode, code: "AMB" },
      subject: { reference: "Patient/pat1" },
      participant: [{ individual: { reference: "Practitioner/doc1" } }],
      period: { start: "2026-11-02T09:30:00.000Z", end: "2026-11-02T10:00:00.000Z" },
      appointment: [{ reference: "Appointment/apt1" }],
      diagnosis: [{ condition: { reference: "Condition/dx1" }, rank: 1 }],
      serviceProvider: { display: "Cardiology" },
    });
    const a = admissionEncounter({
      id: "adm1",
      patientId: "pat1",
      attendingDoctorId: "doc1",
      admittedAt: at("2026-11-04T12:00:00Z"),
      dischargedAt: null,
      reason: "Pneumonia",
      updatedAt: at("2026-11-04T12:00:00Z"),
      attendingDoctor: { name: "Dr Okafor" },
      department: null,
    });
    expect(a).toMatchObject({
      status: "in-progress",
      class: { code: "IMP" },
      reasonCode: [{ text: "Pneumonia" }],
      period: { start: "2026-11-04T12:00:00.000Z" },
    });
    expect(a.period).not.toHaveProperty("end");
    expect([...fhirProblems(c), ...fhirProblems(a)]).toEqual([]);
  });

  it("Condition: diagnoses in ICD-10-CM as encounter diagnoses, the problem list as problem-list items, with status systems", () => {
    const d = diagnosisCondition({
      id: "dx1",
      code: "I10",
      description: "Essential (primary) hypertension",
      consultation: {
        id: "con1",
        patientId: "pat1",
        doctorId: "doc1",
        createdAt: at("2026-11-02T09:40:00Z"),
        signedAt: null,
        doctor: { name: "Dr Okafor" },
      },
    });
    expect(codes(d.code)).toEqual([`${SYSTEM.icd10cm}|I10`]);
    expect(codes(d.category?.[0])).toEqual([`${SYSTEM.conditionCategory}|encounter-diagnosis`]);
    expect(codes(d.clinicalStatus)).toEqual([`${SYSTEM.conditionClinical}|active`]);
    expect(codes(d.verificationStatus)).toEqual([`${SYSTEM.conditionVerification}|provisional`]);
    expect(d).toMatchObject({ subject: { reference: "Patient/pat1" }, encounter: { reference: "Encounter/con1" } });
    const p = problemCondition({
      id: "c1",
      patientId: "pat1",
      text: "Asthma",
      code: null,
      createdAt: at("2026-01-01T00:00:00Z"),
    });
    expect(p.code).toEqual({ text: "Asthma" });
    expect(codes(p.category?.[0])).toEqual([`${SYSTEM.conditionCategory}|problem-list-item`]);
    expect(p.subject.reference).toBe("Patient/pat1");
    expect([...fhirProblems(d), ...fhirProblems(p)]).toEqual([]);
  });

  it("AllergyIntolerance: substance as code text, criticality from the severity, patient reference", () => {
    const a = toAllergy({
      id: "al1",
      patientId: "pat1",
      substance: "Penicillin",
      drugClass: "penicillin",
      reaction: "Anaphylaxis",
      severity: "severe",
      createdAt: at("2026-01-01T00:00:00Z"),
    });
    expect(a).toMatchObject({
      code: { text: "Penicillin" },
      patient: { reference: "Patient/pat1" },
      criticality: "high",
      category: ["medication"],
      reaction: [{ manifestation: [{ text: "Anaphylaxis" }], severity: "severe" }],
    });
    expect(codes(a.clinicalStatus)).toEqual([`${SYSTEM.allergyClinical}|active`]);
    const bare = toAllergy({
      id: "al2",
      patientId: "pat1",
      substance: "Latex",
      drugClass: null,
      reaction: null,
      severity: null,
      createdAt: at("2026-01-01T00:00:00Z"),
    });
    expect(Object.keys(bare)).not.toEqual(expect.arrayContaining(["criticality", "reaction", "category"]));
    expect([...fhirProblems(a), ...fhirProblems(bare)]).toEqual([]);
  });

  it("Observation: one per vital sign with its LOINC code, UCUM unit and the vital-signs category; blood pressure as a panel", () => {
    expect(vitalKeysOf(vital)).toEqual(["temp", "hr", "rr", "bp", "spo2", "wt", "ht", "bmi"]);
    const loinc = (key: Parameters<typeof vitalObservation>[1]) => vitalObservation(vital, key).code.coding?.[0].code;
    expect(["temp", "hr", "rr", "bp", "spo2", "wt", "ht", "bmi"].map((k) => loinc(k as never))).toEqual([
      "8310-5",
      "8867-4",
      "9279-1",
      "85354-9",
      "2708-6",
      "29463-7",
      "8302-2",
      "39156-5",
    ]);
    const hr = vitalObservation(vital, "hr");
    expect(hr).toMatchObject({
      id: "vit1-hr",
      status: "final",
      subject: { reference: "Patient/pat1" },
      effectiveDateTime: "2026-11-02T08:00:00.000Z",
      valueQuantity: { value: 96, unit: "/min", system: SYSTEM.ucum, code: "/min" },
    });
    expect(codes(hr.category?.[0])).toEqual([`${SYSTEM.observationCategory}|vital-signs`]);
    expect(vitalObservation(vital, "temp").valueQuantity).toMatchObject({ value: 38.2, code: "Cel" });
    expect(vitalObservation(vital, "bmi").valueQuantity).toMatchObject({ value: 22.9, code: "kg/m2" });
    expect(codes(vitalObservation(vital, "spo2").code)).toContain(`${SYSTEM.loinc}|59408-5`);
    const bp = vitalObservation(vital, "bp");
    expect(bp).not.toHaveProperty("valueQuantity");
    expect(bp.component?.map((c) => [c.code.coding?.[0].code, c.valueQuantity?.value, c.valueQuantity?.code])).toEqual([
      ["8480-6", 142, "mm[Hg]"],
      ["8462-4", 91, "mm[Hg]"],
    ]);
    expect(vitalKeysOf({ ...vital, temperatureC: null, weightKg: null, painScore: 4 })).toEqual([
      "hr",
      "rr",
      "bp",
      "spo2",
      "ht",
      "pain",
    ]);
    for (const k of vitalKeysOf(vital)) expect(fhirProblems(vitalObservation(vital, k))).toEqual([]);
  });

  it("Observation: a lab result with the test's LOINC code, reference range, and interpretation H / L / N", () => {
    const high = labObservation(lab("HIGH", 7.2));
    expect(codes(high.code)).toEqual([`${SYSTEM.loinc}|14771-0`]);
    expect(high).toMatchObject({
      status: "final",
      subject: { reference: "Patient/pat1" },
      encounter: { reference: "Encounter/con1" },
      valueQuantity: { value: 7.2, unit: "mmol/L", system: SYSTEM.ucum, code: "mmol/L" },
      referenceRange: [{ low: { value: 3.9, code: "mmol/L" }, high: { value: 5.5, code: "mmol/L" } }],
    });
    expect(codes(high.category?.[0])).toEqual([`${SYSTEM.observationCategory}|laboratory`]);
    expect(codes(high.interpretation?.[0])).toEqual([`${SYSTEM.interpretation}|H`]);
    expect(codes(labObservation(lab("LOW", 3.1)).interpretation?.[0])).toEqual([`${SYSTEM.interpretation}|L`]);
    expect(codes(labObservation(lab("NORMAL", 4.4)).interpretation?.[0])).toEqual([`${SYSTEM.interpretation}|N`]);
    const text = labObservation(lab("NORMAL", null, "Negative"));
    expect(text.valueString).toBe("Negative");
    expect(text).not.toHaveProperty("valueQuantity");
    expect([...fhirProblems(high), ...fhirProblems(text)]).toEqual([]);
  });

  it("Observation: an amended lab result is corrected, with the reason as a note", () => {
    const corrected = labObservation({
      ...lab("NORMAL", 4.2),
      amendsId: "r0",
      amendReason: "Haemolysed sample, re-run",
    });
    expect(corrected).toMatchObject({ status: "corrected", note: [{ text: "Haemolysed sample, re-run" }] });
    expect(fhirProblems(corrected)).toEqual([]);
  });

  it("MedicationRequest: status from the effective status, intent order, medication text, subject, requester, dosage and dispense request", () => {
    const r = toMedicationRequest(line, "ACTIVE");
    expect(r).toMatchObject({
      status: "active",
      intent: "order",
      medicationCodeableConcept: { text: "amoxicillin 500 mg capsule" },
      subject: { reference: "Patient/pat1" },
      requester: { reference: "Practitioner/doc1" },
      authoredOn: "2026-11-02T10:00:00.000Z",
      encounter: { reference: "Encounter/con1" },
      groupIdentifier: { system: SYSTEM.prescription, value: "rx1" },
      dispenseRequest: {
        quantity: { value: 21 },
        validityPeriod: { start: "2026-11-02T10:00:00.000Z", end: "2026-12-02T10:00:00.000Z" },
      },
    });
    expect(r.medicationCodeableConcept).not.toHaveProperty("coding");
    expect(r.dosageInstruction?.[0]).toMatchObject({
      text: "500 mg oral three times a day for 7 days; After meals",
      timing: { repeat: { boundsDuration: { value: 7, code: "d" } } },
    });
    expect(medicationStatus("EXPIRED", line)).toBe("stopped");
    expect(medicationStatus("REVOKED", line)).toBe("cancelled");
    expect(medicationStatus("REVOKED", { quantity: 21, dispensedQuantity: 7 })).toBe("stopped");
    expect(medicationStatus("PARTIALLY_DISPENSED", { quantity: 21, dispensedQuantity: 21 })).toBe("completed");
    expect(medicationStatus("DISPENSED", line)).toBe("completed");
    expect(fhirProblems(r)).toEqual([]);
  });

  it("MedicationRequest after a safety override: each finding on its drug's line as a contained DetectedIssue, the override and the acknowledgement as mitigations", () => {
    const findings = [
      {
        kind: "ALLERGY_CLASS",
        severity: "high",
        drugs: ["amoxicillin"],
        message:
          "amoxicillin is a penicillin: recorded allergy to Penicillin (severe), which covers the penicillin class.",
        key: "allergyClass",
        params: { drug: "amoxicillin", cls: "penicillin", substance: "Penicillin", allergySeverity: "severe" },
      },
      {
        kind: "INTERACTION",
        severity: "high",
        drugs: ["warfarin", "ibuprofen"],
        message: "Warfarin with an NSAID or aspirin: additive bleeding risk.",
        key: "interaction",
        params: { rule: "warfarin-nsaid" },
      },
      {
        kind: "UNCHECKED",
        severity: "moderate",
        drugs: ["amoxicillin", "warfarin"],
        message: 'The recorded allergy "Zorbutrex" matches no known drug.',
        key: "allergyUnknown",
        params: { substance: "Zorbutrex" },
      },
    ];
    const overridden = {
      ...line,
      prescription: {
        ...line.prescription,
        findings,
        overrideReason: "Tolerated amoxicillin in 2024",
        overrideAcknowledgedAt: at("2026-11-02T11:00:00Z"),
        overrideAcknowledgedBy: { id: "ph1", name: "P. Harmacist" },
      },
    };
    const r = toMedicationRequest(overridden, "ACTIVE");
    expect(r.contained).toHaveLength(2);
    expect(r.detectedIssue).toEqual([{ reference: "#issue-1" }, { reference: "#issue-2" }]);
    const [allergy, unchecked] = r.contained as R4.DetectedIssue[];
    expect(allergy).toMatchObject({
      resourceType: "DetectedIssue",
      id: "issue-1",
      status: "final",
      severity: "high",
      patient: { reference: "Patient/pat1" },
      detail: findings[0].message,
      mitigation: [
        {
          action: { text: "Prescribed despite the finding: Tolerated amoxicillin in 2024" },
          date: "2026-11-02T10:00:00.000Z",
          author: { reference: "Practitioner/doc1" },
        },
        {
          action: { text: "Acknowledged by the dispensing pharmacist" },
          date: "2026-11-02T11:00:00.000Z",
          author: { reference: "Practitioner/ph1" },
        },
      ],
    });
    expect(codes(allergy.code)).toEqual([`${SYSTEM.actCode}|ALGY`]);
    expect(unchecked.code).toEqual({ text: "Not checked" });
    expect(fhirProblems(r)).toEqual([]);
    // No findings: no contained resources and no detectedIssue.
    expect(toMedicationRequest(line, "ACTIVE")).not.toHaveProperty("contained");
    expect(toMedicationRequest(line, "ACTIVE")).not.toHaveProperty("detectedIssue");
  });

  it("Appointment: status mapping, start and end, the patient and the practitioner as participants", () => {
    const base = {
      id: "apt1",
      patientId: "pat1",
      doctorId: "doc1",
      startsAt: at("2026-11-02T09:30:00Z"),
      endsAt: at("2026-11-02T10:00:00Z"),
      reason: "Chest pain",
      cancelReason: null,
      createdAt: at("2026-10-30T12:00:00Z"),
      doctor: { name: "Dr Okafor" },
      patient: { firstName: "Amara", lastName: "Bello" },
    };
    const statuses = (["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"] as const).map(
      (status) => toAppointment({ ...base, status }).status,
    );
    expect(statuses).toEqual(["booked", "arrived", "fulfilled", "cancelled", "noshow"]);
    const a = toAppointment({ ...base, status: "BOOKED" });
    expect(a).toMatchObject({
      start: "2026-11-02T09:30:00.000Z",
      end: "2026-11-02T10:00:00.000Z",
      minutesDuration: 30,
      description: "Chest pain",
    });
    expect(a.participant.map((p) => [p.actor?.reference, p.status])).toEqual([
      ["Patient/pat1", "accepted"],
      ["Practitioner/doc1", "accepted"],
    ]);
    expect(fhirProblems(a)).toEqual([]);
  });

  it("Bundle: a searchset with total, entries with fullUrl, and self / next links keeping the search", () => {
    const url = new URL("https://h.example/fhir/R4/Observation?patient=pat1&_count=2");
    const b = searchset("https://h.example", url, { count: 2, offset: 0 }, 5, [
      vitalObservation(vital, "hr"),
      vitalObservation(vital, "rr"),
    ]);
    expect(b).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 5 });
    expect(b.entry?.map((e) => e.fullUrl)).toEqual([
      "https://h.example/fhir/R4/Observation/vit1-hr",
      "https://h.example/fhir/R4/Observation/vit1-rr",
    ]);
    const link = Object.fromEntries((b.link ?? []).map((l) => [l.relation, l.url]));
    expect(link.self).toBe("https://h.example/fhir/R4/Observation?patient=pat1&_count=2&_offset=0");
    expect(link.next).toBe("https://h.example/fhir/R4/Observation?patient=pat1&_count=2&_offset=2");
    expect(link).not.toHaveProperty("previous");
    const last = searchset("https://h.example", url, { count: 2, offset: 4 }, 5, [vitalObservation(vital, "hr")]);
    expect((last.link ?? []).map((l) => l.relation)).toEqual(["self", "first", "previous"]);
    expect(fhirProblems(b)).toEqual([]);
  });

  it("OperationOutcome: an issue with the error's code, one more per invalid field", () => {
    expect(operationOutcome(new AppError("NOT_FOUND", E.errors.notFound(E.errors.records.patient)))).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "not-found", diagnostics: "That patient was not found." }],
    });
    const o = operationOutcome(
      new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields: { _count: E.fhir.badCount } }),
    );
    expect(o.issue.map((i) => [i.code, i.expression?.[0] ?? null])).toEqual([
      ["invalid", null],
      ["invalid", "_count"],
    ]);
    expect(operationOutcome(new AppError("FORBIDDEN", E.errors.forbidden)).issue[0].code).toBe("forbidden");
    expect(operationOutcome(new AppError("UNAUTHENTICATED", E.errors.signIn)).issue[0].code).toBe("login");
  });

  it("CapabilityStatement: FHIR 4.0.1, JSON, a server with read and search-type on each type and Patient $everything", () => {
    const c = capabilityStatement("https://h.example", "City General Hospital", at("2026-11-22T00:00:00Z"));
    expect(c).toMatchObject({
      resourceType: "CapabilityStatement",
      status: "active",
      kind: "instance",
      fhirVersion: "4.0.1",
      format: expect.arrayContaining(["json"]),
    });
    const rest = c.rest![0];
    expect(rest.mode).toBe("server");
    expect(rest.resource?.map((r) => r.type)).toEqual([
      "Patient",
      "Practitioner",
      "Encounter",
      "Condition",
      "AllergyIntolerance",
      "Observation",
      "MedicationRequest",
      "Appointment",
      "DocumentReference",
    ]);
    for (const r of rest.resource ?? []) expect(r.interaction?.map((i) => i.code)).toEqual(["read", "search-type"]);
    expect(rest.resource?.find((r) => r.type === "Patient")?.operation?.[0].name).toBe("everything");
    expect(rest.resource?.find((r) => r.type === "Observation")?.searchParam?.map((p) => p.name)).toEqual(
      expect.arrayContaining(["patient", "category", "_count"]),
    );
    expect(fhirProblems(c)).toEqual([]);
  });

  it("the structural check itself flags nulls, undefined, empty arrays, bad dates and bad references", () => {
    const bad = {
      resourceType: "Patient",
      id: "x",
      birthDate: "12/04/1985",
      gender: null,
      telecom: [],
      active: undefined,
      generalPractitioner: [{ reference: "pat1" }],
    };
    expect(fhirProblems(bad)).toHaveLength(5);
    expect(fhirProblems({ id: "x" })).toContain("resourceType missing");
  });

  it("NEWS2: ACVPU and air/oxygen observations, the total coded as NHS Digital's FHIR-NEWS2 guidance, sub-scores as components, derived from the set", () => {
    const scored: VitalRow = {
      ...vital,
      consciousness: "C",
      supplementalOxygen: true,
      news2Score: 9,
      news2Scale: 2,
      news2Subscores: {
        respiratoryRate: 0,
        spo2: 2,
        airOrOxygen: 2,
        systolic: 0,
        pulse: 1,
        consciousness: 3,
        temperature: 1,
      },
    };
    expect(vitalKeysOf(scored)).toEqual(expect.arrayContaining(["acvpu", "o2", "news2"]));
    expect(vitalKeysOf(vital)).not.toContain("news2");
    expect(vitalObservation(scored, "acvpu")).toMatchObject({
      id: "vit1-acvpu",
      code: { coding: [{ system: "http://snomed.info/sct", code: "1104441000000107" }] },
      valueCodeableConcept: { text: "New confusion" },
    });
    expect(vitalObservation({ ...scored, consciousness: "A" }, "acvpu").valueCodeableConcept).toMatchObject({
      coding: [{ code: "248234008" }],
    });
    expect(vitalObservation(scored, "o2").valueCodeableConcept).toMatchObject({
      coding: [{ system: "http://snomed.info/sct", code: "371825009" }],
    });
    expect(vitalObservation({ ...scored, supplementalOxygen: false }, "o2").valueCodeableConcept).toMatchObject({
      coding: [{ code: "722742002" }],
    });
    const n = vitalObservation(scored, "news2");
    expect(n).toMatchObject({
      id: "vit1-news2",
      category: [{ coding: [{ code: "survey" }] }],
      code: { coding: [{ system: "http://snomed.info/sct", code: "1104051000000101" }] },
      valueQuantity: { value: 9, system: "http://unitsofmeasure.org", code: "{score}" },
    });
    expect(n.component!.map((c) => [c.code.coding![0].code, c.valueQuantity!.value])).toEqual([
      ["1104301000000104", 0],
      ["1104321000000108", 2],
      ["1104331000000105", 2],
      ["1104341000000101", 0],
      ["1104351000000103", 1],
      ["1104361000000100", 3],
      ["1104371000000107", 1],
    ]);
    expect(n.derivedFrom!.map((r) => r.reference)).toEqual(
      ["rr", "spo2", "o2", "bp", "hr", "acvpu", "temp"].map((k) => `Observation/vit1-${k}`),
    );
    expect(vitalObservation({ ...scored, news2Scale: 1 }, "news2").component![1].code.coding![0].code).toBe(
      "1104311000000102",
    );
  });
});
