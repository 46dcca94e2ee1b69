import type * as R4 from "fhir/r4";
import type {
  AbnormalFlag,
  AllergySeverity,
  AppointmentStatus,
  PrescriptionStatus,
  Sex,
} from "@/lib/generated/prisma/enums";
import { bmi } from "@/lib/clinical/measures";
import { icdByCode } from "@/lib/clinical/icd10cm";
import type { Finding } from "@/lib/prescriptions/safety";
import { dosage } from "./dosage";
import { substanceConcept } from "./terminology";

// Our rows as FHIR R4 resources (typed by @types/fhir). Pure functions: the rows come from
// lib/fhir/queries.ts, which selects exactly the columns read here. Optional elements are left out
// (never null) so the JSON carries only what we know.

export const SYSTEM = {
  mrn: "urn:hms:mrn",
  /** The default of NATIONAL_ID_SYSTEM (lib/server/env.ts), which names the national id's system. */
  nationalId: "urn:hms:national-id",
  prescription: "urn:hms:prescription",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  loinc: "http://loinc.org",
  snomed: "http://snomed.info/sct",
  ucum: "http://unitsofmeasure.org",
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  participationType: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  allergyClinical: "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
  allergyVerification: "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  interpretation: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
} as const;

export const ref = (type: string, id: string, display?: string): R4.Reference => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});
const instant = (d: Date) => d.toISOString();
const date = (d: Date) => d.toISOString().slice(0, 10);
const concept = (system: string, code: string, display?: string, text?: string): R4.CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
  ...(text ? { text } : {}),
});
/** Elements present only when the value is: `...opt("x", v)`. */
const opt = <K extends string, V>(key: K, v: V | null | undefined) =>
  v === null || v === undefined || v === "" ? {} : ({ [key]: v } as { [P in K]: V });

// --- Patient --------------------------------------------------------------------------------

export type PatientRow = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  sex: Sex;
  nationalId: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  active: boolean;
  updatedAt: Date;
  /** A merge (lib/patients/merge.ts): the record this one was merged into, and the records merged into this one. */
  mergedIntoId?: string | null;
  mergedFrom?: { id: string }[];
};

/** Our four sexes are exactly FHIR's administrative-gender codes. */
const GENDER: Record<Sex, R4.Patient["gender"]> = {
  female: "female",
  male: "male",
  other: "other",
  unknown: "unknown",
};

export function toPatient(p: PatientRow, nationalIdSystem: string = SYSTEM.nationalId): R4.Patient {
  const telecom: R4.ContactPoint[] = [
    ...(p.phone ? [{ system: "phone" as const, value: p.phone }] : []),
    ...(p.email ? [{ system: "email" as const, value: p.email }] : []),
  ];
  // FHIR's merge links: the duplicate says "replaced-by" the survivor, the survivor "replaces" it.
  const link: R4.PatientLink[] = [
    ...(p.mergedIntoId ? [{ other: ref("Patient", p.mergedIntoId), type: "replaced-by" as const }] : []),
    ...(p.mergedFrom ?? []).map((d) => ({ other: ref("Patient", d.id), type: "replaces" as const })),
  ];
  return {
    resourceType: "Patient",
    id: p.id,
    meta: { lastUpdated: instant(p.updatedAt) },
    identifier: [
      {
        use: "usual",
        type: concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"),
        system: SYSTEM.mrn,
        value: p.mrn,
      },
      ...(p.nationalId
        ? [{ use: "official" as const, type: { text: "National ID" }, system: nationalIdSystem, value: p.nationalId }]
        : []),
    ],
    active: p.active,
    name: [{ use: "official", family: p.lastName, given: [p.firstName], text: `${p.firstName} ${p.lastName}` }],
    gender: GENDER[p.sex],
    birthDate: date(p.dateOfBirth),
    ...(telecom.length ? { telecom } : {}),
    ...(p.address ? { address: [{ text: p.address }] } : {}),
    ...(link.length ? { link } : {}),
  };
}

// --- Practitioner ---------------------------------------------------------------------------

