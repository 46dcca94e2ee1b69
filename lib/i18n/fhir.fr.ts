import type { Messages } from "./en";

// Messages de l'API FHIR R4 (/fhir/R4) : renvoyés dans les diagnostics d'un OperationOutcome.
export const fhirFr: Messages["fhir"] = {
  unknownType: (type: string) => `Le type de ressource FHIR ${type} n'est pas servi ici.`,
  unknownPath:
    "Utilisez /fhir/R4/metadata, /fhir/R4/{type}, /fhir/R4/{type}/{id} ou /fhir/R4/Patient/{id}/$everything.",
  patientRequired: "Recherchez par patient : ?patient={id}",
  badCount: "Un nombre entier de 1 à 200",
  badOffset: "Un nombre entier à partir de 0",
  badParam: (name: string) => `Le paramètre de recherche ${name} n'est pas pris en charge.`,
  badIdentifier:
    "Utilisez identifier=urn:hms:mrn|{MRN}, identifier={système du numéro national}|{numéro national} ou identifier={MRN ou numéro national}",
  ignoredParam: (name: string) =>
    `Le paramètre de recherche ${name} n'est pas pris en charge et a été ignoré (envoyez Prefer: handling=strict pour qu'il soit refusé).`,
  badType:
    "Utilisez une liste séparée par des virgules de Patient, Encounter, Condition, AllergyIntolerance, Observation, MedicationRequest, Appointment, DocumentReference",
  badDate: "Utilisez une date (2024-05-01) ou une date et une heure avec leur fuseau (2024-05-01T08:00:00Z)",
  badCategory: "Utilisez vital-signs, laboratory ou survey",
  badDocumentCategory: "Utilisez referral, result, imaging, consent ou other",
  tooManyWords: (n: number) => `Recherchez par ${n} mots au plus`,
  tooManyValues: (n: number) => `Donnez ${n} valeurs au plus`,
  tooLong: (n: number) => `Utilisez ${n} caractères au plus`,
};
