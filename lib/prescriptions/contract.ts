import { PAGING, defineOperation, queryOf } from "@/lib/server/contract";
import { PRESCRIPTION_FILTER_KEYS, ZPrescribe, ZRevoke } from "./schemas";

import { ZDispense } from "@/lib/pharmacy/schemas";

// The prescriptions operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  postPrescriptionsByIdDispense: defineOperation({ method: "POST", path: "/prescriptions/{id}/dispense", idempotent: true, body: ZDispense, emptyBody: {}, tag: "prescriptions", summary: "`{ items?: [{ itemId, quantity }] }` (no body or no items: dispense all that remains) → 201 with the dispense, its batch lines and the prescription's new status. 409 OUT_OF_STOCK (nothing written); 409 INVALID_TRANSITION for a revoked, expired or fully dispensed prescription; 409 OVERRIDE_NOT_ACKNOWLEDGED for a prescription signed despite safety findings that no pharmacist has acknowledged yet (POST /prescriptions/{id}/override-acknowledgement first).", permission: "pharmacy.dispense", status: 201 }),
  postPrescriptionsByIdOverrideAcknowledgement: defineOperation({ method: "POST", path: "/prescriptions/{id}/override-acknowledgement", tag: "prescriptions", summary: "No body. Acknowledges the safety findings and the prescriber's override reason of a prescription signed despite them (required before dispensing it) → 201 `{ prescriptionId, acknowledgedAt, acknowledgedBy }`; 200 with the standing acknowledgement when one exists. 409 INVALID_TRANSITION when the prescription has no override.", permission: "pharmacy.dispense", status: 201 }),
  getPrescriptionsByIdPdf: defineOperation({ method: "GET", path: "/prescriptions/{id}/pdf", tag: "prescriptions", summary: "`?paper=A4|LETTER` (default A4): the printable prescription with its verification QR code.", permission: "prescription.read", query: queryOf(["paper"]) }),
  postPrescriptionsByIdRevoke: defineOperation({ method: "POST", path: "/prescriptions/{id}/revoke", tag: "prescriptions", summary: "`{ reason }`: the prescribing doctor only; a fully dispensed prescription → 409 INVALID_TRANSITION.", permission: "prescription.write", body: ZRevoke }),
  getPrescriptionsById: defineOperation({ method: "GET", path: "/prescriptions/{id}", tag: "prescriptions", summary: "One prescription by id.", permission: "prescription.read" }),
  getPrescriptions: defineOperation({ method: "GET", path: "/prescriptions", tag: "prescriptions", summary: "`?status=&patientId=&page=&pageSize=&sort=-issuedAt|issuedAt`, scoped to the caller (patients: their own).", permission: "prescription.read", query: queryOf([...PAGING, ...PRESCRIPTION_FILTER_KEYS]), list: true }),
  postPrescriptions: defineOperation({ method: "POST", path: "/prescriptions", idempotent: true, tag: "prescriptions", summary: "Prescribes (doctors). Safety findings without `overrideReason` → 409 SAFETY_CHECK with `error.details.findings`.", permission: "prescription.write", body: ZPrescribe, status: 201 }),
};