export type PractitionerRow = {
  id: string;
  name: string;
  role: string;
  active: boolean;
  staffProfile: { specialty: string | null; qualification: string | null } | null;
};

export function toPractitioner(u: PractitionerRow): R4.Practitioner {
  const q = u.staffProfile?.qualification;
  const specialty = u.staffProfile?.specialty;
  return {
    resourceType: "Practitioner",
    id: u.id,
    active: u.active,
    name: [{ text: u.name }],
    ...(q || specialty
      ? {
          qualification: [...(q ? [{ code: { text: q } }] : []), ...(specialty ? [{ code: { text: specialty } }] : [])],
        }
      : {}),
  };
}

// --- Encounter ------------------------------------------------------------------------------

export type ConsultationEncounterRow = {
  id: string;
  patientId: string;
  doctorId: string;
  appointmentId: string | null;
  createdAt: Date;
  updatedAt: Date;
  signedAt: Date | null;
  doctor: { name: string; staffProfile: { department: { name: string } | null } | null };
  appointment: { startsAt: Date } | null;
  diagnoses: { id: string; position: number }[];
};
export type AdmissionEncounterRow = {
  id: string;
  patientId: string;
  attendingDoctorId: string;
  admittedAt: Date;
  dischargedAt: Date | null;
  reason: string;
  updatedAt: Date;
  attendingDoctor: { name: string };
  department: { name: string } | null;
};

const attender = (id: string, name: string): R4.EncounterParticipant => ({
  type: [concept(SYSTEM.participationType, "ATND", "attender")],
  individual: ref("Practitioner", id, name),
});

type EncounterParts = {
  id: string;
  updatedAt: Date;
  inpatient: boolean;
  patientId: string;
  doctorId: string;
  doctorName: string;
  start: Date;
  end: Date | null;
  department: string | null | undefined;
};

/** Finished once signed (a consultation) or discharged (an admission), else in progress. */
const encounter = (e: EncounterParts): R4.Encounter => ({
  resourceType: "Encounter",
  id: e.id,
  meta: { lastUpdated: instant(e.updatedAt) },
  status: e.end ? "finished" : "in-progress",
  class: e.inpatient
    ? { system: SYSTEM.actCode, code: "IMP", display: "inpatient encounter" }
    : { system: SYSTEM.actCode, code: "AMB", display: "ambulatory" },
  subject: ref("Patient", e.patientId),
  participant: [attender(e.doctorId, e.doctorName)],
  period: { start: instant(e.start), ...(e.end ? { end: instant(e.end) } : {}) },
  ...(e.department ? { serviceProvider: { display: e.department } } : {}),
});

export function consultationEncounter(c: ConsultationEncounterRow): R4.Encounter {
  return {
    ...encounter({
      id: c.id,
      updatedAt: c.updatedAt,
      inpatient: false,
      patientId: c.patientId,
      doctorId: c.doctorId,
      doctorName: c.doctor.name,
      start: c.appointment?.startsAt ?? c.createdAt,
      end: c.signedAt,
      department: c.doctor.staffProfile?.department?.name,
    }),
    ...(c.appointmentId ? { appointment: [ref("Appointment", c.appointmentId)] } : {}),
    ...(c.diagnoses.length
      ? { diagnosis: c.diagnoses.map((d, i) => ({ condition: ref("Condition", d.id), rank: i + 1 })) }
      : {}),
  };
}

export function admissionEncounter(a: AdmissionEncounterRow): R4.Encounter {
  return {
    ...encounter({
      id: a.id,
      updatedAt: a.updatedAt,
      inpatient: true,
      patientId: a.patientId,
      doctorId: a.attendingDoctorId,
      doctorName: a.attendingDoctor.name,
      start: a.admittedAt,
      end: a.dischargedAt,
      department: a.department?.name,
    }),
    reasonCode: [{ text: a.reason }],
  };
}

// --- Condition ------------------------------------------------------------------------------

export type DiagnosisRow = {
  id: string;
  code: string | null;
  description: string;
  consultation: {
    id: string;
    patientId: string;
    doctorId: string;
    createdAt: Date;
    signedAt: Date | null;
    doctor: { name: string };
  };
};
export type ProblemRow = { id: string; patientId: string; text: string; code: string | null; createdAt: Date };

