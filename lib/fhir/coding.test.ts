import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZDiagnosis } from "@/lib/clinical/schemas";
import { fhirProblems } from "@/tests/fhir-structure";
import { searchset } from "./bundle";
import { capabilityStatement } from "./capability";
import { doseQuantity, frequencyTiming } from "./dosage";
import { preferStrict } from "./handler";
import { diagnosisCondition, problemCondition, SYSTEM, toAllergy, toMedicationRequest, toPatient } from "./mappers";
import { ROUTE_CODES, SUBSTANCE_CODES, TERMINOLOGY_SOURCE, type CitedCoding } from "./terminology";

// What a receiving system can use: ICD-10-CM displays from the shipped list, structured dosage with
// UCUM units and cited SNOMED CT routes, the national id's system, ignored parameters listed.

const at = (s: string) => new Date(s);
const consultation = {
  id: "con1",
  patientId: "pat1",
  doctorId: "doc1",
  createdAt: at("2026-11-02T09:40:00Z"),
  signedAt: null,
  doctor: { name: "Dr Okafor" },
};
const line = (over: Partial<{ dose: string; route: string; frequency: string }> = {}) => ({
  id: "line1",
  dose: "500 mg",
  route: "oral",
  frequency: "three times daily",
  durationDays: 7,
  quantity: 21,
  dispensedQuantity: 0,
  instructions: null,
  ...over,
  drug: { genericName: "amoxicillin", brandName: null, form: "capsule", strength: "500 mg" },
  prescription: {
    id: "rx1",
    patientId: "pat1",
    prescriberId: "doc1",
    consultationId: null,
    issuedAt: at("2026-11-02T10:00:00Z"),
    expiresAt: at("2026-12-02T10:00:00Z"),
    prescriber: { name: "Dr Okafor" },
    findings: [],
    overrideReason: null,
    overrideAcknowledgedAt: null,
    overrideAcknowledgedBy: null,
  },
});

describe("Condition codes", () => {
  it("carry the ICD-10-CM display of the shipped list, the clinician's words as text", () => {
    const d = diagnosisCondition({ id: "dx1", code: "J45.909", description: "Asthma", consultation });
    expect(d.code).toEqual({
      coding: [{ system: SYSTEM.icd10cm, code: "J45.909", display: "Unspecified asthma, uncomplicated" }],
      text: "Asthma",
    });
    // A formula typed as the description stays text: the display is the list's.
    const z = diagnosisCondition({ id: "dx2", code: "a09", description: '=HYPERLINK("x")', consultation });
    expect(z.code?.coding?.[0].display).not.toContain("HYPERLINK");
    expect(z.code?.text).toBe('=HYPERLINK("x")');
    expect(fhirProblems(d)).toEqual([]);
  });

  it("a code outside the list (an older row, a problem-list category code) goes as text only, never with an invented display", () => {
    expect(diagnosisCondition({ id: "dx3", code: "U99.8", description: "Fever", consultation }).code).toEqual({
      text: "Fever",
    });
    expect(
      problemCondition({
        id: "c1",
        patientId: "pat1",
        text: "Asthma",
        code: "J45",
        createdAt: at("2026-01-01T00:00:00Z"),
      }).code,
    ).toEqual({ text: "Asthma" });
  });

  it("entry refuses a code the list does not have (the form, the API and the action share this schema)", () => {
    expect(ZDiagnosis.safeParse({ code: "j45.909", description: "Asthma" })).toMatchObject({
      success: true,
      data: { code: "J45.909" },
    });
    expect(ZDiagnosis.safeParse({ code: "U99.8", description: "Fever" }).success).toBe(false);
    expect(ZDiagnosis.safeParse({ code: "", description: "Fever of unknown origin" })).toMatchObject({
      success: true,
      data: { code: undefined },
    });
  });
});

describe("MedicationRequest dosage", () => {
  it("dose as a UCUM quantity, timing from the frequency, the route coded with SNOMED CT", () => {
    const r = toMedicationRequest(line(), "ACTIVE");
    const d = r.dosageInstruction![0];
    expect(d.doseAndRate).toEqual([{ doseQuantity: { value: 500, unit: "mg", system: SYSTEM.ucum, code: "mg" } }]);
    expect(d.timing?.repeat).toEqual({
      frequency: 3,
      period: 1,
      periodUnit: "d",
      boundsDuration: { value: 7, unit: "days", system: SYSTEM.ucum, code: "d" },
    });
    expect(d.timing?.code).toEqual({ text: "three times daily" });
    expect(d.route).toEqual({
      coding: [{ system: SYSTEM.snomed, code: "26643006", display: "Oral route (qualifier value)" }],
      text: "oral",
    });
    expect(d.text).toBe("500 mg oral three times daily for 7 days");
    // No medication code: none verified is at hand.
    expect(r.medicationCodeableConcept).toEqual({ text: "amoxicillin 500 mg capsule" });
    expect(fhirProblems(r)).toEqual([]);
  });

  it("what cannot be read stays text: a route the table does not know, a dose range, an as-needed frequency", () => {
    const d = toMedicationRequest(line({ route: "inhaled", dose: "1-2 puffs", frequency: "as needed" }), "ACTIVE")
      .dosageInstruction![0];
    expect(d.route).toEqual({ text: "inhaled" });
    expect(d).not.toHaveProperty("doseAndRate");
    expect(d.asNeededBoolean).toBe(true);
    expect(d.timing?.repeat).toEqual({ boundsDuration: { value: 7, unit: "days", system: SYSTEM.ucum, code: "d" } });
  });

  it("reads doses and frequencies", () => {
    expect(doseQuantity("2 tablets")).toEqual({ value: 2, unit: "tablet", system: SYSTEM.ucum, code: "{tablet}" });
    expect(doseQuantity("10 mL")).toMatchObject({ value: 10, code: "mL" });
    expect(doseQuantity("250 mcg")).toMatchObject({ value: 250, code: "ug" });
    expect(doseQuantity("1 g")).toMatchObject({ value: 1, code: "g" });
    expect(doseQuantity("10 units")).toBeNull();
    expect(doseQuantity("half a tablet")).toBeNull();
    expect(frequencyTiming("every 8 hours")).toEqual({ repeat: { frequency: 1, period: 8, periodUnit: "h" } });
    expect(frequencyTiming("twice daily")).toEqual({ repeat: { frequency: 2, period: 1, periodUnit: "d" } });
    expect(frequencyTiming("once weekly")).toEqual({ repeat: { frequency: 1, period: 1, periodUnit: "wk" } });
    expect(frequencyTiming("PRN")).toEqual({ asNeeded: true });
    expect(frequencyTiming("with meals")).toBeNull();
  });
});

