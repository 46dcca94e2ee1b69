import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { PRESCRIPTION_FILTER_KEYS, ZPrescribe, ZRevoke } from "./schemas";

import { ZDispense } from "@/lib/pharmacy/schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getPrescriptionsByIdResponse = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  issuedAt: zIso,
  expiresAt: zIso,
  revokedAt: zIso.nullable(),
  revokeReason: z.string().nullable(),
  overrideReason: z.string().nullable(),
  overrideAcknowledgement: z.object({ at: zIso, by: z.object({ id: z.string(), name: z.string() }) }).nullable(),
  findings: z.array(
    z
      .object({
        kind: z.enum(["ALLERGY", "ALLERGY_CLASS", "INTERACTION", "DUPLICATE_THERAPY", "UNCHECKED"]),
        severity: z.enum(["high", "moderate", "low"]),
        drugs: z.array(z.string()),
        message: z.string().describe("The English sentence, as kept with the prescription."),
        key: z.string().optional().describe("Which sentence, for readers in other languages (absent on old findings)."),
        params: z
          .record(z.string(), z.string())
          .optional()
          .describe("The sentence's values (drug, substance, cls...)."),
      })
      .describe("A medication safety finding (lib/prescriptions/finding-types.ts)."),
  ),
  verifyUrl: z.string(),
  consultationId: z.string().nullable(),
  patient: z.object({
    id: z.string(),
    mrn: z.string(),
    name: z.string(),
  }),
  prescriber: z.object({
    id: z.string(),
    name: z.string(),
  }),
  items: z.array(
    z.object({
      id: z.string(),
      dose: z.string(),
      route: z.string(),
      frequency: z.string(),
      durationDays: z.number().int(),
      quantity: z.number().int(),
      dispensedQuantity: z.number().int(),
      instructions: z.string().nullable(),
      drug: z.object({
        id: z.string(),
        genericName: z.string(),
        brandName: z.string().nullable(),
        form: z.string(),
        strength: z.string(),
      }),
    }),
  ),
});

const getPrescriptionsResponse = listOf(
  z.object({
    id: z.string(),
    status: z.string(),
    issuedAt: zIso,
    expiresAt: zIso,
    patient: z.object({
      id: z.string(),
      mrn: z.string(),
      name: z.string(),
    }),
    prescriber: z.object({
      id: z.string(),
      name: z.string(),
    }),
    drugs: z.array(z.string()),
  }),
);

/** A dispense: its batch lines and the prescription's status after it. */
const ZDispensed = z.object({
  id: z.string(),
  prescriptionId: z.string(),
  status: z.enum(["PARTIALLY_DISPENSED", "DISPENSED"]),
  dispensedAt: zIso,
  lines: z.array(z.object({ itemId: z.string(), batchId: z.string(), quantity: z.number().int().min(1) })),
});

/** A pharmacist's acknowledgement of a safety override: when and by whom (a user id). */
const ZOverrideAcknowledgement = z.object({
  prescriptionId: z.string(),
  acknowledgedAt: zIso,
  acknowledgedBy: z.string(),
});

// The prescriptions operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  postPrescriptionsByIdDispense: defineOperation({
    response: ZDispensed,
    errors: [409],
    method: "POST",
    path: "/prescriptions/{id}/dispense",
    idempotent: true,
    body: ZDispense,
    emptyBody: {},
    tag: "prescriptions",
    summary:
      "`{ items?: [{ itemId, quantity }] }` (no body or no items: dispense all that remains) → 201 with the dispense, its batch lines and the prescription's new status. 409 OUT_OF_STOCK (nothing written); 409 INVALID_TRANSITION for a revoked, expired or fully dispensed prescription; 409 OVERRIDE_NOT_ACKNOWLEDGED for a prescription signed despite safety findings that no pharmacist has acknowledged yet (POST /prescriptions/{id}/override-acknowledgement first).",
    permission: "pharmacy.dispense",
    status: 201,
  }),
  postPrescriptionsByIdOverrideAcknowledgement: defineOperation({
    response: ZOverrideAcknowledgement,
    errors: [409],
    method: "POST",
    path: "/prescriptions/{id}/override-acknowledgement",
    tag: "prescriptions",
    summary:
      "No body. Acknowledges the safety findings and the prescriber's override reason of a prescription signed despite them (required before dispensing it) → 201 `{ prescriptionId, acknowledgedAt, acknowledgedBy }`; 200 with the standing acknowledgement when one exists. 409 INVALID_TRANSITION when the prescription has no override.",
    permission: "pharmacy.dispense",
    status: 201,
    otherStatuses: [200],
  }),
  getPrescriptionsByIdPdf: defineOperation({
    produces: ["application/pdf"],
    method: "GET",
    path: "/prescriptions/{id}/pdf",
    tag: "prescriptions",
    summary: "`?paper=A4|LETTER` (default A4): the printable prescription with its verification QR code.",
    permission: "prescription.read",
    query: queryOf(["paper"]),
  }),
  postPrescriptionsByIdRevoke: defineOperation({
    response: getPrescriptionsByIdResponse,
    errors: [409],
    method: "POST",
    path: "/prescriptions/{id}/revoke",
    tag: "prescriptions",
    summary: "`{ reason }`: the prescribing doctor only; a fully dispensed prescription → 409 INVALID_TRANSITION.",
    permission: "prescription.write",
    body: ZRevoke,
  }),
  getPrescriptionsById: defineOperation({
    response: getPrescriptionsByIdResponse,
    method: "GET",
    path: "/prescriptions/{id}",
    tag: "prescriptions",
    summary: "One prescription by id.",
    permission: "prescription.read",
  }),
  getPrescriptions: defineOperation({
    response: getPrescriptionsResponse,
    method: "GET",
    path: "/prescriptions",
    tag: "prescriptions",
    summary:
      "`?status=&patientId=&page=&pageSize=&sort=-issuedAt|issuedAt`, scoped to the caller (patients: their own).",
    permission: "prescription.read",
    query: queryOf([...PAGING, ...PRESCRIPTION_FILTER_KEYS]),
    list: true,
  }),
  postPrescriptions: defineOperation({
    response: getPrescriptionsByIdResponse,
    examples: {
      request: {
        patientId: "cmf3x2p0k0001qz8r5t6y7u8i",
        items: [
          {
            drugId: "cmf3x2p0k0003qz8r9e8f7g6h",
            dose: "500 mg",
            route: "oral",
            frequency: "three times a day",
            durationDays: 7,
            instructions: "After meals",
          },
        ],
      },
    },
    errors: [409],
    method: "POST",
    path: "/prescriptions",
    idempotent: true,
    tag: "prescriptions",
    summary:
      "Prescribes (doctors). Safety findings without `overrideReason` → 409 SAFETY_CHECK with `error.details.findings`.",
    permission: "prescription.write",
    body: ZPrescribe,
    status: 201,
  }),
};