/**
 * The ICD-10-CM coding with the display of the shipped code list (lib/clinical/icd10cm-data.ts), the
 * clinician's words as text. A code the list does not have (entry refuses those; an older row may
 * hold one) goes as text only: never a coding whose display we would have to make up.
 */
const conditionCode = (code: string | null, text: string): R4.CodeableConcept => {
  const icd = code ? icdByCode(code.trim()) : null;
  return icd ? concept(SYSTEM.icd10cm, icd.code, icd.description, text) : { text };
};
const CLINICAL_ACTIVE = concept(SYSTEM.conditionClinical, "active", "Active");

export function diagnosisCondition(d: DiagnosisRow): R4.Condition {
  const c = d.consultation;
  return {
    resourceType: "Condition",
    id: d.id,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: c.signedAt
      ? concept(SYSTEM.conditionVerification, "confirmed", "Confirmed")
      : concept(SYSTEM.conditionVerification, "provisional", "Provisional"),
    category: [concept(SYSTEM.conditionCategory, "encounter-diagnosis", "Encounter Diagnosis")],
    code: conditionCode(d.code, d.description),
    subject: ref("Patient", c.patientId),
    encounter: ref("Encounter", c.id),
    recordedDate: instant(c.createdAt),
    asserter: ref("Practitioner", c.doctorId, c.doctor.name),
  };
}

export function problemCondition(p: ProblemRow): R4.Condition {
  return {
    resourceType: "Condition",
    id: p.id,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: concept(SYSTEM.conditionVerification, "confirmed", "Confirmed"),
    category: [concept(SYSTEM.conditionCategory, "problem-list-item", "Problem List Item")],
    code: conditionCode(p.code, p.text),
    subject: ref("Patient", p.patientId),
    recordedDate: instant(p.createdAt),
  };
}

// --- AllergyIntolerance ---------------------------------------------------------------------

export type AllergyRow = {
  id: string;
  patientId: string;
  substance: string;
  drugClass: string | null;
  reaction: string | null;
  severity: AllergySeverity | null;
  createdAt: Date;
};

/** Criticality is the risk of a future severe reaction: a severe reaction recorded means high. */
const CRITICALITY: Record<AllergySeverity, R4.AllergyIntolerance["criticality"]> = {
  mild: "low",
  moderate: "low",
  severe: "high",
};

export function toAllergy(a: AllergyRow): R4.AllergyIntolerance {
  return {
    resourceType: "AllergyIntolerance",
    id: a.id,
    clinicalStatus: concept(SYSTEM.allergyClinical, "active", "Active"),
    verificationStatus: concept(SYSTEM.allergyVerification, "confirmed", "Confirmed"),
    type: "allergy",
    ...(a.drugClass ? { category: ["medication" as const] } : {}),
    ...(a.severity ? { criticality: CRITICALITY[a.severity] } : {}),
    code: substanceConcept(a.substance),
    patient: ref("Patient", a.patientId),
    recordedDate: instant(a.createdAt),
    ...(a.reaction ? { reaction: [{ manifestation: [{ text: a.reaction }], ...opt("severity", a.severity) }] } : {}),
  };
}

// --- Observation: vital signs ---------------------------------------------------------------

export type VitalRow = {
  id: string;
  patientId: string;
  recordedById: string;
  takenAt: Date;
  createdAt: Date;
  temperatureC: number | null;
  pulse: number | null;
  respiratoryRate: number | null;
  systolic: number | null;
  diastolic: number | null;
  spo2: number | null;
  weightKg: number | null;
  heightCm: number | null;
  painScore: number | null;
  consciousness: string | null;
  supplementalOxygen: boolean | null;
  news2Score: number | null;
  news2Subscores: unknown;
  news2Scale: number | null;
};

type VitalDef = {
  loinc?: string;
  snomed?: string;
  display: string;
  extra?: R4.Coding[];
  unit?: string;
  code?: string;
  category: "vital-signs" | "survey";
  value: (v: VitalRow) => number | string | boolean | null;
};

