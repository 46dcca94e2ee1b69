import type * as R4 from "fhir/r4";

// Codes the FHIR API puts on what we store as words: each code here is copied from a cited file of
// a published package installed from the npm registry (never typed from memory), and
// lib/fhir/terminology.test.ts checks every one against that file. A value not in a table goes out
// as text only: a receiving system gets no coding rather than an invented one.
//
// Source: the HL7 FHIR R4 (4.0.1) examples, npm package `hl7.fhir.r4.examples@4.0.1` (HL7 Inc,
// CC0-1.0), a devDependency so that the test can read the cited files.

export const SNOMED = "http://snomed.info/sct";
export const TERMINOLOGY_SOURCE = "hl7.fhir.r4.examples@4.0.1";

export type CitedCoding = { system: string; code: string; display: string; source: { file: string; path: string } };

/**
 * SNOMED CT route-of-administration codes by our stored route (lib/i18n/prescriptions.en.ts
 * `routes`, the values the prescription form offers). Only routes for which the FHIR R4 examples
 * carry a "route" concept (a child of 284009009 "Route of administration value") are coded; the
 * examples give intramuscular and subcutaneous only as qualifier values (not route concepts), and
 * inhaled, sublingual, rectal and nasal not at all: those stay text.
 */
export const ROUTE_CODES: Record<string, CitedCoding> = {
  oral: {
    system: SNOMED,
    code: "26643006",
    display: "Oral route (qualifier value)",
    source: { file: "MedicationRequest-medrx0306.json", path: "dosageInstruction[0].route" },
  },
  intravenous: {
    system: SNOMED,
    code: "47625008",
    display: "Intravenous route (qualifier value)",
    source: { file: "MedicationAdministration-medadmin0301.json", path: "dosage.route" },
  },
  topical: {
    system: SNOMED,
    code: "6064005",
    display: "Topical Route",
    source: { file: "MedicationRequest-medrx0339.json", path: "dosageInstruction[*].route" },
  },
};

/**
 * Allergy substances by name (case and spacing ignored): the substances the cited examples code.
 * The seeded "Penicillin" (a class) and "Latex" are not among them and go as text.
 */
export const SUBSTANCE_CODES: Record<string, CitedCoding> = {
  "cashew nuts": {
    system: SNOMED,
    code: "227493005",
    display: "Cashew nuts",
    source: { file: "AllergyIntolerance-example.json", path: "code" },
  },
  "penicillin g": {
    system: "http://www.nlm.nih.gov/research/umls/rxnorm",
    code: "7980",
    display: "Penicillin G",
    source: { file: "AllergyIntolerance-medication.json", path: "code" },
  },
};

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
const coded = (c: CitedCoding | undefined, text: string): R4.CodeableConcept =>
  c ? { coding: [{ system: c.system, code: c.code, display: c.display }], text } : { text };

/** The route as a CodeableConcept: coded where the table knows it, else text only. */
export const routeConcept = (route: string): R4.CodeableConcept => coded(ROUTE_CODES[key(route)], route);

/** An allergy substance: coded where the table knows it, else text only. */
export const substanceConcept = (substance: string): R4.CodeableConcept =>
  coded(SUBSTANCE_CODES[key(substance)], substance);
