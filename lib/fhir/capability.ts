import type * as R4 from "fhir/r4";

// What /fhir/R4 serves, as the CapabilityStatement at /fhir/R4/metadata: only what the server does.
// The search parameters listed here are the ones lib/fhir/handler.ts reads; any other is ignored
// (listed in the Bundle as an OperationOutcome warning), or refused under Prefer: handling=strict.

const param = (name: string, type: R4.CapabilityStatementRestResourceSearchParam["type"], documentation: string) => ({
  name,
  type,
  documentation,
});
const PAGING = [
  param("_count", "number", "Page size, 1 to 200 (default 20)"),
  param("_offset", "number", "Entries to skip (or _page, from 1)"),
];
const BY_PATIENT = param("patient", "reference", "The patient (id or Patient/id); required");

export const SEARCH_PARAMS = {
  Patient: [
    param("_id", "token", "Logical id"),
    param("name", "string", "Each word a prefix of the given or family name"),
    param(
      "identifier",
      "token",
      "MRN (urn:hms:mrn|H-000123), national id (NATIONAL_ID_SYSTEM|value) or either without a system",
    ),
  ],
  Practitioner: [param("_id", "token", "Logical id"), param("name", "string", "Part of the name")],
  Encounter: [BY_PATIENT],
  Condition: [BY_PATIENT],
  AllergyIntolerance: [BY_PATIENT],
  Observation: [BY_PATIENT, param("category", "token", "vital-signs, survey or laboratory")],
  MedicationRequest: [BY_PATIENT],
  Appointment: [BY_PATIENT],
  DocumentReference: [
    BY_PATIENT,
    param("category", "token", "referral, result, imaging, consent or other (system urn:hms:document-category)"),
  ],
} satisfies Record<string, { name: string }[]>;
export type FhirType = keyof typeof SEARCH_PARAMS;
export const FHIR_TYPES = Object.keys(SEARCH_PARAMS) as FhirType[];

export function capabilityStatement(base: string, software: string, date: Date): R4.CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: date.toISOString(),
    kind: "instance",
    software: { name: software },
    implementation: { description: `${software} FHIR R4 read API`, url: `${base}/fhir/R4` },
    fhirVersion: "4.0.1",
    format: ["json", "application/fhir+json"],
    rest: [
      {
        mode: "server",
        // No OAuth or SMART service is claimed: there is no authorization server or SMART configuration.
        security: {
          cors: false,
          description:
            "Authorization: Bearer <token>, a sign-in token from POST /api/v1/auth/token or an integration token (scope full or fhir:read); a 401 carries WWW-Authenticate: Bearer. Patients read only their own record. Unknown search parameters are ignored (an OperationOutcome warning in the Bundle) unless the request sends Prefer: handling=strict.",
        },
        resource: FHIR_TYPES.map((type) => ({
          type,
          interaction: [{ code: "read" }, { code: "search-type" }],
          searchParam: [...SEARCH_PARAMS[type], ...PAGING],
          ...(type === "Patient"
            ? {
                operation: [
                  {
                    name: "everything",
                    definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                    documentation: "Parameters _type, _since, start, end, _count (and _offset)",
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