/** One Observation per measurement; the key is the suffix of its id (`<vital id>-<key>`). */
export const VITALS = {
  temp: {
    loinc: "8310-5",
    display: "Body temperature",
    unit: "Cel",
    category: "vital-signs",
    value: (v) => v.temperatureC,
  },
  hr: { loinc: "8867-4", display: "Heart rate", unit: "/min", category: "vital-signs", value: (v) => v.pulse },
  rr: {
    loinc: "9279-1",
    display: "Respiratory rate",
    unit: "/min",
    category: "vital-signs",
    value: (v) => v.respiratoryRate,
  },
  bp: {
    loinc: "85354-9",
    display: "Blood pressure panel with all children optional",
    category: "vital-signs",
    value: (v) => v.systolic ?? v.diastolic,
  },
  spo2: {
    loinc: "2708-6",
    display: "Oxygen saturation in Arterial blood",
    unit: "%",
    category: "vital-signs",
    value: (v) => v.spo2,
    extra: [
      { system: SYSTEM.loinc, code: "59408-5", display: "Oxygen saturation in Arterial blood by Pulse oximetry" },
    ],
  },
  wt: { loinc: "29463-7", display: "Body weight", unit: "kg", category: "vital-signs", value: (v) => v.weightKg },
  ht: { loinc: "8302-2", display: "Body height", unit: "cm", category: "vital-signs", value: (v) => v.heightCm },
  bmi: {
    loinc: "39156-5",
    display: "Body mass index (BMI) [Ratio]",
    unit: "kg/m2",
    category: "vital-signs",
    value: (v) => bmi(v.weightKg, v.heightCm),
  },
  pain: {
    loinc: "72514-3",
    display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    unit: "{score}",
    code: "{score}",
    category: "survey",
    value: (v) => v.painScore,
  },
  // NHS Digital's FHIR-NEWS2 guidance (CareConnect observations; SNOMED CT UK edition codes): ACVPU
  // 1104441000000107, air or oxygen as text with 722742002 "Breathing room air" / 371825009 "Patient on
  // oxygen", the total score 1104051000000101 with the sub-scores as components and derivedFrom the
  // vitals. Cross-checked with github.com/SynaneticsLtd/emergency-department-ig (examples/observation).
  acvpu: {
    snomed: "1104441000000107",
    display: "ACVPU (Alert Confusion Voice Pain Unresponsive) scale score",
    category: "survey",
    value: (v) => v.consciousness,
  },
  o2: { display: "Air or Oxygen Observation", category: "vital-signs", value: (v) => v.supplementalOxygen },
  news2: {
    snomed: "1104051000000101",
    display: "Royal College of Physicians NEWS2 (National Early Warning Score 2) total score",
    category: "survey",
    value: (v) => v.news2Score,
  },
} satisfies Record<string, VitalDef>;
export type VitalKey = keyof typeof VITALS;
export const VITAL_KEYS = Object.keys(VITALS) as VitalKey[];

const ucum = (value: number, unit: string): R4.Quantity => ({ value, unit, system: SYSTEM.ucum, code: unit });
const categoryOf = (code: string, display: string): R4.CodeableConcept[] => [
  concept(SYSTEM.observationCategory, code, display),
];
const CATEGORY_DISPLAY = { "vital-signs": "Vital Signs", survey: "Survey", laboratory: "Laboratory" } as const;

/** The measurements a vital-signs row holds, in a fixed order. */
export const vitalKeysOf = (v: VitalRow): VitalKey[] => VITAL_KEYS.filter((k) => VITALS[k].value(v) !== null);

