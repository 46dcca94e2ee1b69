// Messages of the FHIR R4 API (/fhir/R4): returned as OperationOutcome diagnostics.
export const fhirEn = {
  unknownType: (type: string) => `FHIR resource type ${type} is not served here.`,
  unknownPath: "Use /fhir/R4/metadata, /fhir/R4/{type}, /fhir/R4/{type}/{id} or /fhir/R4/Patient/{id}/$everything.",
  patientRequired: "Search by patient: ?patient={id}",
  badCount: "A whole number from 1 to 200",
  badOffset: "A whole number from 0",
  badParam: (name: string) => `Search parameter ${name} is not supported.`,
  badIdentifier:
    "Use identifier=urn:hms:mrn|{MRN}, identifier={national id system}|{national id} or identifier={MRN or national id}",
  ignoredParam: (name: string) =>
    `Search parameter ${name} is not supported and was ignored (send Prefer: handling=strict to have it refused).`,
  badType:
    "Use a comma-separated list of Patient, Encounter, Condition, AllergyIntolerance, Observation, MedicationRequest, Appointment, DocumentReference",
  badDate: "Use a date (2024-05-01) or a date and time with its zone (2024-05-01T08:00:00Z)",
  badCategory: "Use vital-signs, laboratory or survey",
  badDocumentCategory: "Use referral, result, imaging, consent or other",
  tooManyWords: (n: number) => `Search by at most ${n} words`,
  tooManyValues: (n: number) => `Give at most ${n} values`,
  tooLong: (n: number) => `Use at most ${n} characters`,
} as const;