describe("the cited codes", () => {
  // Each code in lib/fhir/terminology.ts is found, with its system and display, in the file it cites.
  const dir = path.dirname(createRequire(import.meta.url).resolve("hl7.fhir.r4.examples/package.json"));
  const codingsIn = (file: string) => {
    const out: { system?: string; code?: string; display?: string }[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (typeof o.code === "string" && typeof o.system === "string") out.push(o as never);
        Object.values(o).forEach(walk);
      }
    };
    walk(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
    return out;
  };
  const check = (c: CitedCoding) =>
    expect(codingsIn(c.source.file), `${c.code} in ${c.source.file}`).toContainEqual(
      expect.objectContaining({ system: c.system, code: c.code, display: c.display }),
    );

  it(`every route and substance code is copied from ${TERMINOLOGY_SOURCE}`, () => {
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(`${pkg.name}@${pkg.version}`).toBe(TERMINOLOGY_SOURCE);
    for (const c of [...Object.values(ROUTE_CODES), ...Object.values(SUBSTANCE_CODES)]) check(c);
  });

  it("allergy substances: coded where the table knows them, else text", () => {
    const base = {
      id: "al1",
      patientId: "pat1",
      drugClass: null,
      reaction: null,
      severity: null,
      createdAt: at("2026-01-01T00:00:00Z"),
    };
    expect(toAllergy({ ...base, substance: "Cashew nuts" }).code).toEqual({
      coding: [{ system: SYSTEM.snomed, code: "227493005", display: "Cashew nuts" }],
      text: "Cashew nuts",
    });
    expect(toAllergy({ ...base, substance: "Penicillin" }).code).toEqual({ text: "Penicillin" });
  });
});

describe("the API's envelope", () => {
  it("the national id carries its system (NATIONAL_ID_SYSTEM)", () => {
    const p = toPatient(
      {
        id: "pat1",
        mrn: "H-1",
        firstName: "A",
        lastName: "B",
        dateOfBirth: at("1985-04-12T00:00:00Z"),
        sex: "female",
        nationalId: "NI-42",
        phone: null,
        email: null,
        address: null,
        active: true,
        updatedAt: at("2026-11-01T10:00:00Z"),
      },
      "urn:oid:2.16.840.1.113883.2.9.4.3.2",
    );
    expect(p.identifier?.[1]).toMatchObject({ system: "urn:oid:2.16.840.1.113883.2.9.4.3.2", value: "NI-42" });
  });

  it("ignored parameters are listed as an OperationOutcome warning entry (search mode outcome)", () => {
    const url = new URL("https://h.example/fhir/R4/Condition?patient=p1&code=x");
    const b = searchset(
      "https://h.example",
      url,
      { count: 20, offset: 0 },
      0,
      [],
      [{ param: "code", text: "ignored" }],
    );
    expect(b.entry).toEqual([
      {
        resource: {
          resourceType: "OperationOutcome",
          issue: [{ severity: "warning", code: "not-supported", diagnostics: "ignored", expression: ["code"] }],
        },
        search: { mode: "outcome" },
      },
    ]);
    expect(searchset("https://h.example", url, { count: 20, offset: 0 }, 0, [])).not.toHaveProperty("entry");
  });

  it("Prefer: handling=strict is read as RFC 7240 writes it", () => {
    expect(preferStrict("handling=strict")).toBe(true);
    expect(preferStrict("return=minimal, handling=strict")).toBe(true);
    expect(preferStrict('handling="strict"')).toBe(true);
    expect(preferStrict("handling=lenient")).toBe(false);
    expect(preferStrict(null)).toBe(false);
  });

  it("the CapabilityStatement claims no OAuth or SMART security service", () => {
    const c = capabilityStatement("https://h.example", "H", at("2026-11-22T00:00:00Z"));
    expect(c.rest?.[0].security).not.toHaveProperty("service");
    expect(JSON.stringify(c)).not.toMatch(/OAuth|SMART/);
  });
});