const ACVPU_TEXT: Record<string, string> = {
  A: "Alert",
  C: "New confusion",
  V: "Responds to voice",
  P: "Responds to pain",
  U: "Unresponsive",
};
const NEWS2_SUBSCORE_CODES: [keyof Record<string, number>, string, string][] = [
  ["respiratoryRate", "1104301000000104", "respiration rate score"],
  ["spo2", "", ""], // scale 1 or 2, below
  ["airOrOxygen", "1104331000000105", "air or oxygen score"],
  ["systolic", "1104341000000101", "systolic blood pressure score"],
  ["pulse", "1104351000000103", "pulse score"],
  ["consciousness", "1104361000000100", "consciousness score"],
  ["temperature", "1104371000000107", "temperature score"],
];
const SPO2_SCALE_CODE = { 1: "1104311000000102", 2: "1104321000000108" } as const;
const score = (value: number): R4.Quantity => ({ value, system: SYSTEM.ucum, code: "{score}" });

/** The total NEWS2 of a scored set: its sub-scores as components, derived from the set's observations. */
function news2Parts(v: VitalRow): Pick<R4.Observation, "valueQuantity" | "component" | "derivedFrom"> {
  const subs = (v.news2Subscores ?? {}) as Record<string, number>;
  const scale = v.news2Scale === 2 ? 2 : 1;
  const component: R4.ObservationComponent[] = NEWS2_SUBSCORE_CODES.map(([k, code, what]) => {
    const [c, w] = k === "spo2" ? [SPO2_SCALE_CODE[scale], `oxygen saturation scale ${scale} score`] : [code, what];
    return {
      code: concept(SYSTEM.snomed, c, `Royal College of Physicians NEWS2 (National Early Warning Score 2) - ${w}`),
      valueQuantity: score(subs[k] ?? 0),
    };
  });
  const from: VitalKey[] = ["rr", "spo2", "o2", "bp", "hr", "acvpu", "temp"];
  return {
    valueQuantity: score(v.news2Score!),
    component,
    derivedFrom: from.map((k) => ref("Observation", `${v.id}-${k}`)),
  };
}

export function vitalObservation(v: VitalRow, key: VitalKey): R4.Observation {
  const def: VitalDef = VITALS[key];
  const value = def.value(v);
  const coding: R4.Coding[] = def.loinc
    ? [{ system: SYSTEM.loinc, code: def.loinc, display: def.display }]
    : def.snomed
      ? [{ system: SYSTEM.snomed, code: def.snomed, display: def.display }]
      : [];
  const base: R4.Observation = {
    resourceType: "Observation",
    id: `${v.id}-${key}`,
    status: "final",
    category: categoryOf(def.category, CATEGORY_DISPLAY[def.category]),
    code: { ...(coding.length || def.extra ? { coding: [...coding, ...(def.extra ?? [])] } : {}), text: def.display },
    subject: ref("Patient", v.patientId),
    effectiveDateTime: instant(v.takenAt),
    issued: instant(v.createdAt),
    performer: [ref("Practitioner", v.recordedById)],
  };
  if (key === "bp") {
    const component: R4.ObservationComponent[] = [];
    if (v.systolic !== null)
      component.push({
        code: concept(SYSTEM.loinc, "8480-6", "Systolic blood pressure"),
        valueQuantity: ucum(v.systolic, "mm[Hg]"),
      });
    if (v.diastolic !== null)
      component.push({
        code: concept(SYSTEM.loinc, "8462-4", "Diastolic blood pressure"),
        valueQuantity: ucum(v.diastolic, "mm[Hg]"),
      });
    return { ...base, component };
  }
  // Alert is coded (248234008 "Mentally alert", as in the guidance's example); C, V, P and U go as text.
  if (key === "acvpu")
    return {
      ...base,
      valueCodeableConcept:
        v.consciousness === "A"
          ? concept(SYSTEM.snomed, "248234008", "Mentally alert", "Alert")
          : { text: ACVPU_TEXT[v.consciousness!] },
    };
  if (key === "o2")
    return {
      ...base,
      valueCodeableConcept: v.supplementalOxygen
        ? concept(SYSTEM.snomed, "371825009", "Patient on oxygen")
        : concept(SYSTEM.snomed, "722742002", "Breathing room air"),
    };
  if (key === "news2") return { ...base, ...news2Parts(v) };
  return { ...base, valueQuantity: ucum(value as number, def.unit!) };
}

// --- Observation: lab results ---------------------------------------------------------------

export type LabResultRow = {
  id: string;
  value: number | null;
  valueText: string | null;
  unit: string | null;
  refLow: number | null;
  refHigh: number | null;
  flag: AbnormalFlag;
  enteredById: string;
  resultedAt: Date;
  // A correction (lib/clinical/service.ts amendLabResult): status "corrected", the reason as a note.
  amendsId?: string | null;
  amendReason?: string | null;
  order: {
    patientId: string;
    consultationId: string | null;
    test: { code: string; loinc: string | null; name: string; unit: string | null };
  };
};

/** Our catalogue's units in UCUM; a unit outside this list goes out as text only. */
const UCUM: Record<string, string> = {
  "g/dL": "g/dL",
  "g/L": "g/L",
  "%": "%",
  "10^9/L": "10*9/L",
  fL: "fL",
  "mmol/L": "mmol/L",
  "µmol/L": "umol/L",
  "umol/L": "umol/L",
  "U/L": "U/L",
  "mg/L": "mg/L",
  "mg/dL": "mg/dL",
  "mIU/L": "m[IU]/L",
};
const quantity = (value: number, unit: string | null): R4.Quantity => {
  if (!unit) return { value };
  const code = UCUM[unit];
  return code ? { value, unit, system: SYSTEM.ucum, code } : { value, unit };
};

const INTERPRETATION: Record<AbnormalFlag, [string, string]> = {
  NORMAL: ["N", "Normal"],
  LOW: ["L", "Low"],
  HIGH: ["H", "High"],
  ABNORMAL: ["A", "Abnormal"],
};

export function labObservation(r: LabResultRow): R4.Observation {
  const t = r.order.test;
  const unit = r.unit ?? t.unit;
  const [code, display] = INTERPRETATION[r.flag];
  const range =
    r.refLow !== null || r.refHigh !== null
      ? [
          {
            ...(r.refLow !== null ? { low: quantity(r.refLow, unit) } : {}),
            ...(r.refHigh !== null ? { high: quantity(r.refHigh, unit) } : {}),
          },
        ]
      : undefined;
  return {
    resourceType: "Observation",
    id: r.id,
    status: r.amendsId ? "corrected" : "final",
    ...(r.amendsId && r.amendReason ? { note: [{ text: r.amendReason }] } : {}),
    category: categoryOf("laboratory", CATEGORY_DISPLAY.laboratory),
    code: t.loinc ? concept(SYSTEM.loinc, t.loinc, t.name, t.name) : { text: t.name },
    subject: ref("Patient", r.order.patientId),
    ...(r.order.consultationId ? { encounter: ref("Encounter", r.order.consultationId) } : {}),
    effectiveDateTime: instant(r.resultedAt),
    issued: instant(r.resultedAt),
    performer: [ref("Practitioner", r.enteredById)],
    ...(r.value !== null
      ? { valueQuantity: quantity(r.value, unit) }
      : r.valueText
        ? { valueString: r.valueText }
        : {}),
    interpretation: [concept(SYSTEM.interpretation, code, display)],
    ...(range ? { referenceRange: range } : {}),
  };
}

// --- MedicationRequest ----------------------------------------------------------------------

export type PrescriptionLineRow = {
  id: string;
  dose: string;
  route: string;
  frequency: string;
  durationDays: number;
  quantity: number;
  dispensedQuantity: number;
  instructions: string | null;
  drug: { genericName: string; brandName: string | null; form: string; strength: string };
  prescription: {
    id: string;
    patientId: string;
    prescriberId: string;
    consultationId: string | null;
    issuedAt: Date;
    expiresAt: Date;
    prescriber: { name: string };
    /** The safety findings (lib/prescriptions/safety.ts Finding[], stored as JSON), the prescriber's override reason and the pharmacist's acknowledgement. */
    findings: unknown;
    overrideReason: string | null;
    overrideAcknowledgedAt: Date | null;
    overrideAcknowledgedBy: { id: string; name: string } | null;
  };
};

const ISSUE_CODE: Record<Finding["kind"], [string, string] | null> = {
  ALLERGY: ["ALGY", "Allergy Alert"],
  ALLERGY_CLASS: ["ALGY", "Allergy Alert"],
  INTERACTION: ["DRG", "Drug Interaction Alert"],
  DUPLICATE_THERAPY: ["DUPTHPY", "Duplicate Therapy Alert"],
  UNCHECKED: null,
};
const ISSUE_KIND_TEXT: Record<Finding["kind"], string> = {
  ALLERGY: "Allergy",
  ALLERGY_CLASS: "Allergy (drug class)",
  INTERACTION: "Interaction",
  DUPLICATE_THERAPY: "Duplicate therapy",
  UNCHECKED: "Not checked",
};

/**
 * The safety findings that concern this line (those naming its drug: every finding names at least
 * one of the prescription's lines), each as a contained DetectedIssue: code from
 * v3-ActCode (allergy, interaction, duplicate therapy; a check that could not run as text only),
 * severity, the sentence as `detail`, and as mitigations the prescriber's override (reason, date,
 * author) and, once given, the pharmacist's acknowledgement.
 */
export function detectedIssues(l: PrescriptionLineRow): R4.DetectedIssue[] {
  const p = l.prescription;
  const all = Array.isArray(p.findings) ? (p.findings as Finding[]) : [];
  const drug = l.drug.genericName.trim().toLowerCase();
  const findings = all.filter((f) => Array.isArray(f.drugs) && f.drugs.includes(drug));
  const mitigation: R4.DetectedIssueMitigation[] = [
    ...(p.overrideReason
      ? [
          {
            action: { text: `Prescribed despite the finding: ${p.overrideReason}` },
            date: instant(p.issuedAt),
            author: ref("Practitioner", p.prescriberId, p.prescriber.name),
          },
        ]
      : []),
    ...(p.overrideAcknowledgedAt && p.overrideAcknowledgedBy
      ? [
          {
            action: { text: "Acknowledged by the dispensing pharmacist" },
            date: instant(p.overrideAcknowledgedAt),
            author: ref("Practitioner", p.overrideAcknowledgedBy.id, p.overrideAcknowledgedBy.name),
          },
        ]
      : []),
  ];
  return findings.map((f, i) => {
    const code = ISSUE_CODE[f.kind];
    return {
      resourceType: "DetectedIssue",
      id: `issue-${i + 1}`,
      status: "final",
      code: code
        ? concept(SYSTEM.actCode, code[0], code[1], ISSUE_KIND_TEXT[f.kind])
        : { text: ISSUE_KIND_TEXT[f.kind] },
      severity: f.severity,
      patient: ref("Patient", p.patientId),
      identifiedDateTime: instant(p.issuedAt),
      detail: f.message,
      ...(mitigation.length ? { mitigation } : {}),
    };
  });
}

/**
 * A line's status from its prescription's effective status (lib/prescriptions/status.ts): a line
 * dispensed in full is completed; a revoked one cancelled when nothing was handed out, else stopped;
 * an expired one stopped.
 */
export function medicationStatus(
  status: PrescriptionStatus,
  line: { quantity: number; dispensedQuantity: number },
): R4.MedicationRequest["status"] {
  if (status === "DISPENSED" || line.dispensedQuantity >= line.quantity) return "completed";
  if (status === "REVOKED") return line.dispensedQuantity > 0 ? "stopped" : "cancelled";
  if (status === "EXPIRED") return "stopped";
  return "active";
}

export function toMedicationRequest(l: PrescriptionLineRow, status: PrescriptionStatus): R4.MedicationRequest {
  const p = l.prescription;
  const d = l.drug;
  const name = `${d.genericName}${d.brandName ? ` (${d.brandName})` : ""} ${d.strength} ${d.form}`;
  const issues = detectedIssues(l);
  return {
    resourceType: "MedicationRequest",
    id: l.id,
    ...(issues.length ? { contained: issues } : {}),
    status: medicationStatus(status, l),
    intent: "order",
    groupIdentifier: { system: SYSTEM.prescription, value: p.id },
    medicationCodeableConcept: { text: name },
    subject: ref("Patient", p.patientId),
    ...(p.consultationId ? { encounter: ref("Encounter", p.consultationId) } : {}),
    authoredOn: instant(p.issuedAt),
    requester: ref("Practitioner", p.prescriberId, p.prescriber.name),
    ...(issues.length ? { detectedIssue: issues.map((i) => ({ reference: `#${i.id}` })) } : {}),
    dosageInstruction: [dosage(l)],
    dispenseRequest: {
      validityPeriod: { start: instant(p.issuedAt), end: instant(p.expiresAt) },
      quantity: { value: l.quantity, unit: d.form },
    },
  };
}

// --- Appointment ----------------------------------------------------------------------------

export type AppointmentRow = {
  id: string;
  patientId: string;
  doctorId: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  reason: string | null;
  cancelReason: string | null;
  createdAt: Date;
  doctor: { name: string };
  patient: { firstName: string; lastName: string };
};

const APPOINTMENT_STATUS: Record<AppointmentStatus, R4.Appointment["status"]> = {
  BOOKED: "booked",
  CHECKED_IN: "arrived",
  COMPLETED: "fulfilled",
  CANCELLED: "cancelled",
  NO_SHOW: "noshow",
};

export function toAppointment(a: AppointmentRow): R4.Appointment {
  return {
    resourceType: "Appointment",
    id: a.id,
    status: APPOINTMENT_STATUS[a.status],
    ...(a.status === "CANCELLED" && a.cancelReason ? { cancelationReason: { text: a.cancelReason } } : {}),
    ...opt("description", a.reason),
    start: instant(a.startsAt),
    end: instant(a.endsAt),
    minutesDuration: Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000),
    created: instant(a.createdAt),
    participant: [
      {
        actor: ref("Patient", a.patientId, `${a.patient.firstName} ${a.patient.lastName}`),
        required: "required",
        status: "accepted",
      },
      { actor: ref("Practitioner", a.doctorId, a.doctor.name), required: "required", status: "accepted" },
    ],
  };
}

// --- DocumentReference ----------------------------------------------------------------------

export const DOCUMENT_CATEGORY_SYSTEM = "urn:hms:document-category";
const DOCUMENT_CATEGORY_DISPLAY = {
  referral: "Referral",
  result: "Result",
  imaging: "Imaging",
  consent: "Consent",
  other: "Other",
} as const;
export type DocumentCategoryCode = keyof typeof DOCUMENT_CATEGORY_DISPLAY;
export const DOCUMENT_CATEGORY_CODES = Object.keys(DOCUMENT_CATEGORY_DISPLAY) as DocumentCategoryCode[];

export type DocumentRow = {
  id: string;
  patientId: string;
  consultationId: string | null;
  admissionId: string | null;
  title: string;
  category: string;
  documentDate: Date;
  consentSignedOn: Date | null;
  contentType: string;
  byteSize: number;
  createdAt: Date;
};

/**
 * A document on the chart; its bytes are at `content[0].attachment.url` (the REST content route,
 * which audits every view). A consent's attachment `creation` is the date it was signed.
 */
export function toDocumentReference(d: DocumentRow, contentBase: string): R4.DocumentReference {
  const code = d.category.toLowerCase() as DocumentCategoryCode;
  const encounter = d.consultationId ?? d.admissionId;
  return {
    resourceType: "DocumentReference",
    id: d.id,
    meta: { lastUpdated: instant(d.createdAt) },
    status: "current",
    ...(code === "consent" ? { type: concept(SYSTEM.loinc, "59284-0", "Consent Document") } : {}),
    category: [concept(DOCUMENT_CATEGORY_SYSTEM, code, DOCUMENT_CATEGORY_DISPLAY[code])],
    subject: ref("Patient", d.patientId),
    date: instant(d.createdAt),
    description: d.title,
    content: [
      {
        attachment: {
          contentType: d.contentType,
          url: `${contentBase}/api/v1/documents/${d.id}`,
          size: d.byteSize,
          title: d.title,
          creation: date(d.consentSignedOn ?? d.documentDate),
        },
      },
    ],
    ...(encounter ? { context: { encounter: [ref("Encounter", encounter)] } } : {}),
  };
}
